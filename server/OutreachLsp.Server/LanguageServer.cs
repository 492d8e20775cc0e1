using System.Reflection;
using System.Text.Json;
using OutreachLsp.Core.IO;
using OutreachLsp.Server.Diagnostics;
using OutreachLsp.Server.Handlers;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Transport;
using OutreachLsp.Server.Workspace;
using StreamJsonRpc;

namespace OutreachLsp.Server;

/// <summary>
/// The JSON-RPC target: one method per LSP message, each a thin step into a handler. It owns the
/// lifecycle (nothing but initialize before initialize, nothing but exit after shutdown) and the
/// request queue discipline: every method starts on the serial message pump in arrival order;
/// notifications that change state apply their change there and return; requests capture the
/// state current at arrival, then compute on the thread pool, cancellable by $/cancelRequest.
/// </summary>
public sealed class LanguageServer
{
    private readonly ServerContext _context;
    private readonly ServerOptions _options;
    private readonly DiagnosticsPublisher _publisher;
    private readonly HoverHandler _hover;
    private readonly CodeActionHandler _codeActions;
    private readonly CompletionHandler _completion;
    private readonly ExecuteCommandHandler _commands;
    private readonly DiagnosticRequestHandler _pull;
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _shutdownToken = new();
    private volatile int _phase; // 0 new, 1 initialized (initialize answered), 2 shut down
    private InitializeParams _init = new();
    private Task _startup = Task.CompletedTask;

    public LanguageServer(ServerOptions options, ServerLog log, IFileSystem fileSystem)
    {
        _options = options;
        var workspace = new ServerWorkspace(fileSystem, log);
        _context = new ServerContext(workspace, new AnalysisService(), log);
        if (options.Today is { } today) _context.Today = today;
        _publisher = new DiagnosticsPublisher(workspace, _context.Analysis, log,
            p => _context.Client.NotifyAsync("textDocument/publishDiagnostics", p),
            RefreshAsync)
        {
            DebounceMs = options.DebounceMs ?? 75,
        };
        _hover = new HoverHandler(_context);
        _codeActions = new CodeActionHandler(_context);
        _completion = new CompletionHandler(_context);
        _commands = new ExecuteCommandHandler(_context);
        _pull = new DiagnosticRequestHandler(_context);
    }

    /// <summary>Completes with the process exit code when <c>exit</c> arrives: 0 after shutdown, 1 without.</summary>
    internal Task<int> Exited => _exit.Task;

    internal bool ShutdownReceived => _phase == 2;

    /// <summary>True once <c>initialize</c> has been answered.</summary>
    internal bool IsInitialized => _phase != 0;

    internal ServerContext Context => _context;

    internal DiagnosticsPublisher Publisher => _publisher;

    /// <summary>Work started by initialized (disk load, registrations); tests await it.</summary>
    internal Task Startup => _startup;

    internal void Attach(ILspClient client) => _context.Client = client;

    public static string Version =>
        typeof(LanguageServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? typeof(LanguageServer).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    // ---------------------------------------------------------------- lifecycle

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams request)
    {
        if (_phase != 0) throw new LspException(LspErrorCodes.InvalidRequest, "initialize may be sent only once.");
        _init = request;
        _context.Capabilities = request.Capabilities ?? new ClientCapabilities();
        var settings = ReadSettings(request.InitializationOptions) ?? new OutreachSettings();
        ApplySettings(settings, schedule: false);
        SetTrace(request.Trace);

        var folders = request.WorkspaceFolders?.ToList() ?? [];
        if (folders.Count == 0 && (request.RootUri ?? (request.RootPath is { } rp ? DocumentUris.FromPath(rp) : null)) is { } root)
            folders.Add(new WorkspaceFolder(root, Path.GetFileName(DocumentUris.ToId(root).TrimEnd('/', '\\'))));
        _context.Workspace.SetFolders(folders);

        bool pull = settings.DiagnosticsMode?.ToLowerInvariant() switch
        {
            "push" => false,
            "pull" => true,
            _ => _context.Capabilities.TextDocument?.Diagnostic is not null,
        };
        _publisher.PullMode = pull;
        _phase = 1;
        _context.Log.Info($"Outreach language server {Version} for {request.ClientInfo?.Name ?? "an unnamed client"}; {folders.Count} folder(s); diagnostics {(pull ? "pulled" : "pushed")}.");
        return new InitializeResult
        {
            ServerInfo = new ServerInfo("outreach", Version),
            Capabilities = new ServerCapabilities
            {
                PositionEncoding = "utf-16",
                TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental, Save = new SaveOptions { IncludeText = false } },
                HoverProvider = true,
                CompletionProvider = new CompletionOptions { TriggerCharacters = [":", " "], ResolveProvider = false },
                CodeActionProvider = new CodeActionOptions { CodeActionKinds = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAllOutreach], ResolveProvider = false },
                ExecuteCommandProvider = new ExecuteCommandOptions { Commands = OutreachCommandIds.All },
                // Declared only when the client pulls: a client that can pull but is also pushed to
                // would show every problem twice.
                DiagnosticProvider = pull ? new DiagnosticOptions { Identifier = "outreach", InterFileDependencies = true, WorkspaceDiagnostics = true } : null,
                Workspace = new WorkspaceServerCapabilities { WorkspaceFolders = new WorkspaceFoldersServerCapabilities { Supported = true, ChangeNotifications = true } },
            },
        };
    }

    [JsonRpcMethod("initialized", UseSingleObjectParameterDeserialization = true)]
    public void Initialized(JsonElement? request = null)
    {
        if (_phase != 1) return;
        _startup = Task.Run(StartAsync);
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        EnsureInitialized();
        _phase = 2;
        _shutdownToken.Cancel();
        _publisher.Dispose();
        _context.Log.Info("Shutdown requested.");
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _exit.TrySetResult(_phase == 2 ? 0 : 1);

    [JsonRpcMethod("$/setTrace", UseSingleObjectParameterDeserialization = true)]
    public void SetTrace(SetTraceParams request) => SetTrace(request?.Value);

    private void SetTrace(string? value) =>
        _context.Log.ClientLevel = value == "verbose" ? MessageType.Log : MessageType.Info;

    // ---------------------------------------------------------------- documents (state changes, in order)

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams request) => Mutate("didOpen", () =>
    {
        var d = request.TextDocument;
        var changed = _context.Workspace.Open(d.Uri, d.Version, d.Text ?? "", d.LanguageId ?? "");
        _publisher.Schedule(changed.Count > 0 ? changed : [_context.Workspace.Current.FolderFor(DocumentUris.ToId(d.Uri)).Key], [d.Uri]);
    });

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams request) => Mutate("didChange", () =>
    {
        var changed = _context.Workspace.Change(request.TextDocument.Uri, request.TextDocument.Version, request.ContentChanges ?? []);
        if (changed is { Count: > 0 }) _publisher.Schedule(changed, [request.TextDocument.Uri]);
    });

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public void DidClose(DidCloseTextDocumentParams request) => Mutate("didClose", () =>
        _publisher.Schedule(_context.Workspace.Close(request.TextDocument.Uri)));

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public void DidSave(DidSaveTextDocumentParams request) => Mutate("didSave", () =>
        _publisher.Schedule(_context.Workspace.Save(request.TextDocument.Uri, request.Text)));

    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams request) => Mutate("didChangeWatchedFiles", () =>
        _publisher.Schedule(_context.Workspace.FilesChanged(request.Changes ?? [])));

    [JsonRpcMethod("workspace/didChangeConfiguration", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeConfiguration(DidChangeConfigurationParams request) => Mutate("didChangeConfiguration", () =>
    {
        if (SupportsConfigurationRequest)
        {
            // The notification's payload is unreliable across clients; ask for the section itself.
            _ = PullSettingsAsync(schedule: true);
            return;
        }
        if (ReadSettings(request.Settings) is { } settings) ApplySettings(settings, schedule: true);
    });

    [JsonRpcMethod("workspace/didChangeWorkspaceFolders", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams request) => Mutate("didChangeWorkspaceFolders", () =>
    {
        var (added, changed) = _context.Workspace.ChangeFolders(request.Event?.Added ?? [], request.Event?.Removed ?? []);
        foreach (var removed in request.Event?.Removed ?? [])
            if (DocumentUris.TryGetPath(removed.Uri, out var path)) _context.Analysis.Forget(path);
        _publisher.Schedule(changed);
        if (added.Count > 0) _ = Task.Run(() => LoadFoldersAsync(added, progressToken: null, _shutdownToken.Token));
    });

    // ---------------------------------------------------------------- requests (read the state at arrival)

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Task<Hover?> Hover(HoverParams request, CancellationToken cancellationToken) =>
        Read((state, ct) => _hover.Handle(state, request, ct), cancellationToken);

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public Task<IReadOnlyList<CodeAction>> CodeAction(CodeActionParams request, CancellationToken cancellationToken) =>
        Read((state, ct) => _codeActions.Handle(state, request, ct), cancellationToken);

    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public Task<CompletionList> Completion(CompletionParams request, CancellationToken cancellationToken) =>
        Read((state, ct) => _completion.Handle(state, request, ct), cancellationToken);

    [JsonRpcMethod("textDocument/diagnostic", UseSingleObjectParameterDeserialization = true)]
    public Task<DocumentDiagnosticReport> DocumentDiagnostic(DocumentDiagnosticParams request, CancellationToken cancellationToken) =>
        Read((state, ct) => _pull.HandleDocument(state, request, ct), cancellationToken);

    [JsonRpcMethod("workspace/diagnostic", UseSingleObjectParameterDeserialization = true)]
    public Task<WorkspaceDiagnosticReport> WorkspaceDiagnostic(WorkspaceDiagnosticParams request, CancellationToken cancellationToken) =>
        Read((state, ct) => _pull.HandleWorkspace(state, request, ct), cancellationToken);

    [JsonRpcMethod("workspace/executeCommand", UseSingleObjectParameterDeserialization = true)]
    public async Task<object?> ExecuteCommand(ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        EnsureInitialized();
        var state = _context.Workspace.Current;
        return await Task.Run(() => _commands.HandleAsync(state, request, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    // ---------------------------------------------------------------- plumbing

    private Task<T> Read<T>(Func<WorkspaceState, CancellationToken, T> handler, CancellationToken cancellationToken)
    {
        EnsureInitialized();
        // Captured on the message pump: the request sees every change that arrived before it.
        var state = _context.Workspace.Current;
        return Task.Run(() => handler(state, cancellationToken), cancellationToken);
    }

    private void EnsureInitialized()
    {
        switch (_phase)
        {
            case 0: throw new LspException(LspErrorCodes.ServerNotInitialized, "The server has not been initialized.");
            case 2: throw new LspException(LspErrorCodes.InvalidRequest, "The server is shutting down.");
        }
    }

    private void Mutate(string what, Action action)
    {
        // Notifications before initialize (and after shutdown) are dropped, as the spec asks.
        if (_phase != 1) return;
        try
        {
            action();
        }
        catch (Exception ex)
        {
            // A notification has no response to carry an error; log it and keep serving.
            _context.Log.Error($"{what} failed", ex);
        }
    }

    private bool SupportsConfigurationRequest => _context.Capabilities.Workspace?.Configuration == true;

    private async Task StartAsync()
    {
        var ct = _shutdownToken.Token;
        try
        {
            var registrations = new List<Registration>();
            if (_context.Capabilities.Workspace?.DidChangeWatchedFiles?.DynamicRegistration == true)
            {
                registrations.Add(new Registration
                {
                    Id = "outreach-watched-files",
                    Method = "workspace/didChangeWatchedFiles",
                    RegisterOptions = new DidChangeWatchedFilesRegistrationOptions(
                    [
                        new Protocol.FileSystemWatcher { GlobPattern = "**/*.md" },
                        new Protocol.FileSystemWatcher { GlobPattern = "**/*.markdown" },
                        new Protocol.FileSystemWatcher { GlobPattern = "**/.outreach.{yaml,yml}" },
                        new Protocol.FileSystemWatcher { GlobPattern = "**/*.{yaml,yml}" },
                    ]),
                });
            }
            if (_context.Capabilities.Workspace?.DidChangeConfiguration?.DynamicRegistration == true)
                registrations.Add(new Registration { Id = "outreach-configuration", Method = "workspace/didChangeConfiguration", RegisterOptions = new { section = "outreach" } });
            if (registrations.Count > 0)
            {
                try
                {
                    await _context.Client.RequestAsync<JsonElement?>("client/registerCapability", new RegistrationParams(registrations), ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _context.Log.Warning($"The client refused dynamic registration: {ex.Message}");
                }
            }
            if (SupportsConfigurationRequest) await PullSettingsAsync(schedule: false).ConfigureAwait(false);

            string? token = null;
            if (_context.Capabilities.Window?.WorkDoneProgress == true)
            {
                token = "outreach-load-" + Guid.NewGuid().ToString("N");
                try
                {
                    await _context.Client.RequestAsync<JsonElement?>("window/workDoneProgress/create", new WorkDoneProgressCreateParams(token), ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    token = null;
                    _context.Log.Verbose($"No progress token: {ex.Message}");
                }
            }
            var keys = _context.Workspace.Current.Folders.Select(f => f.Key).ToList();
            await LoadFoldersAsync(keys, token, ct).ConfigureAwait(false);
            // Documents opened before the load finished, or outside every folder.
            _publisher.Schedule([""]);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            _context.Log.Error("Start-up failed", ex);
        }
    }

    private async Task LoadFoldersAsync(IReadOnlyList<string> keys, string? progressToken, CancellationToken ct)
    {
        if (progressToken is not null)
            await NotifyProgress(progressToken, new WorkDoneProgressBegin { Title = "Outreach: reading drafts", Percentage = 0, Cancellable = false }).ConfigureAwait(false);
        int total = 0;
        for (int i = 0; i < keys.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var folder = _context.Workspace.Current.GetFolder(keys[i]);
            if (folder?.RootPath is null) continue;
            int index = i;
            int lastPercent = -1;
            var progress = progressToken is null ? null : new InlineProgress<(int Done, int Total)>(p =>
            {
                // Report in steps of 5 %: a thousand notifications would cost more than the load.
                int percent = (int)((index + (double)p.Done / Math.Max(1, p.Total)) * 100 / keys.Count);
                if (percent / 5 == lastPercent / 5) return;
                lastPercent = percent;
                _ = NotifyProgress(progressToken, new WorkDoneProgressReport { Message = $"{folder.Name}: {p.Done}/{p.Total}", Percentage = percent });
            });
            var (drafts, problems) = WorkspaceDrafts.Load(_context.Workspace.FileSystemFor(_context.Workspace.Current), folder, progress, ct);
            total += drafts.Count;
            var changed = _context.Workspace.SetDiskDrafts(folder.Key, drafts, problems);
            _publisher.Schedule(changed);
        }
        if (progressToken is not null)
            await NotifyProgress(progressToken, new WorkDoneProgressEnd { Message = $"{total} draft(s) read" }).ConfigureAwait(false);
        _context.Log.Info($"Read {total} draft(s) from {keys.Count} folder(s).");
    }

    private Task NotifyProgress(string token, object value) =>
        _context.Client.NotifyAsync("$/progress", new ProgressParams(token, value));

    private async Task PullSettingsAsync(bool schedule)
    {
        try
        {
            var result = await _context.Client.RequestAsync<JsonElement[]?>("workspace/configuration",
                new ConfigurationParams([new ConfigurationItem { Section = "outreach" }]), _shutdownToken.Token).ConfigureAwait(false);
            if (result is { Length: > 0 } && ReadSettings(result[0]) is { } settings) ApplySettings(settings, schedule);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _context.Log.Warning($"workspace/configuration failed: {ex.Message}");
        }
    }

    private void ApplySettings(OutreachSettings settings, bool schedule)
    {
        if (settings.DebounceMs is { } ms) _publisher.DebounceMs = Math.Clamp(ms, 0, 10_000);
        var changed = _context.Workspace.SetSettings(settings);
        if (schedule) _publisher.Schedule(changed);
    }

    /// <summary>Settings as <c>{outreach: {...}}</c> or the section itself; null when absent or malformed.</summary>
    internal OutreachSettings? ReadSettings(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e) return null;
        if (e.TryGetProperty("outreach", out var nested) && nested.ValueKind == JsonValueKind.Object) e = nested;
        try
        {
            return LspJson.Deserialize<OutreachSettings>(e);
        }
        catch (JsonException ex)
        {
            _context.Log.Warning($"Ignoring malformed settings: {ex.Message}");
            return null;
        }
    }

    private async Task RefreshAsync()
    {
        if (_context.Capabilities.Workspace?.Diagnostics?.RefreshSupport != true) return;
        try
        {
            await _context.Client.RequestAsync<JsonElement?>("workspace/diagnostic/refresh", null, _shutdownToken.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _context.Log.Verbose($"workspace/diagnostic/refresh failed: {ex.Message}");
        }
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread, in order (unlike Progress&lt;T&gt;).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
