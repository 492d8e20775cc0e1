using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Rules;

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
    private List<(string Origin, string Text)> _packFiles = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = Inputs.CreateEngine();
        _texts = Inputs.WorkspaceTexts(1000);
        _snapshot = Inputs.Parse(_texts);
        _packFiles = ReadDefaultPack();
        Inputs.RequireFindings(_engine.AnalyzeWorkspaceRules(_snapshot), "the workspace rules over 1,000 drafts");
    }

    // The embedded default pack, read the way RuleLoader reads it.
    private static List<(string Origin, string Text)> ReadDefaultPack()
    {
        const string prefix = "OutreachLsp.Packs.default.";
        var assembly = typeof(RuleLoader).Assembly;
        var files = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            files.Add(("default/" + name[prefix.Length..], reader.ReadToEnd()));
        }
        if (files.Count < 30) throw new InvalidOperationException($"expected the default pack's 30 rule files, found {files.Count}");
        return files;
    }

    [Benchmark(Description = "Parse 1,000 drafts")]
    public WorkspaceSnapshot ParseAll() => Inputs.Parse(_texts);

    [Benchmark(Description = "Workspace rules over 1,000 parsed drafts")]
    public ImmutableArray<Finding> WorkspaceRules() => _engine.AnalyzeWorkspaceRules(_snapshot);

    [Benchmark(Description = "Analyze 1,000 parsed drafts (all rules)")]
    public AnalysisResult AnalyzeAll() => _engine.Analyze(_snapshot);

    /// <summary>Cheap after the first call: the default pack is loaded once per process and cached.</summary>
    [Benchmark(Description = "Engine.Create (default pack already cached)")]
    public Engine CreateEngine() => Inputs.CreateEngine();

    /// <summary>What the first Engine.Create of a process pays (warm code): parse 30 YAML rule files, compile their patterns.</summary>
    [Benchmark(Description = "Load the default pack from YAML (uncached)")]
    public int LoadDefaultPack() => RuleLoader.LoadFiles(_packFiles, ImmutableArray.CreateBuilder<Finding>()).Count;
}
