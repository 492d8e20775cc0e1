using BenchmarkDotNet.Running;
using OutreachLsp.Benchmarks;

// dotnet run -c Release --project bench/OutreachLsp.Benchmarks -- [BenchmarkDotNet arguments]
//   e.g. --filter '*'  or  --filter '*SingleDraft*'  (see bench/README.md)
// dotnet run -c Release --project bench/OutreachLsp.Benchmarks -- phases [FOLDER] [--count N] [--per-rule]
//   a Stopwatch breakdown of `outreach check` by phase, cold then warm (no FOLDER: 1,000 generated
//   drafts in memory, or --count N).
if (args.Length > 0 && args[0] == "phases") return Phases.Run(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args);
return 0;
