using System.Text.Json.Serialization;

namespace OutreachLsp.Server.Protocol;

// Only the client capabilities the server acts on are modelled; the rest of the (large) object is
// ignored on deserialization.

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#clientCapabilities</summary>
public sealed record ClientCapabilities
{
    [JsonPropertyName("workspace")] public WorkspaceClientCapabilities? Workspace { get; init; }
    [JsonPropertyName("textDocument")] public TextDocumentClientCapabilities? TextDocument { get; init; }
    [JsonPropertyName("window")] public WindowClientCapabilities? Window { get; init; }
    [JsonPropertyName("general")] public GeneralClientCapabilities? General { get; init; }
}

/// <summary>The <c>workspace</c> part of <see cref="ClientCapabilities"/>. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#clientCapabilities</summary>
public sealed record WorkspaceClientCapabilities
{
    [JsonPropertyName("applyEdit")] public bool? ApplyEdit { get; init; }
    [JsonPropertyName("workspaceEdit")] public WorkspaceEditClientCapabilities? WorkspaceEdit { get; init; }
    [JsonPropertyName("didChangeConfiguration")] public DynamicRegistrationCapability? DidChangeConfiguration { get; init; }
    [JsonPropertyName("didChangeWatchedFiles")] public DynamicRegistrationCapability? DidChangeWatchedFiles { get; init; }
    [JsonPropertyName("workspaceFolders")] public bool? WorkspaceFolders { get; init; }
    [JsonPropertyName("configuration")] public bool? Configuration { get; init; }
    [JsonPropertyName("diagnostics")] public RefreshCapability? Diagnostics { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#workspaceEditClientCapabilities</summary>
public sealed record WorkspaceEditClientCapabilities
{
    [JsonPropertyName("documentChanges")] public bool? DocumentChanges { get; init; }
    /// <summary>"create", "rename", "delete".</summary>
    [JsonPropertyName("resourceOperations")] public IReadOnlyList<string>? ResourceOperations { get; init; }
}

/// <summary>The common <c>{dynamicRegistration}</c> capability shape.</summary>
public sealed record DynamicRegistrationCapability
{
    [JsonPropertyName("dynamicRegistration")] public bool? DynamicRegistration { get; init; }
}

/// <summary>Since LSP 3.17. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#diagnostic_refresh</summary>
public sealed record RefreshCapability
{
    [JsonPropertyName("refreshSupport")] public bool? RefreshSupport { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocumentClientCapabilities</summary>
public sealed record TextDocumentClientCapabilities
{
    [JsonPropertyName("completion")] public CompletionClientCapabilities? Completion { get; init; }
    [JsonPropertyName("hover")] public HoverClientCapabilities? Hover { get; init; }
    [JsonPropertyName("codeAction")] public CodeActionClientCapabilities? CodeAction { get; init; }
    [JsonPropertyName("publishDiagnostics")] public PublishDiagnosticsClientCapabilities? PublishDiagnostics { get; init; }
    /// <summary>Present when the client can pull diagnostics. Since LSP 3.17.</summary>
    [JsonPropertyName("diagnostic")] public DiagnosticClientCapabilities? Diagnostic { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#completionClientCapabilities</summary>
public sealed record CompletionClientCapabilities
{
    [JsonPropertyName("completionItem")] public CompletionItemClientCapabilities? CompletionItem { get; init; }
}

/// <summary>The <c>completionItem</c> part of <see cref="CompletionClientCapabilities"/>.</summary>
public sealed record CompletionItemClientCapabilities
{
    [JsonPropertyName("snippetSupport")] public bool? SnippetSupport { get; init; }
    [JsonPropertyName("documentationFormat")] public IReadOnlyList<string>? DocumentationFormat { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#hoverClientCapabilities</summary>
public sealed record HoverClientCapabilities
{
    [JsonPropertyName("contentFormat")] public IReadOnlyList<string>? ContentFormat { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#codeActionClientCapabilities</summary>
public sealed record CodeActionClientCapabilities
{
    /// <summary>Without it the client understands only <see cref="Command"/> results (LSP before 3.8).</summary>
    [JsonPropertyName("codeActionLiteralSupport")] public object? CodeActionLiteralSupport { get; init; }
    [JsonPropertyName("isPreferredSupport")] public bool? IsPreferredSupport { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#publishDiagnosticsClientCapabilities</summary>
public sealed record PublishDiagnosticsClientCapabilities
{
    [JsonPropertyName("relatedInformation")] public bool? RelatedInformation { get; init; }
    [JsonPropertyName("versionSupport")] public bool? VersionSupport { get; init; }
    [JsonPropertyName("codeDescriptionSupport")] public bool? CodeDescriptionSupport { get; init; }
}

/// <summary>Since LSP 3.17. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#diagnosticClientCapabilities</summary>
public sealed record DiagnosticClientCapabilities
{
    [JsonPropertyName("dynamicRegistration")] public bool? DynamicRegistration { get; init; }
    [JsonPropertyName("relatedDocumentSupport")] public bool? RelatedDocumentSupport { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#clientCapabilities</summary>
public sealed record WindowClientCapabilities
{
    /// <summary>Since LSP 3.15: the client accepts <c>window/workDoneProgress/create</c>.</summary>
    [JsonPropertyName("workDoneProgress")] public bool? WorkDoneProgress { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#clientCapabilities</summary>
public sealed record GeneralClientCapabilities
{
    /// <summary>Since LSP 3.17: encodings the client supports, preferred first.</summary>
    [JsonPropertyName("positionEncodings")] public IReadOnlyList<string>? PositionEncodings { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#serverCapabilities</summary>
public sealed record ServerCapabilities
{
    /// <summary>Since LSP 3.17. Always "utf-16": the engine counts UTF-16 code units.</summary>
    [JsonPropertyName("positionEncoding")] public string PositionEncoding { get; init; } = "utf-16";
    [JsonPropertyName("textDocumentSync")] public TextDocumentSyncOptions? TextDocumentSync { get; init; }
    [JsonPropertyName("hoverProvider")] public bool? HoverProvider { get; init; }
    [JsonPropertyName("completionProvider")] public CompletionOptions? CompletionProvider { get; init; }
    [JsonPropertyName("codeActionProvider")] public CodeActionOptions? CodeActionProvider { get; init; }
    [JsonPropertyName("executeCommandProvider")] public ExecuteCommandOptions? ExecuteCommandProvider { get; init; }
    [JsonPropertyName("diagnosticProvider")] public DiagnosticOptions? DiagnosticProvider { get; init; }
    [JsonPropertyName("workspace")] public WorkspaceServerCapabilities? Workspace { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocumentSyncOptions</summary>
public sealed record TextDocumentSyncOptions
{
    [JsonPropertyName("openClose")] public bool OpenClose { get; init; } = true;
    /// <summary>0 none, 1 full, 2 incremental.</summary>
    [JsonPropertyName("change")] public int Change { get; init; } = TextDocumentSyncKind.Incremental;
    [JsonPropertyName("save")] public SaveOptions? Save { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocumentSyncKind</summary>
public static class TextDocumentSyncKind
{
    public const int None = 0;
    public const int Full = 1;
    public const int Incremental = 2;
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#saveOptions</summary>
public sealed record SaveOptions
{
    [JsonPropertyName("includeText")] public bool IncludeText { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#completionOptions</summary>
public sealed record CompletionOptions
{
    [JsonPropertyName("triggerCharacters")] public IReadOnlyList<string>? TriggerCharacters { get; init; }
    [JsonPropertyName("resolveProvider")] public bool ResolveProvider { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#codeActionOptions</summary>
public sealed record CodeActionOptions
{
    [JsonPropertyName("codeActionKinds")] public IReadOnlyList<string>? CodeActionKinds { get; init; }
    [JsonPropertyName("resolveProvider")] public bool ResolveProvider { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#executeCommandOptions</summary>
public sealed record ExecuteCommandOptions
{
    [JsonPropertyName("commands")] public required IReadOnlyList<string> Commands { get; init; }
}

/// <summary>Since LSP 3.17. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#diagnosticOptions</summary>
public sealed record DiagnosticOptions
{
    [JsonPropertyName("identifier")] public string? Identifier { get; init; }
    [JsonPropertyName("interFileDependencies")] public bool InterFileDependencies { get; init; }
    [JsonPropertyName("workspaceDiagnostics")] public bool WorkspaceDiagnostics { get; init; }
}

/// <summary>The <c>workspace</c> part of <see cref="ServerCapabilities"/>.</summary>
public sealed record WorkspaceServerCapabilities
{
    [JsonPropertyName("workspaceFolders")] public WorkspaceFoldersServerCapabilities? WorkspaceFolders { get; init; }
}

/// <summary>Since LSP 3.6. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#workspaceFoldersServerCapabilities</summary>
public sealed record WorkspaceFoldersServerCapabilities
{
    [JsonPropertyName("supported")] public bool Supported { get; init; }
    [JsonPropertyName("changeNotifications")] public bool ChangeNotifications { get; init; }
}
