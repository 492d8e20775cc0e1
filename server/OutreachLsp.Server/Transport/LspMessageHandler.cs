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
/// </summary>
internal sealed class LspMessageHandler : HeaderDelimitedMessageHandler
{
    private readonly ServerLog? _log;

    public LspMessageHandler(PipeWriter writer, PipeReader reader, IJsonRpcMessageFormatter formatter, ServerLog? log)
        : base(writer, reader, formatter)
    {
        _log = log;
    }

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
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
