using System.Text.Json.Serialization;

namespace OutreachLsp.Server.Protocol;

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#diagnostic</summary>
public sealed record Diagnostic
{
    [JsonPropertyName("range")] public required Range Range { get; init; }
    /// <summary>1 error, 2 warning, 3 information, 4 hint.</summary>
    [JsonPropertyName("severity")] public int? Severity { get; init; }
    /// <summary>The rule id.</summary>
    [JsonPropertyName("code")] public string? Code { get; init; }
    /// <summary>Since LSP 3.16.</summary>
    [JsonPropertyName("codeDescription")] public CodeDescription? CodeDescription { get; init; }
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("message")] public required string Message { get; init; }
    [JsonPropertyName("relatedInformation")] public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#diagnosticSeverity</summary>
public static class DiagnosticSeverity
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Information = 3;
    public const int Hint = 4;
}

/// <summary>Since LSP 3.16. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#codeDescription</summary>
public sealed record CodeDescription([property: JsonPropertyName("href")] string Href);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#diagnosticRelatedInformation</summary>
public sealed record DiagnosticRelatedInformation(
    [property: JsonPropertyName("location")] Location Location,
    [property: JsonPropertyName("message")] string Message);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#publishDiagnosticsParams</summary>
public sealed record PublishDiagnosticsParams
{
    [JsonPropertyName("uri")] public required string Uri { get; init; }
    /// <summary>The version of the open document the diagnostics belong to (absent for files not open).</summary>
    [JsonPropertyName("version")] public int? Version { get; init; }
    [JsonPropertyName("diagnostics")] public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
}

/// <summary>Since LSP 3.17. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#documentDiagnosticParams</summary>
public sealed record DocumentDiagnosticParams
{
    [JsonPropertyName("textDocument")] public required TextDocumentIdentifier TextDocument { get; init; }
    [JsonPropertyName("identifier")] public string? Identifier { get; init; }
    [JsonPropertyName("previousResultId")] public string? PreviousResultId { get; init; }
}

/// <summary>
/// A full or unchanged report of one document (<c>kind</c> "full" or "unchanged"). Since LSP 3.17.
/// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#documentDiagnosticReport
/// </summary>
public sealed record DocumentDiagnosticReport
{
    public const string Full = "full";
    public const string Unchanged = "unchanged";

    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("resultId")] public string? ResultId { get; init; }
    /// <summary>Only for kind "full".</summary>
    [JsonPropertyName("items")] public IReadOnlyList<Diagnostic>? Items { get; init; }
}

/// <summary>
/// A document's report inside a workspace report: a <see cref="DocumentDiagnosticReport"/> plus the
/// document's uri and version (null for files not open). Since LSP 3.17.
/// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#workspaceDocumentDiagnosticReport
/// </summary>
public sealed record WorkspaceDocumentDiagnosticReport
{
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("resultId")] public string? ResultId { get; init; }
    [JsonPropertyName("items")] public IReadOnlyList<Diagnostic>? Items { get; init; }
    [JsonPropertyName("uri")] public required string Uri { get; init; }
    // The spec requires the key even when the value is null.
    [JsonPropertyName("version"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public int? Version { get; init; }
}

/// <summary>Since LSP 3.17. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#workspaceDiagnosticParams</summary>
public sealed record WorkspaceDiagnosticParams
{
    [JsonPropertyName("identifier")] public string? Identifier { get; init; }
    [JsonPropertyName("previousResultIds")] public IReadOnlyList<PreviousResultId> PreviousResultIds { get; init; } = [];
}

/// <summary>Since LSP 3.17. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#previousResultId</summary>
public sealed record PreviousResultId(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("value")] string Value);

/// <summary>Since LSP 3.17. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#workspaceDiagnosticReport</summary>
public sealed record WorkspaceDiagnosticReport([property: JsonPropertyName("items")] IReadOnlyList<WorkspaceDocumentDiagnosticReport> Items);
