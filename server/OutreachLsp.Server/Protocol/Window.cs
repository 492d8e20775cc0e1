using System.Text.Json.Serialization;

namespace OutreachLsp.Server.Protocol;

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#logMessageParams</summary>
public sealed record LogMessageParams(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("message")] string Message);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#messageType</summary>
public static class MessageType
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Info = 3;
    public const int Log = 4;
}

/// <summary>Since LSP 3.15. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#workDoneProgressCreateParams</summary>
public sealed record WorkDoneProgressCreateParams([property: JsonPropertyName("token")] string Token);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#progress</summary>
public sealed record ProgressParams(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("value")] object Value);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#workDoneProgressBegin</summary>
public sealed record WorkDoneProgressBegin
{
    [JsonPropertyName("kind")] public string Kind => "begin";
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("cancellable")] public bool? Cancellable { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("percentage")] public int? Percentage { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#workDoneProgressReport</summary>
public sealed record WorkDoneProgressReport
{
    [JsonPropertyName("kind")] public string Kind => "report";
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("percentage")] public int? Percentage { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#workDoneProgressEnd</summary>
public sealed record WorkDoneProgressEnd
{
    [JsonPropertyName("kind")] public string Kind => "end";
    [JsonPropertyName("message")] public string? Message { get; init; }
}
