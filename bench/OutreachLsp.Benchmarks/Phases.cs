using System.Diagnostics;
using System.Globalization;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.IO;
using OutreachLsp.Core.Matching;
using OutreachLsp.Core.Workspace;

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
        string? folder = null;
        bool perRule = false;
        int count = 1000;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--per-rule") perRule = true;
            else if (args[i] == "--count" && i + 1 < args.Length) count = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else folder = args[i];
        }
        int warmRuns = 5;

        var total = Stopwatch.StartNew();
        var sw = Stopwatch.StartNew();
        var config = folder is null ? Inputs.Config : ConfigLoader.LoadFromDirectory(PhysicalFileSystem.Instance, Path.GetFullPath(folder));
        double configMs = Ms(sw);

        sw.Restart();
        var engine = Engine.Create(config, PhysicalFileSystem.Instance);
        double engineMs = Ms(sw);

        // The load phase: the CLI's WorkspaceLoader on a folder (find, read, decode, parse), or
        // parsing the generated texts.
        List<(string Id, string Text)>? texts = folder is null ? Inputs.WorkspaceTexts(count) : null;
        string loadName = folder is null ? "parse (DraftParser.Parse each text)" : "WorkspaceLoader.Load (find, read, parse)";
        WorkspaceSnapshot Load() => texts is not null
            ? WorkspaceSnapshot.Create(texts.Select(t => DraftParser.Parse(t.Id, t.Text)).ToList(), config, Inputs.Root)
            : WorkspaceLoader.Load(PhysicalFileSystem.Instance, folder!, config, CancellationToken.None).Snapshot;

        Console.WriteLine($"phases: {(folder is null ? $"{count} generated drafts (in memory)" : $"folder {folder}")}; rules: {engine.Rules.All.Length}");
        Console.WriteLine();
        Console.WriteLine("cold (first pass in this process, JIT included):");
        Row(folder is null ? "config (generated, loaded in setup)" : "ConfigLoader.LoadFromDirectory", configMs);
        Row("Engine.Create (default pack)", engineMs);
        var (snapshot, cold) = Pass(engine, loadName, Load);
        foreach (var (name, ms) in cold) Row(name, ms);
        Row("total", Ms(total));
        Console.WriteLine($"  ({snapshot.Drafts.Count} drafts)");

        Console.WriteLine();
        Console.WriteLine($"warm (min / mean of {warmRuns} passes):");
        var warm = new List<List<(string Name, double Ms)>>();
        for (int i = 0; i < warmRuns; i++) warm.Add(Pass(engine, loadName, Load).Phases);
        for (int p = 0; p < cold.Count; p++)
        {
            var values = warm.Select(w => w[p].Ms).ToList();
            Row(cold[p].Name, values.Min(), values.Average());
        }

        if (perRule) PerRule(engine, snapshot);
        return 0;
    }

    private static (WorkspaceSnapshot Snapshot, List<(string Name, double Ms)> Phases) Pass(Engine engine, string loadName, Func<WorkspaceSnapshot> load)
    {
        var phases = new List<(string, double)>();
        var sw = Stopwatch.StartNew();
        var snapshot = load();
        phases.Add((loadName, Ms(sw)));

        sw.Restart();
        int sentences = 0;
        foreach (var d in snapshot.Drafts.Values) sentences += ProseAnalysis.Create(d).Sentences.Length;
        phases.Add(("(sentence split + tokenize: shared by rules)", Ms(sw)));

        sw.Restart();
        var ws = engine.AnalyzeWorkspaceRules(snapshot);
        phases.Add(("workspace rules only", Ms(sw)));

        sw.Restart();
        var result = engine.Analyze(snapshot);
        phases.Add(("Analyze (all rules, prose analysis included)", Ms(sw)));
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
            var overrides = System.Collections.Immutable.ImmutableDictionary.CreateBuilder<string, Severity?>(StringComparer.Ordinal);
            foreach (var id in ids) if (id != keep) overrides[id] = null;
            return Engine.Create(engine.Config with { RuleOverrides = overrides.ToImmutable() }, PhysicalFileSystem.Instance);
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

    private static double Ms(Stopwatch sw) => sw.Elapsed.TotalMilliseconds;

    private static void Row(string name, double ms) =>
        Console.WriteLine($"  {name,-48} {ms.ToString("F1", CultureInfo.InvariantCulture),9} ms");

    private static void Row(string name, double min, double mean) =>
        Console.WriteLine($"  {name,-48} {min.ToString("F1", CultureInfo.InvariantCulture),9} ms  {mean.ToString("F1", CultureInfo.InvariantCulture),9} ms");
}
