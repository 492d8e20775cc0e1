using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Server.Workspace;

namespace OutreachLsp.Server.Diagnostics;

/// <summary>The findings of every draft of one folder state, plus the problems of its config and rule packs.</summary>
public sealed class FolderAnalysis
{
    public FolderAnalysis(FolderState state, ImmutableDictionary<string, ImmutableArray<Finding>> drafts, ImmutableDictionary<string, ImmutableArray<Finding>> configFiles)
    {
        State = state;
        Drafts = drafts;
        ConfigFiles = configFiles;
    }

    public FolderState State { get; }

    /// <summary>Findings by draft id.</summary>
    public ImmutableDictionary<string, ImmutableArray<Finding>> Drafts { get; }

    /// <summary>Config and rule-pack problems by file path.</summary>
    public ImmutableDictionary<string, ImmutableArray<Finding>> ConfigFiles { get; }

    public ImmutableArray<Finding> For(string id) =>
        Drafts.TryGetValue(id, out var f) ? f : ConfigFiles.TryGetValue(id, out var c) ? c : ImmutableArray<Finding>.Empty;
}

/// <summary>
/// Runs the engine on folder states, incrementally. Workspace rules run once on every analysis (a
/// change in one draft can clear or raise a finding in another). Document rules run again only for
/// drafts whose text changed: their raw findings are kept per draft version. A draft's final findings
/// (suppressions and severity overrides applied by the engine) are recomputed only when its document
/// or workspace findings changed. Thread-safe: one analysis per folder at a time.
/// </summary>
public sealed class AnalysisService
{
    private sealed record Entry(Draft Draft, ImmutableArray<Finding> DocumentFindings, string WorkspaceKey, ImmutableArray<Finding> Findings);

    private sealed class Cache
    {
        public Engine? Engine;
        public WorkspaceSnapshot? Snapshot;
        public FolderAnalysis? Last;
        public Dictionary<string, Entry> Entries = new(StringComparer.Ordinal);
        // A semaphore rather than a lock: a request waiting for a long analysis must stay cancellable.
        public readonly SemaphoreSlim Gate = new(1, 1);
    }

    private readonly ConcurrentDictionary<string, Cache> _caches = new(StringComparer.Ordinal);

    /// <summary>Analyses the folder state (or returns the cached analysis of the same state).</summary>
    public FolderAnalysis Analyze(FolderState state, CancellationToken cancellationToken)
    {
        var cache = _caches.GetOrAdd(state.Key, _ => new Cache());
        cache.Gate.Wait(cancellationToken);
        try
        {
            var engine = state.Engine;
            var snapshot = state.Snapshot;
            if (cache.Last is { } last && ReferenceEquals(cache.Snapshot, snapshot) && ReferenceEquals(cache.Engine, engine))
                return last.State == state ? last : new FolderAnalysis(state, last.Drafts, last.ConfigFiles);

            var previous = ReferenceEquals(cache.Engine, engine) ? cache.Entries : [];
            // Document rules for the drafts that changed (all of them on the first run, in parallel).
            var changed = snapshot.Drafts.Values
                .Where(d => !(previous.TryGetValue(d.DocumentId, out var e) && ReferenceEquals(e.Draft, d)))
                .ToArray();
            var documentFindings = new ImmutableArray<Finding>[changed.Length];
            var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = changed.Length > 1 ? Environment.ProcessorCount : 1 };
            Parallel.For(0, changed.Length, options, i => documentFindings[i] = engine.AnalyzeDocumentRules(snapshot, changed[i].DocumentId, cancellationToken));
            var fresh = new Dictionary<string, ImmutableArray<Finding>>(StringComparer.Ordinal);
            for (int i = 0; i < changed.Length; i++) fresh[changed[i].DocumentId] = documentFindings[i];

            var workspaceFindings = engine.AnalyzeWorkspaceRules(snapshot, cancellationToken)
                .GroupBy(f => f.DocumentId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
            var drafts = ImmutableDictionary.CreateBuilder<string, ImmutableArray<Finding>>(StringComparer.Ordinal);
            foreach (var (id, draft) in snapshot.Drafts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var inWorkspace = workspaceFindings.TryGetValue(id, out var w) ? w : [];
                string key = inWorkspace.Count == 0 ? "" : WorkspaceKey(inWorkspace);
                Entry entry;
                if (fresh.TryGetValue(id, out var own)) entry = new Entry(draft, own, key, engine.Finish(draft, own.Concat(inWorkspace)));
                else
                {
                    var old = previous[id];
                    entry = old.WorkspaceKey == key ? old : old with { WorkspaceKey = key, Findings = engine.Finish(draft, old.DocumentFindings.Concat(inWorkspace)) };
                }
                entries[id] = entry;
                drafts[id] = entry.Findings;
            }
            var result = new FolderAnalysis(state, drafts.ToImmutable(), ConfigProblems(state, engine));
            cancellationToken.ThrowIfCancellationRequested();
            cache.Engine = engine;
            cache.Snapshot = snapshot;
            cache.Entries = entries;
            cache.Last = result;
            if (changed.Length >= BulkAnalysis) ReturnMemoryAfterBulkAnalysis();
            return result;
        }
        finally
        {
            cache.Gate.Release();
        }
    }

    /// <summary>An analysis of this many changed drafts (the first load, a new rule pack) is a bulk one.</summary>
    private const int BulkAnalysis = 200;

    private long _lastCompaction;

    /// <summary>
    /// A bulk analysis leaves tens of megabytes of short-lived garbage behind, and the GC keeps that
    /// memory committed for a process that will mostly idle between keystrokes. One compacting
    /// collection afterwards (at most every 30 seconds, off the analysis path) returns it to the OS:
    /// with 1,000 drafts the resident set drops by about a third (docs/PERFORMANCE.md).
    /// </summary>
    private void ReturnMemoryAfterBulkAnalysis()
    {
        long now = Environment.TickCount64;
        long last = Interlocked.Read(ref _lastCompaction);
        if (last != 0 && now - last < 30_000) return;
        if (Interlocked.CompareExchange(ref _lastCompaction, now, last) != last) return;
        ThreadPool.UnsafeQueueUserWorkItem(static _ => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true), null);
    }

    /// <summary>The findings of one draft in this state (from the folder's analysis).</summary>
    public ImmutableArray<Finding> AnalyzeDocument(FolderState state, string id, CancellationToken cancellationToken) =>
        Analyze(state, cancellationToken).For(id);

    /// <summary>Forgets a folder (removed from the workspace).</summary>
    public void Forget(string folderKey) => _caches.TryRemove(folderKey, out _);

    private static ImmutableDictionary<string, ImmutableArray<Finding>> ConfigProblems(FolderState state, Engine engine) =>
        state.Config.Problems.Concat(engine.PackProblems).Concat(state.LoadProblems)
            .Where(f => Path.IsPathRooted(f.DocumentId))
            .GroupBy(f => f.DocumentId, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);

    /// <summary>A value that changes whenever a draft's raw workspace findings change.</summary>
    private static string WorkspaceKey(IEnumerable<Finding> findings)
    {
        var sb = new StringBuilder();
        foreach (var f in findings.OrderBy(f => f.Span.Start).ThenBy(f => f.RuleId, StringComparer.Ordinal))
        {
            sb.Append(f.RuleId).Append('|').Append((int)f.Severity).Append('|').Append(f.Span.Start).Append(':').Append(f.Span.Length).Append('|').Append(f.Message);
            foreach (var r in f.Related) sb.Append("|r:").Append(r.DocumentId).Append('@').Append(r.Span.Start).Append(':').Append(r.Span.Length).Append(r.Message);
            foreach (var fix in f.Fixes)
            {
                sb.Append("|f:").Append(fix.Title).Append(fix.IsPreferred).Append(fix.IsSafe);
                foreach (var e in fix.Edits) sb.Append('@').Append(e.Span.Start).Append(':').Append(e.Span.Length).Append('=').Append(e.NewText);
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
