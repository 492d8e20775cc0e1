using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.IO;
using Gen = OutreachLsp.DraftGenerator.DraftGenerator;

namespace OutreachLsp.Benchmarks;

/// <summary>
/// The benchmark inputs, generated in memory with the same seed as the CLI script's folder, and the
/// generated workspace config (loaded once in setup, so no benchmark measures YAML loading).
/// </summary>
internal static class Inputs
{
    public const string Root = "/bench/workspace";

    public static readonly Gen Generator = new();

    /// <summary>The generated .outreach.yaml, loaded once the way the CLI loads it.</summary>
    public static WorkspaceConfig Config { get; } = LoadConfig();

    private static WorkspaceConfig LoadConfig()
    {
        var config = ConfigLoader.Load(Root + "/.outreach.yaml", Gen.ConfigYaml);
        if (!config.Problems.IsDefaultOrEmpty)
            throw new InvalidOperationException("The generated config has problems: " + string.Join("; ", config.Problems.Select(p => p.Message)));
        return config;
    }

    public static Engine CreateEngine() => Engine.Create(Config, PhysicalFileSystem.Instance);

    public static string Id(string fileName) => Root + "/" + fileName;

    public static List<(string Id, string Text)> WorkspaceTexts(int count) =>
        Generator.Workspace(count).Select(d => (Id(d.FileName), d.Text)).ToList();

    public static WorkspaceSnapshot Parse(IEnumerable<(string Id, string Text)> texts) =>
        WorkspaceSnapshot.Create(texts.Select(t => DraftParser.Parse(t.Id, t.Text)), Config, Root);

    /// <summary>Fails the setup loudly if the engine finds nothing: a benchmark of a no-op is worthless.</summary>
    public static void RequireFindings(ImmutableArray<Finding> findings, string what)
    {
        if (findings.IsDefaultOrEmpty) throw new InvalidOperationException($"No findings on {what}: the benchmark would measure an engine that does nothing.");
    }
}
