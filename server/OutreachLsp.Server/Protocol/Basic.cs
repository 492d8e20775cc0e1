using System.Text.Json.Serialization;

namespace OutreachLsp.Server.Protocol;

/// <summary>Zero-based line and UTF-16 character. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#position</summary>
public sealed record Position(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("character")] int Character);

/// <summary>A half-open range of positions. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#range</summary>
public sealed record Range(
    [property: JsonPropertyName("start")] Position Start,
    [property: JsonPropertyName("end")] Position End);

/// <summary>A range in a document. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#location</summary>
public sealed record Location(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("range")] Range Range);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocumentIdentifier</summary>
public sealed record TextDocumentIdentifier([property: JsonPropertyName("uri")] string Uri);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#versionedTextDocumentIdentifier</summary>
public sealed record VersionedTextDocumentIdentifier(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("version")] int Version);

/// <summary>
/// A document identifier whose version may be null (a file not open in the editor).
/// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#optionalVersionedTextDocumentIdentifier
/// </summary>
public sealed record OptionalVersionedTextDocumentIdentifier(
    [property: JsonPropertyName("uri")] string Uri,
    // The spec requires the key even when the value is null, so it is always written.
    [property: JsonPropertyName("version"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Version);

/// <summary>An opened document. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocumentItem</summary>
public sealed record TextDocumentItem(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("languageId")] string LanguageId,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("text")] string Text);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocumentPositionParams</summary>
public record TextDocumentPositionParams
{
    [JsonPropertyName("textDocument")] public required TextDocumentIdentifier TextDocument { get; init; }
    [JsonPropertyName("position")] public required Position Position { get; init; }
}

/// <summary>Replace a range with text. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textEdit</summary>
public sealed record TextEdit(
    [property: JsonPropertyName("range")] Range Range,
    [property: JsonPropertyName("newText")] string NewText);

/// <summary>Edits to one version of a document. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocumentEdit</summary>
public sealed record TextDocumentEdit(
    [property: JsonPropertyName("textDocument")] OptionalVersionedTextDocumentIdentifier TextDocument,
    [property: JsonPropertyName("edits")] IReadOnlyList<TextEdit> Edits);

/// <summary>Options of <see cref="CreateFile"/>. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#createFileOptions</summary>
public sealed record CreateFileOptions
{
    [JsonPropertyName("overwrite")] public bool? Overwrite { get; init; }
    [JsonPropertyName("ignoreIfExists")] public bool? IgnoreIfExists { get; init; }
}

/// <summary>A resource operation that creates a file. Since LSP 3.13. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#createFile</summary>
public sealed record CreateFile
{
    [JsonPropertyName("kind")] public string Kind => "create";
    [JsonPropertyName("uri")] public required string Uri { get; init; }
    [JsonPropertyName("options")] public CreateFileOptions? Options { get; init; }
}

/// <summary>
/// Changes to many documents. <see cref="DocumentChanges"/> holds <see cref="TextDocumentEdit"/> and
/// <see cref="CreateFile"/> items (serialized by their runtime type).
/// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#workspaceEdit
/// </summary>
public sealed record WorkspaceEdit
{
    [JsonPropertyName("changes")] public Dictionary<string, IReadOnlyList<TextEdit>>? Changes { get; init; }
    [JsonPropertyName("documentChanges")] public IReadOnlyList<object>? DocumentChanges { get; init; }
}

/// <summary>A command the client may run. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#command</summary>
public sealed record Command
{
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("command")] public required string CommandIdentifier { get; init; }
    [JsonPropertyName("arguments")] public IReadOnlyList<object>? Arguments { get; init; }
}

/// <summary>Markdown or plain text content. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#markupContent</summary>
public sealed record MarkupContent(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("value")] string Value)
{
    public const string Markdown = "markdown";
    public const string PlainText = "plaintext";
}

/// <summary>A workspace folder. Since LSP 3.6. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#workspaceFolder</summary>
public sealed record WorkspaceFolder(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("name")] string Name);
