using System.Text.Json.Serialization;

namespace OutreachLsp.Server.Protocol;

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#hoverParams</summary>
public sealed record HoverParams : TextDocumentPositionParams;

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#hover</summary>
public sealed record Hover
{
    [JsonPropertyName("contents")] public required MarkupContent Contents { get; init; }
    [JsonPropertyName("range")] public Range? Range { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#codeActionParams</summary>
public sealed record CodeActionParams
{
    [JsonPropertyName("textDocument")] public required TextDocumentIdentifier TextDocument { get; init; }
    [JsonPropertyName("range")] public required Range Range { get; init; }
    [JsonPropertyName("context")] public CodeActionContext Context { get; init; } = new();
}

/// <summary>
/// The client's context. Its <see cref="Diagnostics"/> are deliberately never used to build edits:
/// some clients (Neovim 0.7) send byte columns there, not UTF-16.
/// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#codeActionContext
/// </summary>
public sealed record CodeActionContext
{
    [JsonPropertyName("diagnostics")] public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
    [JsonPropertyName("only")] public IReadOnlyList<string>? Only { get; init; }
    /// <summary>Since LSP 3.17: 1 invoked, 2 automatic.</summary>
    [JsonPropertyName("triggerKind")] public int? TriggerKind { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#codeActionKind</summary>
public static class CodeActionKind
{
    public const string QuickFix = "quickfix";
    public const string Source = "source";
    public const string SourceFixAll = "source.fixAll";
    public const string SourceFixAllOutreach = "source.fixAll.outreach";
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#codeAction</summary>
public sealed record CodeAction
{
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("diagnostics")] public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }
    [JsonPropertyName("isPreferred")] public bool? IsPreferred { get; init; }
    [JsonPropertyName("edit")] public WorkspaceEdit? Edit { get; init; }
    [JsonPropertyName("command")] public Command? Command { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#completionParams</summary>
public sealed record CompletionParams : TextDocumentPositionParams
{
    [JsonPropertyName("context")] public CompletionContext? Context { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#completionContext</summary>
public sealed record CompletionContext
{
    [JsonPropertyName("triggerKind")] public int TriggerKind { get; init; }
    [JsonPropertyName("triggerCharacter")] public string? TriggerCharacter { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#completionList</summary>
public sealed record CompletionList
{
    [JsonPropertyName("isIncomplete")] public bool IsIncomplete { get; init; }
    [JsonPropertyName("items")] public required IReadOnlyList<CompletionItem> Items { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#completionItem</summary>
public sealed record CompletionItem
{
    [JsonPropertyName("label")] public required string Label { get; init; }
    [JsonPropertyName("kind")] public int? Kind { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }
    [JsonPropertyName("documentation")] public MarkupContent? Documentation { get; init; }
    [JsonPropertyName("sortText")] public string? SortText { get; init; }
    [JsonPropertyName("filterText")] public string? FilterText { get; init; }
    [JsonPropertyName("insertText")] public string? InsertText { get; init; }
    /// <summary>1 plain text, 2 snippet.</summary>
    [JsonPropertyName("insertTextFormat")] public int? InsertTextFormat { get; init; }
    [JsonPropertyName("textEdit")] public TextEdit? TextEdit { get; init; }
    [JsonPropertyName("preselect")] public bool? Preselect { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#insertTextFormat</summary>
public static class InsertTextFormat
{
    public const int PlainText = 1;
    public const int Snippet = 2;
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#completionItemKind</summary>
public static class CompletionItemKind
{
    public const int Text = 1;
    public const int Property = 10;
    public const int Value = 12;
    public const int EnumMember = 20;
    public const int Snippet = 15;
    public const int Constant = 21;
}
