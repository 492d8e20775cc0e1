using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachLsp.Server.Protocol;

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#didChangeWatchedFilesParams</summary>
public sealed record DidChangeWatchedFilesParams([property: JsonPropertyName("changes")] IReadOnlyList<FileEvent> Changes);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#fileEvent</summary>
public sealed record FileEvent(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("type")] int Type);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#fileChangeType</summary>
public static class FileChangeType
{
    public const int Created = 1;
    public const int Changed = 2;
    public const int Deleted = 3;
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#didChangeConfigurationParams</summary>
public sealed record DidChangeConfigurationParams([property: JsonPropertyName("settings")] JsonElement? Settings);

/// <summary>Since LSP 3.6. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#didChangeWorkspaceFoldersParams</summary>
public sealed record DidChangeWorkspaceFoldersParams([property: JsonPropertyName("event")] WorkspaceFoldersChangeEvent Event);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#workspaceFoldersChangeEvent</summary>
public sealed record WorkspaceFoldersChangeEvent(
    [property: JsonPropertyName("added")] IReadOnlyList<WorkspaceFolder> Added,
    [property: JsonPropertyName("removed")] IReadOnlyList<WorkspaceFolder> Removed);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#registrationParams</summary>
public sealed record RegistrationParams([property: JsonPropertyName("registrations")] IReadOnlyList<Registration> Registrations);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#registration</summary>
public sealed record Registration
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("method")] public required string Method { get; init; }
    [JsonPropertyName("registerOptions")] public object? RegisterOptions { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#didChangeWatchedFilesRegistrationOptions</summary>
public sealed record DidChangeWatchedFilesRegistrationOptions([property: JsonPropertyName("watchers")] IReadOnlyList<FileSystemWatcher> Watchers);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#fileSystemWatcher</summary>
public sealed record FileSystemWatcher
{
    [JsonPropertyName("globPattern")] public required string GlobPattern { get; init; }
    /// <summary>Bit set: 1 create, 2 change, 4 delete (7 = all, the default).</summary>
    [JsonPropertyName("kind")] public int? Kind { get; init; }
}

/// <summary>Since LSP 3.6. https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#configurationParams</summary>
public sealed record ConfigurationParams([property: JsonPropertyName("items")] IReadOnlyList<ConfigurationItem> Items);

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#configurationItem</summary>
public sealed record ConfigurationItem
{
    [JsonPropertyName("scopeUri")] public string? ScopeUri { get; init; }
    [JsonPropertyName("section")] public string? Section { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#executeCommandParams</summary>
public sealed record ExecuteCommandParams
{
    [JsonPropertyName("command")] public required string Command { get; init; }
    [JsonPropertyName("arguments")] public IReadOnlyList<JsonElement>? Arguments { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#applyWorkspaceEditParams</summary>
public sealed record ApplyWorkspaceEditParams
{
    [JsonPropertyName("label")] public string? Label { get; init; }
    [JsonPropertyName("edit")] public required WorkspaceEdit Edit { get; init; }
}

/// <summary>https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#applyWorkspaceEditResult</summary>
public sealed record ApplyWorkspaceEditResult
{
    [JsonPropertyName("applied")] public bool Applied { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
}
