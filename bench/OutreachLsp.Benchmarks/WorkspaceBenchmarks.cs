using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;

namespace OutreachLsp.Benchmarks;

/// <summary>
/// 1,000 drafts (about 230 programs, 3 to 6 emails each): what `outreach check` does after reading
/// the files, split so the phase that dominates is visible. Also the engine's start-up (loading the
/// default pack), which every cold CLI process pays once.
/// </summary>
[Config(typeof(HeavyBenchConfig))]
public class WorkspaceBenchmarks
{
    private List<(string Id, string Text)> _texts = null!;
    private WorkspaceSnapshot _snapshot = null!;
    private Engine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = Inputs.CreateEngine();
        _texts = Inputs.WorkspaceTexts(1000);
        _snapshot = Inputs.Parse(_texts);
        Inputs.RequireFindings(_engine.AnalyzeWorkspaceRules(_snapshot), "the workspace rules over 1,000 drafts");
    }

    [Benchmark(Description = "Parse 1,000 drafts")]
    public WorkspaceSnapshot ParseAll() => Inputs.Parse(_texts);

    [Benchmark(Description = "Workspace rules over 1,000 parsed drafts")]
    public ImmutableArray<Finding> WorkspaceRules() => _engine.AnalyzeWorkspaceRules(_snapshot);

    [Benchmark(Description = "Analyze 1,000 parsed drafts (all rules)")]
    public AnalysisResult AnalyzeAll() => _engine.Analyze(_snapshot);

    [Benchmark(Description = "Engine.Create (load default pack)")]
    public Engine CreateEngine() => Inputs.CreateEngine();
}
