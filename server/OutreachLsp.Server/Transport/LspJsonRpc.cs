using StreamJsonRpc;
using StreamJsonRpc.Protocol;
using OutreachLsp.Server.Protocol;

namespace OutreachLsp.Server.Transport;

/// <summary>An LSP error with its code, thrown by handlers (e.g. -32002 before initialize).</summary>
public sealed class LspException : Exception
{
    public LspException(int code, string message) : base(message) => Code = code;

    public int Code { get; }
}

/// <summary>
/// JsonRpc with LSP's error conventions: handler exceptions become -32603 InternalError (logged, and
/// the connection stays up), cancellations -32800, <see cref="LspException"/> its own code.
/// </summary>
internal sealed class LspJsonRpc : JsonRpc
{
    private readonly ServerLog _log;

    public LspJsonRpc(IJsonRpcMessageHandler handler, ServerLog log) : base(handler) => _log = log;

    // An exception in one handler must never end the session: keep the default (not fatal) and say so
    // explicitly, because otherwise a failure in text sync would silently drop the connection.
    protected override bool IsFatalException(Exception ex) => false;

    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        var ex = Unwrap(exception);
        switch (ex)
        {
            case LspException lsp:
                return new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)lsp.Code, Message = lsp.Message };
            case LocalRpcException local:
                return new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)local.ErrorCode, Message = local.Message, Data = local.ErrorData };
            case RpcArgumentDeserializationException or System.Text.Json.JsonException:
                return new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)LspErrorCodes.InvalidParams, Message = "Invalid params: " + ex.Message };
            case OperationCanceledException:
                return new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)LspErrorCodes.RequestCancelled, Message = "The request was cancelled." };
            default:
                _log.Error($"Request '{request.Method}' failed", ex);
                return new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)LspErrorCodes.InternalError, Message = $"{request.Method} failed: {ex.Message}" };
        }
    }

    private static Exception Unwrap(Exception ex)
    {
        while (ex is AggregateException { InnerExceptions.Count: 1 } agg) ex = agg.InnerExceptions[0];
        while (ex is System.Reflection.TargetInvocationException { InnerException: { } inner }) ex = inner;
        return ex;
    }
}
