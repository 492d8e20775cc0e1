using System.Text.Json.Serialization;

namespace OutreachLsp.Server.Protocol;

// The server's own commands (workspace/executeCommand). Their arguments and results are part of the
// contract with clients (the VS Code extension, editor configs), so they are typed and tested like
// the spec's types. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#workspace_executeCommand

/// <summary>Command ids.</summary>
public static class OutreachCommandIds
{
    public const string NewDraft = "outreach.newDraft";
    public const string CopyAsEmail = "outreach.copyAsEmail";
    public const string CommunicationPlan = "outreach.communicationPlan";

    public static readonly IReadOnlyList<string> All = [NewDraft, CopyAsEmail, CommunicationPlan];
}

/// <summary>Argument of <c>outreach.newDraft</c>: email type, program, optional recipient and folder.</summary>
public sealed record NewDraftArguments
{
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("program")] public string Program { get; init; } = "";
    [JsonPropertyName("to")] public string? To { get; init; }
    [JsonPropertyName("folderUri")] public string? FolderUri { get; init; }
}

/// <summary>Result of <c>outreach.newDraft</c>: the created file.</summary>
public sealed record NewDraftResult([property: JsonPropertyName("uri")] string Uri);

/// <summary>Argument of <c>outreach.copyAsEmail</c> and of document-scoped commands.</summary>
public sealed record DocumentArguments
{
    [JsonPropertyName("uri")] public string Uri { get; init; } = "";
}

/// <summary>
/// Result of <c>outreach.copyAsEmail</c>: <c>{ok: true, text, html}</c>, or <c>{ok: false, findings}</c>
/// naming the error-level findings that block sending.
/// </summary>
public sealed record CopyAsEmailResult
{
    [JsonPropertyName("ok")] public bool Ok { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("html")] public string? Html { get; init; }
    /// <summary>The front matter's subject, when it has one.</summary>
    [JsonPropertyName("subject")] public string? Subject { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("findings")] public IReadOnlyList<BlockingFinding>? Findings { get; init; }
}

/// <summary>One error that blocks <c>outreach.copyAsEmail</c>; <see cref="Line"/> is 1-based.</summary>
public sealed record BlockingFinding(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("ruleId")] string RuleId);

/// <summary>Result of <c>outreach.communicationPlan</c>: the drafts of every program.</summary>
public sealed record CommunicationPlan([property: JsonPropertyName("programs")] IReadOnlyList<ProgramPlan> Programs);

/// <summary>One program of the plan, its drafts by send date.</summary>
public sealed record ProgramPlan(
    [property: JsonPropertyName("program")] string Program,
    [property: JsonPropertyName("drafts")] IReadOnlyList<DraftPlan> Drafts);

/// <summary>One draft of the plan; dates are ISO yyyy-MM-dd or null.</summary>
public sealed record DraftPlan
{
    [JsonPropertyName("uri")] public required string Uri { get; init; }
    [JsonPropertyName("type"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Type { get; init; }
    [JsonPropertyName("sendDate"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? SendDate { get; init; }
    [JsonPropertyName("interviewDate"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? InterviewDate { get; init; }
    [JsonPropertyName("findings")] public required FindingCounts Findings { get; init; }
}

/// <summary>Finding counts by severity.</summary>
public sealed record FindingCounts(
    [property: JsonPropertyName("error")] int Error,
    [property: JsonPropertyName("warning")] int Warning,
    [property: JsonPropertyName("info")] int Info);

/// <summary>
/// The server's settings, from <c>initializationOptions</c> or <c>workspace/configuration</c>
/// section "outreach". Every field is optional.
/// </summary>
public sealed record OutreachSettings
{
    /// <summary>Delay between the last edit and analysis, in milliseconds.</summary>
    [JsonPropertyName("debounceMs")] public int? DebounceMs { get; init; }
    /// <summary>rule-id → off | info | warning | error, layered over .outreach.yaml.</summary>
    [JsonPropertyName("rules")] public Dictionary<string, string>? Rules { get; init; }
    /// <summary>"auto" (pull when the client can pull), "push" or "pull".</summary>
    [JsonPropertyName("diagnosticsMode")] public string? DiagnosticsMode { get; init; }
}
