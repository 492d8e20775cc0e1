using System.Diagnostics;
using System.Globalization;
using System.Text;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.IO;

namespace OutreachLsp.Benchmarks;

/// <summary>
/// A Stopwatch breakdown of what `outreach check` does with a folder, phase by phase, first cold
/// (the first pass in a fresh process pays JIT and type loading, as the CLI does) and then warm.
/// dotnet-trace and dotnet-counters are not available offline; this answers "which phase dominates"
/// well enough to decide where to look. With --per-rule it also times each rule alone.
/// </summary>
internal static class Phases
{
    public static int Run(string[] args)
    {
        string? folder = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        bool perRule = args.Contains("--per-rule");
        int warmRuns = 5;

        var total = Stopwatch.StartNew();
        var sw = Stopwatch.StartNew();
        var engine = Inputs.CreateEngine();
        double engineMs = Ms(sw);

        sw.Restart();
        List<(string Id, string Text)> texts = folder is null ? Inputs.WorkspaceTexts(1000) : ReadFolder(folder);
        double readMs = Ms(sw);
        string source = folder is null ? "1,000 generated drafts (in memory)" : $"{texts.Count} drafts read from {folder}";

        Console.WriteLine($"phases: {source}; rules: {engine.Rules.All.Length}");
        Console.WriteLine();
        Console.WriteLine("cold (first pass in this process, JIT included):");
        Row("Engine.Create (default pack)", engineMs);
        Row(folder is null ? "generate texts" : "enumerate + read + decode", readMs);
        var (snapshot, cold) = Pass(engine, texts);
        foreach (var (name, ms) in cold) Row(name, ms);
        Row("total", Ms(total));

        Console.WriteLine();
        Console.WriteLine($"warm (min / mean of {warmRuns} passes):");
        var warm = new List<List<(string Name, double Ms)>>();
        for (int i = 0; i < warmRuns; i++) warm.Add(Pass(engine, texts).Phases);
        for (int p = 0; p < cold.Count; p++)
        {
            var values = warm.Select(w => w[p].Ms).ToList();
            Row(cold[p].Name, values.Min(), values.Average());
        }

        if (perRule) PerRule(engine, snapshot);
        return 0;
    }

    private static (WorkspaceSnapshot Snapshot, List<(string Name, double Ms)> Phases) Pass(Engine engine, List<(string Id, string Text)> texts)
    {
        var phases = new List<(string, double)>();
        var sw = Stopwatch.StartNew();
        var drafts = new List<Draft>(texts.Count);
        foreach (var (id, text) in texts) drafts.Add(DraftParser.Parse(id, text));
        phases.Add(("parse", Ms(sw)));

        sw.Restart();
        var snapshot = WorkspaceSnapshot.Create(drafts, Inputs.Config, Inputs.Root);
        phases.Add(("snapshot", Ms(sw)));

        sw.Restart();
        int sentences = 0;
        foreach (var d in drafts) sentences += OutreachLsp.Core.Matching.ProseAnalysis.Create(d).Sentences.Length;
        phases.Add(("(sentence split + tokenize, shared by rules)", Ms(sw)));

        sw.Restart();
        var ws = engine.AnalyzeWorkspaceRules(snapshot);
        phases.Add(("workspace rules only", Ms(sw)));

        sw.Restart();
        var result = engine.Analyze(snapshot);
        phases.Add(("Analyze (document + workspace rules)", Ms(sw)));
        GC.KeepAlive(ws);
        GC.KeepAlive(result);
        return (snapshot, phases);
    }

    /// <summary>
    /// Each rule alone (every other rule off) minus the run with every rule off. A phrase rule's
    /// figure includes building the shared sentence analysis, since it is the only rule using it.
    /// </summary>
    private static void PerRule(Engine engine, WorkspaceSnapshot snapshot)
    {
        var ids = engine.Rules.All.Select(r => r.Id).ToList();
        Engine Only(string? keep)
        {
            var overrides = System.Collections.Immutable.ImmutableDictionary.CreateBuilder<string, OutreachLsp.Core.Analysis.Severity?>(StringComparer.Ordinal);
            foreach (var id in ids) if (id != keep) overrides[id] = null;
            return Engine.Create(Inputs.Config with { RuleOverrides = overrides.ToImmutable() }, PhysicalFileSystem.Instance);
        }
        double Time(Engine e)
        {
            e.Analyze(snapshot);
            double best = double.MaxValue;
            for (int i = 0; i < 3; i++)
            {
                var sw = Stopwatch.StartNew();
                e.Analyze(snapshot);
                best = Math.Min(best, Ms(sw));
            }
            return best;
        }

        double none = Time(Only(null));
        var rows = ids.Select(id => (Id: id, Ms: Time(Only(id)) - none)).OrderByDescending(r => r.Ms).ToList();
        Console.WriteLine();
        Console.WriteLine($"per rule over {snapshot.Drafts.Count} drafts (best of 3, minus {none.ToString("F1", CultureInfo.InvariantCulture)} ms with every rule off):");
        foreach (var (id, ms) in rows) Row(id, ms);
    }

    private static List<(string, string)> ReadFolder(string folder)
    {
        var result = new List<(string, string)>();
        var files = PhysicalFileSystem.Instance.EnumerateFiles(Path.GetFullPath(folder), "*.md", recursive: true)
            .OrderBy(p => p, StringComparer.Ordinal);
        foreach (var path in files)
        {
            var bytes = File.ReadAllBytes(path);
            result.Add((path, Encoding.UTF8.GetString(bytes)));
        }
        return result;
    }

    private static double Ms(Stopwatch sw) => sw.Elapsed.TotalMilliseconds;

    private static void Row(string name, double ms) =>
        Console.WriteLine($"  {name,-48} {ms.ToString("F1", CultureInfo.InvariantCulture),9} ms");

    private static void Row(string name, double min, double mean) =>
        Console.WriteLine($"  {name,-48} {min.ToString("F1", CultureInfo.InvariantCulture),9} ms  {mean.ToString("F1", CultureInfo.InvariantCulture),9} ms");
}
