using System.Collections.Concurrent;
using System.Collections.Immutable;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Matching;

namespace OutreachLsp.Core.Analysis;

/// <summary>
/// Everything a document rule may read about one draft, with the derived data (sentences, tokens,
/// resolved metadata) computed once and shared by all rules.
/// </summary>
public sealed class DocumentContext
{
    internal DocumentContext(Draft draft, WorkspaceContext workspace)
    {
        Draft = draft;
        Workspace = workspace;
        Facts = DraftFacts.Resolve(draft, workspace.Snapshot.Config, out var calendarProblem);
        CalendarProblems = calendarProblem is null ? ImmutableArray<Finding>.Empty : [calendarProblem];
    }

    public Draft Draft { get; }

    public WorkspaceContext Workspace { get; }

    public WorkspaceConfig Config => Workspace.Snapshot.Config;

    /// <summary>Front matter with the profile's defaults and the Match calendar resolved.</summary>
    public DraftFacts Facts { get; }

    internal ImmutableArray<Finding> CalendarProblems { get; }

    /// <summary>Sentences and tokens of the draft's prose, built on first use and kept with the draft.</summary>
    public ProseAnalysis Prose => Draft.Analysis;

    private ConcurrentDictionary<string, object>? _memo;

    /// <summary>
    /// Data several rules derive from this draft (its program names, say), computed once per
    /// analysis. The key names the data; the factory must depend only on this context.
    /// </summary>
    internal T Memo<T>(string key, Func<DocumentContext, T> factory) where T : class
    {
        var memo = LazyInitializer.EnsureInitialized(ref _memo, static () => new ConcurrentDictionary<string, object>(StringComparer.Ordinal));
        return (T)memo.GetOrAdd(key, static (_, state) => state.Factory(state.Context), (Factory: factory, Context: this));
    }
}

/// <summary>The snapshot plus one shared <see cref="DocumentContext"/> per draft.</summary>
public sealed class WorkspaceContext
{
    private readonly ConcurrentDictionary<string, DocumentContext> _documents = new(StringComparer.Ordinal);

    public WorkspaceContext(WorkspaceSnapshot snapshot) => Snapshot = snapshot;

    public WorkspaceSnapshot Snapshot { get; }

    public DocumentContext GetDocument(Draft draft) => _documents.GetOrAdd(draft.DocumentId, _ => new DocumentContext(draft, this));

    public IEnumerable<DocumentContext> Documents => Snapshot.Drafts.Values.Select(GetDocument);
}
