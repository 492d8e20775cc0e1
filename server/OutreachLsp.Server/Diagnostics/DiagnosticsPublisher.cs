using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Workspace;

namespace OutreachLsp.Server.Diagnostics;

/// <summary>
/// Pushes diagnostics. After a change a folder is analysed on a background task once the debounce
/// delay has passed; a newer change cancels the stale analysis, so the newest version wins. Only the
/// documents whose diagnostics changed are sent, each with the version of the text analysed. In pull
/// mode nothing is pushed; a change the client did not make itself (another draft's findings)
/// triggers <c>workspace/diagnostic/refresh</c> instead.
/// </summary>
public sealed class DiagnosticsPublisher : IDisposable
{
    private readonly ServerWorkspace _workspace;
    private readonly AnalysisService _analysis;
    private readonly ServerLog _log;
    private readonly Func<PublishDiagnosticsParams, Task> _publish;
    private readonly Func<Task>? _refresh;
    private readonly object _gate = new();
    private readonly Dictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SemaphoreSlim> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _editedSinceRun = new(StringComparer.Ordinal);
    // uri -> (folder key, result id) of what the client currently shows.
    private readonly Dictionary<string, (string Folder, string ResultId)> _published = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposed = new();

    public DiagnosticsPublisher(ServerWorkspace workspace, AnalysisService analysis, ServerLog log,
        Func<PublishDiagnosticsParams, Task> publish, Func<Task>? refresh)
    {
        _workspace = workspace;
        _analysis = analysis;
        _log = log;
        _publish = publish;
        _refresh = refresh;
    }

    /// <summary>Delay between the last change and analysis.</summary>
    public int DebounceMs { get; set; } = 75;

    /// <summary>Pull mode: the client asks for diagnostics; nothing is pushed.</summary>
    public bool PullMode { get; set; }

    /// <summary>Raised after each completed publication round (tests, benchmarks).</summary>
    public event Action<string>? Published;

    /// <summary>Schedules analysis of the folders; <paramref name="editedUris"/> are documents the client changed itself.</summary>
    public void Schedule(IEnumerable<string> folderKeys, IEnumerable<string>? editedUris = null)
    {
        foreach (var key in folderKeys)
        {
            CancellationTokenSource cts;
            lock (_gate)
            {
                if (_disposed.IsCancellationRequested) return;
                if (_pending.Remove(key, out var previous))
                {
                    previous.Cancel();
                    previous.Dispose();
                }
                cts = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
                _pending[key] = cts;
                if (editedUris is not null)
                {
                    if (!_editedSinceRun.TryGetValue(key, out var set)) _editedSinceRun[key] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.UnionWith(editedUris);
                }
            }
            _ = RunAsync(key, cts.Token);
        }
    }

    private async Task RunAsync(string key, CancellationToken cancellationToken)
    {
        SemaphoreSlim running;
        lock (_gate)
        {
            if (!_running.TryGetValue(key, out running!)) _running[key] = running = new SemaphoreSlim(1, 1);
        }
        try
        {
            // Off the message loop (and its synchronization context) onto the thread pool, where the
            // analysis below runs: one hop per change, not two.
            int delay = DebounceMs;
            if (delay > 0) await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            else await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            await running.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await AnalyzeAndPublishAsync(key, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                running.Release();
            }
        }
        catch (OperationCanceledException)
        {
            // A newer change superseded this run.
        }
        catch (Exception ex)
        {
            _log.Error($"Analysing folder '{(key.Length == 0 ? "(no folder)" : key)}' failed", ex);
        }
    }

    private async Task AnalyzeAndPublishAsync(string key, CancellationToken cancellationToken)
    {
        var workspace = _workspace.Current;
        var folder = workspace.GetFolder(key);
        var fs = _workspace.FileSystemFor(workspace);
        List<DocumentDiagnostics> current;
        if (folder is null)
        {
            current = [];
        }
        else
        {
            var analysis = _analysis.Analyze(folder, cancellationToken);
            current = DiagnosticsBuilder.Build(analysis, workspace, fs).ToList();
        }
        cancellationToken.ThrowIfCancellationRequested();

        var toSend = new List<PublishDiagnosticsParams>();
        bool otherChanged = false;
        lock (_gate)
        {
            // The newest change wins: a run cancelled while analysing publishes nothing.
            cancellationToken.ThrowIfCancellationRequested();
            _editedSinceRun.Remove(key, out var edited);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var doc in current)
            {
                seen.Add(doc.Uri);
                bool known = _published.TryGetValue(doc.Uri, out var before);
                if (known && before.ResultId == doc.ResultId) continue;
                // A draft that never had diagnostics and still has none needs no message.
                if (!known && doc.Items.Count == 0) continue;
                _published[doc.Uri] = (key, doc.ResultId);
                if (!(edited?.Contains(doc.Uri) ?? false)) otherChanged = true;
                toSend.Add(new PublishDiagnosticsParams { Uri = doc.Uri, Version = doc.Version, Diagnostics = doc.Items });
            }
            foreach (var (uri, entry) in _published.Where(p => p.Value.Folder == key && !seen.Contains(p.Key)).ToList())
            {
                _published.Remove(uri);
                otherChanged = true;
                toSend.Add(new PublishDiagnosticsParams { Uri = uri, Diagnostics = [] });
            }
        }

        if (PullMode)
        {
            if (otherChanged && _refresh is not null) await _refresh().ConfigureAwait(false);
        }
        else
        {
            foreach (var p in toSend) await _publish(p).ConfigureAwait(false);
        }
        Published?.Invoke(key);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed.Cancel();
            foreach (var cts in _pending.Values) cts.Dispose();
            _pending.Clear();
        }
    }
}
