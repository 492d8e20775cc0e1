using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace OutreachLsp.Benchmarks;

/// <summary>
/// One short job for every benchmark, so the whole suite runs in a few minutes on two cores.
/// In-process: BenchmarkDotNet's default toolchain generates and builds a project per run, which
/// takes longer than the measurements here and trips over the repository's build settings.
/// Ten iterations after three warm-ups are enough for a stable mean at these magnitudes; the error
/// column says when they are not.
/// </summary>
public class BenchConfig : ManualConfig
{
    public BenchConfig() : this(warmups: 3, iterations: 10, id: "Short") { }

    protected BenchConfig(int warmups, int iterations, string id)
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(warmups)
            .WithIterationCount(iterations)
            .WithId(id));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.P95);
        WithOptions(ConfigOptions.DisableLogFile);
    }
}

/// <summary>
/// For operations that take seconds while the engine is slow (1 MB document, 1,000 drafts): fewer
/// iterations keep the suite within minutes. BenchmarkDotNet still runs several operations per
/// iteration once an operation is short.
/// </summary>
public sealed class HeavyBenchConfig : BenchConfig
{
    public HeavyBenchConfig() : base(warmups: 1, iterations: 5, id: "Heavy") { }
}
