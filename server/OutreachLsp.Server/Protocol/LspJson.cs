using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachLsp.Server.Protocol;

/// <summary>
/// The one set of System.Text.Json options for everything the server reads and writes.
/// Every protocol type names its properties with <see cref="JsonPropertyNameAttribute"/>, so the
/// naming policy only matters for anonymous objects; absent optional fields are left out, which is
/// how the spec spells "optional" (<c>?:</c>), and unknown fields from newer clients are ignored.
/// </summary>
public static class LspJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static JsonSerializerOptions Create() => new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Non-ASCII text (emoji, accents) stays readable in logs and is still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.Strict,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    public static T? Deserialize<T>(JsonElement element) => element.Deserialize<T>(Options);
}

/// <summary>Error codes of JSON-RPC and LSP (https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#errorCodes).</summary>
public static class LspErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    /// <summary>A request arrived before <c>initialize</c>.</summary>
    public const int ServerNotInitialized = -32002;
    public const int UnknownErrorCode = -32001;
    /// <summary>Since LSP 3.17: the request failed but was syntactically correct.</summary>
    public const int RequestFailed = -32803;
    /// <summary>Since LSP 3.17: the server cancelled the request.</summary>
    public const int ServerCancelled = -32802;
    public const int ContentModified = -32801;
    public const int RequestCancelled = -32800;
}
