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
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.P95);
        WithOptions(ConfigOptions.DisableLogFile);
    }
}
