using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachLsp.Server.Protocol;

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#initializeParams</summary>
public sealed record InitializeParams
{
    [JsonPropertyName("processId")] public int? ProcessId { get; init; }
    [JsonPropertyName("clientInfo")] public ClientInfo? ClientInfo { get; init; }
    [JsonPropertyName("locale")] public string? Locale { get; init; }
    /// <summary>Deprecated in favour of <see cref="WorkspaceFolders"/>, still sent by older clients.</summary>
    [JsonPropertyName("rootPath")] public string? RootPath { get; init; }
    /// <summary>Deprecated in favour of <see cref="WorkspaceFolders"/>, still sent by older clients.</summary>
    [JsonPropertyName("rootUri")] public string? RootUri { get; init; }
    [JsonPropertyName("initializationOptions")] public JsonElement? InitializationOptions { get; init; }
    [JsonPropertyName("capabilities")] public ClientCapabilities Capabilities { get; init; } = new();
    [JsonPropertyName("trace")] public string? Trace { get; init; }
    [JsonPropertyName("workspaceFolders")] public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }
}

/// <summary>Since LSP 3.15. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#initializeParams</summary>
public sealed record ClientInfo
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("version")] public string? Version { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#initializeResult</summary>
public sealed record InitializeResult
{
    [JsonPropertyName("capabilities")] public required ServerCapabilities Capabilities { get; init; }
    [JsonPropertyName("serverInfo")] public ServerInfo? ServerInfo { get; init; }
}

/// <summary>Since LSP 3.15. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#initializeResult</summary>
public sealed record ServerInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string? Version);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#setTrace</summary>
public sealed record SetTraceParams([property: JsonPropertyName("value")] string Value);

/// <summary>Empty parameters of <c>initialized</c>. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#initialized</summary>
public sealed record InitializedParams;
