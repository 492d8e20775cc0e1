using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;

namespace OutreachLsp.Benchmarks;

/// <summary>Target: a 1 MB document (1,048,576 UTF-16 chars and a little more) in at most 50 ms.</summary>
[Config(typeof(HeavyBenchConfig))]
public class LargeDocumentBenchmarks
{
    private const string DraftId = Inputs.Root + "/long-notes.md";
    private Engine _engine = null!;
    private string _text = null!;
    private WorkspaceSnapshot _snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = Inputs.CreateEngine();
        _text = Inputs.Generator.LargeDocument();
        _snapshot = WorkspaceSnapshot.Create([DraftParser.Parse(DraftId, _text)], Inputs.Config, Inputs.Root);
        Inputs.RequireFindings(_engine.AnalyzeDocument(_snapshot, DraftId), "the 1 MB document");
    }

    [Benchmark(Description = "Parse (1 MB)")]
    public Draft Parse() => DraftParser.Parse(DraftId, _text);

    [Benchmark(Description = "Parse + analyze (1 MB)")]
    public ImmutableArray<Finding> ParseAndAnalyze()
    {
        var snapshot = WorkspaceSnapshot.Create([DraftParser.Parse(DraftId, _text)], Inputs.Config, Inputs.Root);
        return _engine.AnalyzeDocument(snapshot, DraftId);
    }

    [Benchmark(Description = "Analyze pre-parsed (1 MB)")]
    public ImmutableArray<Finding> AnalyzeOnly() => _engine.AnalyzeDocument(_snapshot, DraftId);
}
