using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.IO;
using Gen = OutreachLsp.DraftGenerator.DraftGenerator;

namespace OutreachLsp.Benchmarks;

/// <summary>
/// The benchmark inputs, generated in memory (same seed as the CLI script's folder) and the workspace
/// config of the generated .outreach.yaml, built in code so the benchmarks do not measure YAML loading.
/// </summary>
internal static class Inputs
{
    public const string Root = "/bench/workspace";

    public static readonly Gen Generator = new();

    public static WorkspaceConfig Config { get; } = WorkspaceConfig.Default with
    {
        Path = Root + "/.outreach.yaml",
        DefaultMatchYear = 2026,
        Profile = new ApplicantProfile
        {
            Name = Gen.ApplicantName,
            Degree = "MD",
            AamcId = Gen.AamcId,
            Email = "nadia.mensah@example.com",
            School = Gen.School,
            Specialty = "Internal Medicine",
            Visa = "j-1 or h-1b",
            Step3 = "not-taken",
            EcfmgCertified = true,
        },
    };

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
