using System.Collections.Concurrent;
using System.Text.Json;
using Nerdbank.Streams;
using OutreachLsp.Server;
using OutreachLsp.Server.Protocol;
using StreamJsonRpc;

namespace OutreachLsp.Server.Tests.Harness;

/// <summary>
/// An LSP client talking to the real server over an in-memory duplex stream, framed and serialized
/// exactly as over stdio. It records what the server sends (diagnostics, logs, edits it asks to
/// apply, progress) and answers the server's requests like an editor would.
/// </summary>
public sealed class LspTestClient : IAsyncDisposable
{
    private readonly Stream _clientStream;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly ConcurrentQueue<PublishDiagnosticsParams> _publishes = new();

    private LspTestClient(Stream clientStream, Task<int> serverTask)
    {
        _clientStream = clientStream;
        ServerTask = serverTask;
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = LspJson.Create() };
        Rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, formatter));
        Rpc.AddLocalRpcTarget(new ClientTarget(this), new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        Rpc.StartListening();
    }

    public JsonRpc Rpc { get; }

    /// <summary>The server's RunAsync: completes with the exit code.</summary>
    public Task<int> ServerTask { get; }

    public LanguageServer? Server { get; private set; }

    public ConcurrentQueue<LogMessageParams> Logs { get; } = new();

    public ConcurrentQueue<ApplyWorkspaceEditParams> AppliedEdits { get; } = new();

    public ConcurrentQueue<RegistrationParams> Registrations { get; } = new();

    public ConcurrentQueue<JsonElement> Progress { get; } = new();

    public ConcurrentQueue<string> ProgressTokensCreated { get; } = new();

    public int RefreshRequests;

    /// <summary>What workspace/configuration answers for section "outreach".</summary>
    public object? Settings { get; set; }

    /// <summary>Every publishDiagnostics received, in order.</summary>
    public IReadOnlyCollection<PublishDiagnosticsParams> Publishes => _publishes;

    public static LspTestClient Start(ServerOptions? options = null)
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        LanguageServer? server = null;
        var serverTask = Task.Run(() => LanguageServerHost.RunAsync(serverStream, serverStream,
            (options ?? new ServerOptions()) with { GuardConsoleOut = false }, s => server = s, CancellationToken.None));
        var client = new LspTestClient(clientStream, serverTask);
        SpinWait.SpinUntil(() => server is not null || serverTask.IsCompleted, TimeSpan.FromSeconds(10));
        client.Server = server;
        return client;
    }

    /// <summary>Starts a server and initializes it; <paramref name="capabilities"/> default to a VS Code-like client.</summary>
    public static async Task<LspTestClient> StartInitializedAsync(
        string? folder = null, object? capabilities = null, object? initializationOptions = null, ServerOptions? options = null, IEnumerable<string>? folders = null)
    {
        var client = Start(options ?? new ServerOptions { DebounceMs = 0 });
        await client.InitializeAsync(folder, capabilities, initializationOptions, folders).ConfigureAwait(false);
        return client;
    }

    public async Task<InitializeResult> InitializeAsync(string? folder = null, object? capabilities = null, object? initializationOptions = null, IEnumerable<string>? folders = null)
    {
        var folderList = (folders ?? (folder is null ? [] : [folder])).Select(f => new WorkspaceFolder(Workspace.DocumentUris.FromPath(f), Path.GetFileName(f))).ToList();
        var result = await RequestAsync<InitializeResult>("initialize", new
        {
            processId = Environment.ProcessId,
            clientInfo = new { name = "test-client", version = "1.0" },
            rootUri = folderList.Count > 0 ? folderList[0].Uri : null,
            capabilities = capabilities ?? ClientCapabilitiesSamples.PushOnly,
            initializationOptions,
            workspaceFolders = folderList.Count > 0 ? folderList : null,
        }).ConfigureAwait(false);
        await NotifyAsync("initialized", new { }).ConfigureAwait(false);
        await WaitForStartupAsync().ConfigureAwait(false);
        return result;
    }

    /// <summary>Waits until the work started by initialized (disk load, registrations) is done.</summary>
    public async Task WaitForStartupAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        // initialized is a notification: wait until the server has started acting on it.
        await Task.Delay(20).ConfigureAwait(false);
        if (Server is not null) await Server.Startup.WaitAsync(deadline - DateTime.UtcNow).ConfigureAwait(false);
    }

    public Task<T> RequestAsync<T>(string method, object? parameters, CancellationToken cancellationToken = default) =>
        Rpc.InvokeWithParameterObjectAsync<T>(method, parameters, cancellationToken);

    public Task NotifyAsync(string method, object? parameters) => Rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task OpenAsync(string uri, string text, int version = 1, string languageId = "markdown") =>
        NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId, version, text } });

    public Task ChangeAsync(string uri, int version, params object[] changes) =>
        NotifyAsync("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = changes });

    public Task ReplaceAllAsync(string uri, int version, string text) => ChangeAsync(uri, version, new { text });

    public Task CloseAsync(string uri) => NotifyAsync("textDocument/didClose", new { textDocument = new { uri } });

    /// <summary>The latest diagnostics published for <paramref name="uri"/>, or null.</summary>
    public PublishDiagnosticsParams? Latest(string uri) => _publishes.LastOrDefault(p => p.Uri == uri);

    /// <summary>Waits until a publication for <paramref name="uri"/> satisfies <paramref name="predicate"/>.</summary>
    public async Task<PublishDiagnosticsParams> WaitForDiagnosticsAsync(string uri, Func<PublishDiagnosticsParams, bool>? predicate = null, int timeoutMs = 15000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var latest = Latest(uri);
            if (latest is not null && (predicate?.Invoke(latest) ?? true)) return latest;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"No matching diagnostics for {uri}. Last: {(latest is null ? "none" : LspJson.Serialize(latest))}");
            await _signal.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the server to go quiet (no publication for <paramref name="quietMs"/>).</summary>
    public async Task SettleAsync(int quietMs = 300)
    {
        int count = _publishes.Count;
        while (true)
        {
            await Task.Delay(quietMs).ConfigureAwait(false);
            if (_publishes.Count == count) return;
            count = _publishes.Count;
        }
    }

    public async Task<int> ShutdownAndExitAsync()
    {
        await RequestAsync<JsonElement?>("shutdown", null).ConfigureAwait(false);
        await NotifyAsync("exit", null).ConfigureAwait(false);
        return await ServerTask.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!ServerTask.IsCompleted)
        {
            try
            {
                await NotifyAsync("exit", null).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException)
            {
            }
            await Task.WhenAny(ServerTask, Task.Delay(5000)).ConfigureAwait(false);
        }
        Rpc.Dispose();
        await _clientStream.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class ClientTarget
    {
        private readonly LspTestClient _owner;

        public ClientTarget(LspTestClient owner) => _owner = owner;

        [JsonRpcMethod("textDocument/publishDiagnostics")]
        public void PublishDiagnostics(PublishDiagnosticsParams p)
        {
            _owner._publishes.Enqueue(p);
            _owner._signal.Release();
        }

        [JsonRpcMethod("window/logMessage")]
        public void LogMessage(LogMessageParams p) => _owner.Logs.Enqueue(p);

        [JsonRpcMethod("workspace/applyEdit")]
        public ApplyWorkspaceEditResult ApplyEdit(ApplyWorkspaceEditParams p)
        {
            _owner.AppliedEdits.Enqueue(p);
            return new ApplyWorkspaceEditResult { Applied = true };
        }

        [JsonRpcMethod("client/registerCapability")]
        public object? Register(RegistrationParams p)
        {
            _owner.Registrations.Enqueue(p);
            return null;
        }

        [JsonRpcMethod("workspace/configuration")]
        public object?[] Configuration(ConfigurationParams p) => p.Items.Select(_ => _owner.Settings).ToArray();

        [JsonRpcMethod("window/workDoneProgress/create")]
        public object? CreateProgress(WorkDoneProgressCreateParams p)
        {
            _owner.ProgressTokensCreated.Enqueue(p.Token);
            return null;
        }

        [JsonRpcMethod("$/progress")]
        public void Progress(JsonElement p) => _owner.Progress.Enqueue(p.Clone());

        [JsonRpcMethod("workspace/diagnostic/refresh")]
        public object? Refresh()
        {
            Interlocked.Increment(ref _owner.RefreshRequests);
            return null;
        }
    }
}
