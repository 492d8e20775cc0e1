using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.IO;
using OutreachLsp.Core.Workspace;

namespace OutreachLsp.Core.Tests;

/// <summary>
/// The language server keeps each draft's document-rule findings between edits and re-runs only the
/// workspace rules for the others. That must give exactly what a whole analysis gives.
/// </summary>
public sealed class EngineIncrementalTests
{
    private static (Engine Engine, WorkspaceSnapshot Snapshot) LoadExamples()
    {
        var config = ConfigLoader.LoadFromDirectory(PhysicalFileSystem.Instance, TestPaths.Examples);
        var engine = Engine.Create(config, PhysicalFileSystem.Instance);
        var (snapshot, _) = WorkspaceLoader.Load(PhysicalFileSystem.Instance, TestPaths.Examples, config, CancellationToken.None);
        return (engine, snapshot);
    }

    private static List<string> Render(IEnumerable<Finding> findings) =>
        findings.Select(f => $"{Path.GetFileName(f.DocumentId)} {f.RuleId} {f.Severity} {f.Span.Start}+{f.Span.Length} {f.Message} fixes={f.Fixes.Length} related={f.Related.Length}").ToList();

    private static List<string> Piecewise(Engine engine, WorkspaceSnapshot snapshot)
    {
        var workspace = engine.AnalyzeWorkspaceRules(snapshot).ToLookup(f => f.DocumentId, StringComparer.Ordinal);
        return Render(snapshot.Drafts.Values
            .SelectMany(d => engine.Finish(d, engine.AnalyzeDocumentRules(snapshot, d.DocumentId).Concat(workspace[d.DocumentId]))));
    }

    [Fact]
    public void DocumentRulesPlusWorkspaceRules_FinishedPerDraft_EqualTheWholeAnalysis()
    {
        var (engine, snapshot) = LoadExamples();
        var whole = Render(engine.Analyze(snapshot).All);
        Assert.Contains(whole, line => line.Contains("multiple-first-choice", StringComparison.Ordinal));
        Assert.Equal(whole, Piecewise(engine, snapshot));
    }

    [Fact]
    public void AfterAnEditThatAddsACrossDraftConflict_BothWaysStillAgree()
    {
        var (engine, snapshot) = LoadExamples();
        // A new draft claiming first choice with another program joins the workspace's #1 conflict.
        var added = DraftParser.Parse(Path.Combine(TestPaths.Examples, "zz-new-letter.md"),
            "---\nto: Dr. Okafor\nprogram: Harborview Family Medicine Residency\ntype: letter-of-intent\nnrmp: true\n---\n\nDear Dr. Okafor,\n\nYour program is my first choice and I will rank it first.\n\nSincerely,\nAmara\n");
        var edited = snapshot.WithDraft(added);
        var whole = Render(engine.Analyze(edited).All);
        Assert.Contains(whole, line => line.StartsWith("zz-new-letter.md multiple-first-choice", StringComparison.Ordinal));
        Assert.Equal(whole, Piecewise(engine, edited));
    }
}
