using System.IO.Pipelines;
using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;
using OutreachLsp.Server.Protocol;

namespace OutreachLsp.Server.Transport;

/// <summary>
/// Content-Length framing (HeaderDelimitedMessageHandler) that survives a frame whose body is not
/// JSON-RPC. StreamJsonRpc would otherwise drop the whole connection on the first bad frame; here the
/// frame is answered with a JSON-RPC parse error (id null, -32700, as the JSON-RPC 2.0 spec asks) and
/// the next frame is read. Broken framing (no Content-Length) still ends the connection: there is no
/// way to find the next message.
///
/// It is also where requests before <c>initialize</c> are turned away, as the LSP specification
/// asks: any request (known method or not) gets -32002, notifications other than <c>exit</c> are
/// dropped, and nothing reaches a handler until the server is initialized.
/// </summary>
internal sealed class LspMessageHandler : HeaderDelimitedMessageHandler
{
    private readonly ServerLog? _log;

    private readonly Func<bool>? _initialized;

    public LspMessageHandler(PipeWriter writer, PipeReader reader, IJsonRpcMessageFormatter formatter, ServerLog? log, Func<bool>? initialized = null)
        : base(writer, reader, formatter)
    {
        _log = log;
        _initialized = initialized;
    }

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var message = await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
                if (message is JsonRpcRequest request && _initialized is not null && request.Method is not ("initialize" or "exit") && !_initialized())
                {
                    // The message is not handed to JsonRpc, so release its buffer here (JsonRpc would
                    // after dispatch); otherwise the reader never moves past it.
                    ((StreamJsonRpc.Reflection.IJsonRpcMessageBufferManager)this).DeserializationComplete(message);
                    if (request.IsResponseExpected)
                    {
                        await WriteAsync(new JsonRpcError
                        {
                            RequestId = request.RequestId,
                            Error = new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)LspErrorCodes.ServerNotInitialized, Message = "The server has not been initialized." },
                        }, cancellationToken).ConfigureAwait(false);
                    }
                    continue;
                }
                return message;
            }
            catch (Exception ex) when (IsMalformedMessage(ex))
            {
                _log?.Warning($"Malformed message ignored: {ex.Message}");
                try
                {
                    var error = new JsonRpcError
                    {
                        RequestId = RequestId.Null,
                        Error = new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)LspErrorCodes.ParseError, Message = "Parse error: " + ex.Message },
                    };
                    await WriteAsync(error, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception writeError) when (writeError is IOException or ObjectDisposedException or InvalidOperationException)
                {
                    // The peer is gone; the next read will end the connection.
                }
            }
        }
    }

    private static bool IsMalformedMessage(Exception ex) =>
        ex is JsonException or UnrecognizedJsonRpcMessageException or FormatException or InvalidCastException
        || (ex is InvalidOperationException && ex.InnerException is JsonException)
        || ex is System.Text.DecoderFallbackException;
}
