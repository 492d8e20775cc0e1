using System.IO.Pipelines;
using System.Text;
using OutreachLsp.Core.IO;
using OutreachLsp.Server.Handlers;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Transport;
using StreamJsonRpc;

namespace OutreachLsp.Server;

/// <summary>Options of <c>outreach lsp</c>.</summary>
public sealed record ServerOptions
{
    /// <summary>Optional log file; logs otherwise go to window/logMessage only (never stdout).</summary>
    public string? LogFile { get; init; }

    /// <summary>Diagnostics debounce in milliseconds (default 75); settings may change it.</summary>
    public int? DebounceMs { get; init; }

    /// <summary>
    /// Sends anything else in the process that writes to <see cref="Console.Out"/> to the log instead,
    /// so nothing but protocol frames ever reaches stdout. On by default; in-process tests turn it off.
    /// </summary>
    public bool GuardConsoleOut { get; init; } = true;

    /// <summary>The disk (tests may pass an in-memory one).</summary>
    public IFileSystem? FileSystem { get; init; }

    /// <summary>The date completion and new drafts use as "today" (tests).</summary>
    public Func<DateOnly>? Today { get; init; }
}

/// <summary>The entry point `outreach lsp` calls.</summary>
public static class LanguageServerHost
{
    /// <summary>Serves LSP on the two streams until exit; returns the process exit code.</summary>
    public static Task<int> RunAsync(Stream input, Stream output, ServerOptions options, CancellationToken cancellationToken = default) =>
        RunAsync(input, output, options, onStarted: null, cancellationToken);

    /// <summary>As <see cref="RunAsync(Stream, Stream, ServerOptions, CancellationToken)"/>; <paramref name="onStarted"/> sees the server (tests).</summary>
    internal static async Task<int> RunAsync(Stream input, Stream output, ServerOptions options, Action<LanguageServer>? onStarted, CancellationToken cancellationToken)
    {
        using var log = new ServerLog(options.LogFile);
        TextWriter? originalOut = null;
        if (options.GuardConsoleOut)
        {
            originalOut = Console.Out;
            Console.SetOut(new LogTextWriter(log));
        }
        var pump = new SerialSynchronizationContext(ex => log.Error("A message handler failed", ex));
        var server = new LanguageServer(options, log, options.FileSystem ?? PhysicalFileSystem.Instance);
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = LspJson.Create() };
        var handler = new LspMessageHandler(PipeWriter.Create(output), PipeReader.Create(input), formatter, log, () => server.IsInitialized);
        var rpc = new LspJsonRpc(handler, log)
        {
            SynchronizationContext = pump,
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };
        try
        {
            rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { NotifyClientOfEvents = false, DisposeOnDisconnect = false });
            var client = new RpcClient(rpc);
            server.Attach(client);
            log.AttachClient(p => client.NotifyAsync("window/logMessage", p));
            onStarted?.Invoke(server);
            rpc.StartListening();

            var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = cancellationToken.Register(() => cancelled.TrySetResult());
            await Task.WhenAny(server.Exited, rpc.Completion, cancelled.Task).ConfigureAwait(false);
            if (server.Exited.IsCompletedSuccessfully) return server.Exited.Result;
            // The client went away (or the host stopped us) without exit: 0 only after shutdown.
            if (rpc.Completion.IsFaulted) log.Warning($"Connection closed: {rpc.Completion.Exception?.GetBaseException().Message}");
            return server.ShutdownReceived ? 0 : 1;
        }
        finally
        {
            server.Publisher.Dispose();
            rpc.Dispose();
            try
            {
                await pump.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                log.Warning("A message handler was still running at exit.");
            }
            if (originalOut is not null) Console.SetOut(originalOut);
        }
    }

    /// <summary>Requests and notifications to the client over the connection.</summary>
    private sealed class RpcClient : ILspClient
    {
        private readonly JsonRpc _rpc;

        public RpcClient(JsonRpc rpc) => _rpc = rpc;

        public Task<TResult> RequestAsync<TResult>(string method, object? parameters, CancellationToken cancellationToken) =>
            _rpc.InvokeWithParameterObjectAsync<TResult>(method, parameters, cancellationToken);

        public async Task NotifyAsync(string method, object? parameters)
        {
            if (_rpc.IsDisposed) return;
            try
            {
                await _rpc.NotifyWithParameterObjectAsync(method, parameters).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or ConnectionLostException or IOException or OperationCanceledException)
            {
                // The client is gone; there is no one left to tell.
            }
        }
    }

    /// <summary>Console.Out while the server runs: lines go to the log, never to the protocol stream.</summary>
    private sealed class LogTextWriter : TextWriter
    {
        private readonly ServerLog _log;
        private readonly StringBuilder _line = new();

        public LogTextWriter(ServerLog log) => _log = log;

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_line)
            {
                if (value == '\n')
                {
                    _log.Warning("stdout write redirected to the log: " + _line.ToString().TrimEnd('\r'));
                    _line.Clear();
                }
                else
                {
                    _line.Append(value);
                }
            }
        }
    }
}
