using System.Text.Json.Serialization;

namespace OutreachLsp.Server.Protocol;

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#didOpenTextDocumentParams</summary>
public sealed record DidOpenTextDocumentParams([property: JsonPropertyName("textDocument")] TextDocumentItem TextDocument);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#didChangeTextDocumentParams</summary>
public sealed record DidChangeTextDocumentParams(
    [property: JsonPropertyName("textDocument")] VersionedTextDocumentIdentifier TextDocument,
    [property: JsonPropertyName("contentChanges")] IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

/// <summary>
/// One change: with a <see cref="Range"/> it replaces that range (incremental sync); without one it
/// replaces the whole text. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocumentContentChangeEvent
/// </summary>
public sealed record TextDocumentContentChangeEvent
{
    [JsonPropertyName("range")] public Range? Range { get; init; }
    /// <summary>Deprecated; ignored (the range is authoritative).</summary>
    [JsonPropertyName("rangeLength")] public int? RangeLength { get; init; }
    [JsonPropertyName("text")] public string Text { get; init; } = "";
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#didCloseTextDocumentParams</summary>
public sealed record DidCloseTextDocumentParams([property: JsonPropertyName("textDocument")] TextDocumentIdentifier TextDocument);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#didSaveTextDocumentParams</summary>
public sealed record DidSaveTextDocumentParams
{
    [JsonPropertyName("textDocument")] public required TextDocumentIdentifier TextDocument { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
}
