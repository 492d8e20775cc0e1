using System.Collections.Immutable;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.IO;
using OutreachLsp.Core.Rules;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Analysis;

/// <summary>All findings of one analysis, by document id.</summary>
public sealed class AnalysisResult
{
    public AnalysisResult(ImmutableSortedDictionary<string, ImmutableArray<Finding>> byDocument) => ByDocument = byDocument;

    public ImmutableSortedDictionary<string, ImmutableArray<Finding>> ByDocument { get; }

    public IEnumerable<Finding> All => ByDocument.Values.SelectMany(f => f);

    public ImmutableArray<Finding> For(string documentId) =>
        ByDocument.TryGetValue(documentId, out var f) ? f : ImmutableArray<Finding>.Empty;
}

/// <summary>
/// The lint engine: a rule set built once for a config, run on immutable snapshots. Pure: no I/O
/// after <see cref="Create"/>, no shared mutable state, safe to call from many threads.
/// </summary>
public sealed class Engine
{
    private Engine(RuleSet rules, WorkspaceConfig config, ImmutableArray<Finding> packProblems)
    {
        Rules = rules;
        Config = config;
        PackProblems = packProblems;
    }

    public RuleSet Rules { get; }

    public WorkspaceConfig Config { get; }

    /// <summary>Problems in rule-pack files (located in those files) and unknown rule ids in the config.</summary>
    public ImmutableArray<Finding> PackProblems { get; }

    /// <summary>Loads the default pack and the config's extra packs. Never throws for bad packs.</summary>
    public static Engine Create(WorkspaceConfig config, IFileSystem fileSystem)
    {
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var rules = new List<Rule>(RuleLoader.LoadDefaultPack(problems));
        foreach (var folder in config.Packs)
            rules.AddRange(RuleLoader.LoadFolder(fileSystem, folder, problems));
        var set = new RuleSet(rules);
        ReportUnknownOverrides(config, set, problems);
        return new Engine(set, config, problems.ToImmutable());
    }

    /// <summary>An engine with the default pack and default config (tests, benchmarks).</summary>
    public static Engine CreateDefault() => Create(WorkspaceConfig.Default, PhysicalFileSystem.Instance);

    /// <summary>Runs every rule on every draft of the snapshot.</summary>
    public AnalysisResult Analyze(WorkspaceSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var workspace = new WorkspaceContext(snapshot);
        var perDocument = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        // Document rules read only their own draft and rules are immutable, so drafts are checked in
        // parallel (a 1,000-draft `outreach check` is bound by this loop); results are keyed by id,
        // so the output does not depend on the order they finish in.
        var drafts = snapshot.Drafts.Values.ToArray();
        var lists = new List<Finding>[drafts.Length];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, drafts.Length, options, i => lists[i] = RunDocumentRules(workspace.GetDocument(drafts[i]), cancellationToken, mayParallelize: drafts.Length == 1));
        for (int i = 0; i < drafts.Length; i++) perDocument[drafts[i].DocumentId] = lists[i];
        foreach (var finding in RunWorkspaceRules(workspace, cancellationToken))
        {
            if (perDocument.TryGetValue(finding.DocumentId, out var list)) list.Add(finding);
        }
        var builder = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<Finding>>(StringComparer.Ordinal);
        foreach (var (id, findings) in perDocument)
            builder[id] = Finalize(snapshot.Drafts[id], findings);
        return new AnalysisResult(builder.ToImmutable());
    }

    /// <summary>
    /// Findings of one draft: its document rules, plus the workspace rules' findings that land in it.
    /// </summary>
    public ImmutableArray<Finding> AnalyzeDocument(WorkspaceSnapshot snapshot, string documentId, CancellationToken cancellationToken = default)
    {
        if (!snapshot.Drafts.TryGetValue(documentId, out var draft)) return ImmutableArray<Finding>.Empty;
        var workspace = new WorkspaceContext(snapshot);
        var findings = RunDocumentRules(workspace.GetDocument(draft), cancellationToken);
        foreach (var finding in RunWorkspaceRules(workspace, cancellationToken))
            if (finding.DocumentId == documentId) findings.Add(finding);
        return Finalize(draft, findings);
    }

    /// <summary>
    /// The findings of one draft's document rules, parse and calendar problems included, before
    /// suppressions and severity overrides (<see cref="Finish"/>). With <see cref="AnalyzeWorkspaceRules"/>
    /// this lets a caller that keeps findings between edits (the language server) re-run only what an
    /// edit can change: the edited draft's document rules, and the workspace rules once.
    /// </summary>
    public ImmutableArray<Finding> AnalyzeDocumentRules(WorkspaceSnapshot snapshot, string documentId, CancellationToken cancellationToken = default)
    {
        if (!snapshot.Drafts.TryGetValue(documentId, out var draft)) return ImmutableArray<Finding>.Empty;
        return [.. RunDocumentRules(new WorkspaceContext(snapshot).GetDocument(draft), cancellationToken)];
    }

    /// <summary>
    /// A draft's final findings from its raw ones (<see cref="AnalyzeDocumentRules"/> plus the
    /// workspace rules' findings in it): suppressions and severity overrides applied, sorted by position.
    /// </summary>
    public ImmutableArray<Finding> Finish(Draft draft, IEnumerable<Finding> findings) => Finalize(draft, [.. findings]);

    /// <summary>Only the workspace rules, by document (the server re-runs these on every edit).</summary>
    public ImmutableArray<Finding> AnalyzeWorkspaceRules(WorkspaceSnapshot snapshot, CancellationToken cancellationToken = default) =>
        RunWorkspaceRules(new WorkspaceContext(snapshot), cancellationToken).ToImmutableArray();

    /// <summary>From this many characters on, one draft's document rules run side by side.</summary>
    private const int ParallelDocumentRules = 100_000;

    private List<Finding> RunDocumentRules(DocumentContext context, CancellationToken cancellationToken, bool mayParallelize = true)
    {
        var findings = new List<Finding>(context.Draft.ParseFindings);
        findings.AddRange(context.CalendarProblems);
        // A long draft analysed alone (an edit in the editor, a huge file) has its rules spread over
        // the cores. A workspace analysis already runs drafts in parallel, so it does not nest this.
        bool parallel = mayParallelize && context.Draft.Text.Length >= ParallelDocumentRules;
        if (parallel) _ = context.Prose; // build the shared sentence analysis once, before the rules race for it
        findings.AddRange(RunEach(Rules.All.Where(r => !r.IsWorkspaceRule && !IsOff(r.Id)), parallel, cancellationToken,
            (rule, sink) => rule.CheckDocument(context, sink)));
        return findings;
    }

    /// <summary>From this many drafts on, the workspace rules run side by side.</summary>
    private const int ParallelWorkspaceRules = 50;

    private List<Finding> RunWorkspaceRules(WorkspaceContext context, CancellationToken cancellationToken) =>
        RunEach(Rules.All.Where(r => r.IsWorkspaceRule && !IsOff(r.Id)), context.Snapshot.Drafts.Count >= ParallelWorkspaceRules, cancellationToken,
            (rule, sink) => rule.CheckWorkspace(context, sink));

    /// <summary>
    /// Runs each rule, on this thread or side by side. Rules only read shared, thread-safe data, and
    /// their findings are gathered in rule order, so the result does not depend on which finishes
    /// first. Small inputs stay on this thread: handing microseconds of work to the thread pool
    /// costs more than the work (and wakes spinning workers).
    /// </summary>
    private static List<Finding> RunEach(IEnumerable<Rule> selected, bool parallel, CancellationToken cancellationToken, Action<Rule, FindingSink> run)
    {
        var rules = selected.ToArray();
        var lists = new List<Finding>[rules.Length];
        void Run(int i)
        {
            lists[i] = [];
            run(rules[i], new FindingSink(rules[i], lists[i]));
        }
        if (parallel && Environment.ProcessorCount > 1)
        {
            Parallel.For(0, rules.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, Run);
        }
        else
        {
            for (int i = 0; i < rules.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Run(i);
            }
        }
        return lists.SelectMany(l => l).ToList();
    }

    private bool IsOff(string ruleId) => Config.RuleOverrides.TryGetValue(ruleId, out var s) && s is null;

    /// <summary>Applies severity overrides and in-document suppressions, then sorts by position.</summary>
    private ImmutableArray<Finding> Finalize(Draft draft, List<Finding> findings)
    {
        var suppressions = Suppressions.For(draft);
        var result = ImmutableArray.CreateBuilder<Finding>(findings.Count);
        foreach (var f in findings)
        {
            if (suppressions.IsSuppressed(f)) continue;
            var finding = f;
            if (Config.RuleOverrides.TryGetValue(f.RuleId, out var severity))
            {
                if (severity is null) continue;
                finding = f with { Severity = severity.Value };
            }
            result.Add(finding);
        }
        result.Sort(static (a, b) =>
        {
            int c = a.Span.Start.CompareTo(b.Span.Start);
            if (c != 0) return c;
            c = a.Span.End.CompareTo(b.Span.End);
            return c != 0 ? c : string.CompareOrdinal(a.RuleId, b.RuleId);
        });
        return result.ToImmutable();
    }

    private static void ReportUnknownOverrides(WorkspaceConfig config, RuleSet set, ImmutableArray<Finding>.Builder problems)
    {
        foreach (var id in config.RuleOverrides.Keys)
        {
            if (set.Contains(id) || IsWellKnown(id)) continue;
            var suggestion = Suggest.Closest(id, set.All.Select(r => r.Id));
            problems.Add(new Finding(WellKnownRuleIds.Config, Severity.Warning, config.Path ?? ".outreach.yaml", default,
                $"Unknown rule id '{id}' in rules:{(suggestion is null ? "" : $" did you mean '{suggestion}'?")}"));
        }
    }

    private static bool IsWellKnown(string id) =>
        id is WellKnownRuleIds.FrontMatter or WellKnownRuleIds.Input or WellKnownRuleIds.Calendar;
}
