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

        var clock = new Clock();
        var config = folder is null ? Inputs.Config : ConfigLoader.LoadFromDirectory(PhysicalFileSystem.Instance, Path.GetFullPath(folder));
        var configTime = clock.Lap();
        var engine = Engine.Create(config, PhysicalFileSystem.Instance);
        var engineTime = clock.Lap();

        // The load phase: the CLI's WorkspaceLoader on a folder (find, read, decode, parse, in
        // parallel), or parsing the generated texts one by one.
        List<(string Id, string Text)>? texts = folder is null ? Inputs.WorkspaceTexts(count) : null;
        clock.Restart();
        string loadName = folder is null ? "parse (DraftParser.Parse each text)" : "WorkspaceLoader.Load (find, read, parse)";
        WorkspaceSnapshot Load() => texts is not null
            ? WorkspaceSnapshot.Create(texts.Select(t => DraftParser.Parse(t.Id, t.Text)).ToList(), config, Inputs.Root)
            : WorkspaceLoader.Load(PhysicalFileSystem.Instance, folder!, config, CancellationToken.None).Snapshot;

        Console.WriteLine($"phases: {(folder is null ? $"{count} generated drafts (in memory)" : $"folder {folder}")}; rules: {engine.Rules.All.Length}; load average {LoadAverage()}");
        Console.WriteLine($"  {"",-48} {"wall",12} {"cpu",12}");
        Console.WriteLine("cold (first pass in this process, JIT included):");
        Row(folder is null ? "config (generated)" : "ConfigLoader.LoadFromDirectory", configTime);
        Row("Engine.Create (default pack)", engineTime);
        var (snapshot, cold) = Pass(engine, loadName, Load);
        foreach (var (name, t) in cold) Row(name, t);
        Row("total", (configTime.Wall + engineTime.Wall + cold.Sum(c => c.Time.Wall) - cold[1].Time.Wall - cold[2].Time.Wall,
                      configTime.Cpu + engineTime.Cpu + cold.Sum(c => c.Time.Cpu) - cold[1].Time.Cpu - cold[2].Time.Cpu));
        Console.WriteLine("  (total: config + engine + load + Analyze; the two middle rows are parts of Analyze shown apart)");
        Console.WriteLine($"  ({snapshot.Drafts.Count} drafts)");

        Console.WriteLine();
        Console.WriteLine($"warm (min of {warmRuns} passes):");
        var warm = new List<List<(string Name, (double Wall, double Cpu) Time)>>();
        for (int i = 0; i < warmRuns; i++) warm.Add(Pass(engine, loadName, Load).Phases);
        for (int p = 0; p < cold.Count; p++)
            Row(cold[p].Name, (warm.Min(w => w[p].Time.Wall), warm.Min(w => w[p].Time.Cpu)));

        if (perRule) PerRule(engine, snapshot);
        return 0;
    }

    private static (WorkspaceSnapshot Snapshot, List<(string Name, (double Wall, double Cpu) Time)> Phases) Pass(Engine engine, string loadName, Func<WorkspaceSnapshot> load)
    {
        var phases = new List<(string, (double, double))>();
        var clock = new Clock();
        var snapshot = load();
        phases.Add((loadName, clock.Lap()));

        int sentences = 0;
        foreach (var d in snapshot.Drafts.Values) sentences += ProseAnalysis.Create(d).Sentences.Length;
        phases.Add(("(sentence split + tokenize: shared by rules)", clock.Lap()));

        var ws = engine.AnalyzeWorkspaceRules(snapshot);
        phases.Add(("workspace rules only", clock.Lap()));

        var result = engine.Analyze(snapshot);
        phases.Add(("Analyze (all rules, prose analysis included)", clock.Lap()));
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
        // CPU time: steadier than wall time when other processes share the cores.
        double Time(Engine e)
        {
            e.Analyze(snapshot);
            double best = double.MaxValue;
            var clock = new Clock();
            for (int i = 0; i < 3; i++)
            {
                clock.Restart();
                e.Analyze(snapshot);
                best = Math.Min(best, clock.Lap().Cpu);
            }
            return best;
        }

        double none = Time(Only(null));
        var rows = ids.Select(id => (Id: id, Ms: Time(Only(id)) - none)).OrderByDescending(r => r.Ms).ToList();
        Console.WriteLine();
        Console.WriteLine($"per rule over {snapshot.Drafts.Count} drafts (CPU ms, best of 3, minus {none.ToString("F1", CultureInfo.InvariantCulture)} ms with every rule off):");
        foreach (var (id, ms) in rows) Row(id, (double.NaN, ms));
    }

    /// <summary>
    /// Wall time and the process's CPU time. On a busy two-core machine the wall time of a phase
    /// includes waiting for a core; the CPU time does not (it includes the runtime's background
    /// threads: tiered JIT, GC), so it is the steadier figure when the load average is high.
    /// </summary>
    private sealed class Clock
    {
        private readonly Process _process = Process.GetCurrentProcess();
        private long _wall;
        private TimeSpan _cpu;

        public Clock() => Restart();

        public void Restart()
        {
            _process.Refresh();
            _cpu = _process.TotalProcessorTime;
            _wall = Stopwatch.GetTimestamp();
        }

        public (double Wall, double Cpu) Lap()
        {
            double wall = Stopwatch.GetElapsedTime(_wall).TotalMilliseconds;
            _process.Refresh();
            double cpu = (_process.TotalProcessorTime - _cpu).TotalMilliseconds;
            Restart();
            return (wall, cpu);
        }
    }

    private static void Row(string name, (double Wall, double Cpu) t) =>
        Console.WriteLine($"  {name,-48} {F(t.Wall),12} {F(t.Cpu),12}");

    private static string F(double ms) => double.IsNaN(ms) ? "" : ms.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }
}
