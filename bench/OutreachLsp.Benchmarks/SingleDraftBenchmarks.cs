using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;

namespace OutreachLsp.Benchmarks;

/// <summary>
/// Target (issue 2, part 10): one 300-word draft through the full default pack in at most 200 µs
/// mean after warm-up. The draft is a post-interview update with a rank inquiry and a stock phrase,
/// so rules fire and fixes are built.
/// </summary>
[Config(typeof(BenchConfig))]
public class SingleDraftBenchmarks
{
    private const string DraftId = Inputs.Root + "/update-pinecrest.md";
    private Engine _engine = null!;
    private string _text = null!;
    private WorkspaceSnapshot _single = null!;
    private WorkspaceSnapshot _workspace40 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = Inputs.CreateEngine();
        _text = Inputs.Generator.SingleDraft();
        _single = WorkspaceSnapshot.Create([DraftParser.Parse(DraftId, _text)], Inputs.Config, Inputs.Root);
        // The same draft inside a realistic applicant workspace (about ten programs, 40 emails):
        // AnalyzeDocument also runs the workspace rules over every draft.
        _workspace40 = Inputs.Parse(Inputs.WorkspaceTexts(40)).WithDraft(DraftParser.Parse(DraftId, _text));
        Inputs.RequireFindings(_engine.AnalyzeDocument(_single, DraftId), "the single draft");
    }

    [Benchmark(Description = "Parse (300 words)")]
    public Draft Parse() => DraftParser.Parse(DraftId, _text);

    [Benchmark(Description = "Parse + analyze (300 words)")]
    public ImmutableArray<Finding> ParseAndAnalyze()
    {
        var snapshot = WorkspaceSnapshot.Create([DraftParser.Parse(DraftId, _text)], Inputs.Config, Inputs.Root);
        return _engine.AnalyzeDocument(snapshot, DraftId);
    }

    [Benchmark(Description = "Analyze pre-parsed (300 words)")]
    public ImmutableArray<Finding> AnalyzeOnly() => _engine.AnalyzeDocument(_single, DraftId);

    [Benchmark(Description = "Parse + analyze in a 40-draft workspace")]
    public ImmutableArray<Finding> ParseAndAnalyzeInWorkspace()
    {
        var snapshot = _workspace40.WithDraft(DraftParser.Parse(DraftId, _text));
        return _engine.AnalyzeDocument(snapshot, DraftId);
    }
}
