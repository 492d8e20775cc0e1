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

    [Fact]
    public void ANewVersionReusingTheUnchangedParagraphs_AnalysesExactlyLikeAFreshParse()
    {
        var (engine, snapshot) = LoadExamples();
        var v1 = snapshot.Drafts.Values.First(d => d.Prose.Length >= 3);
        Assert.NotEmpty(v1.Analysis.Sentences); // v1 has been analysed
        // Edit the middle of the draft: a new sentence at the start of the second prose block, and a
        // line of emoji before it that shifts every later offset.
        int at = v1.Prose[1].SourceSpan.Start;
        string text = v1.Text[..at] + "Where do I rank on your list? " + v1.Text[at..];
        text = text.Insert(v1.Prose[0].SourceSpan.End, " 🎓🎓");
        var reused = DraftParser.Parse(v1.DocumentId, text);
        reused.ReuseAnalysisOf(v1);
        var fresh = DraftParser.Parse(v1.DocumentId, text);

        var withReuse = Render(engine.AnalyzeDocument(snapshot.WithDraft(reused), v1.DocumentId));
        var withoutReuse = Render(engine.AnalyzeDocument(snapshot.WithDraft(fresh), v1.DocumentId));
        Assert.Contains(withReuse, line => line.Contains("rank-inquiry", StringComparison.Ordinal));
        Assert.Equal(withoutReuse, withReuse);

        var a = reused.Analysis.Sentences;
        var b = fresh.Analysis.Sentences;
        Assert.Equal(b.Select(x => (x.SourceSpan, x.BlockIndex, x.Text, x.IsQuestion)), a.Select(x => (x.SourceSpan, x.BlockIndex, x.Text, x.IsQuestion)));
        // The paragraphs after the edited one were not tokenized again.
        var last = v1.Analysis.Sentences[^1];
        Assert.Same(last.Words, a[^1].Words);
        Assert.NotSame(last.Words, b[^1].Words);
    }

    [Fact]
    public void ALongDraftsRulesRunSideBySide_AndFindEverythingInOrder()
    {
        // Past 100,000 characters one draft's document rules run in parallel. Every repeated
        // paragraph must still give its findings, in document order, as the short draft does.
        var engine = Engine.CreateDefault();
        const string head = "---\nprogram: Pinecrest Internal Medicine Residency\nnrmp: true\ntype: update\n---\n\nDear Dr. Okafor,\n\n";
        const string paragraph = "Could you tell me where I stand on your rank list? Kindly intimate me at the earliest.\n\n";
        int copies = 100_000 / paragraph.Length + 1;
        var shortDraft = DraftParser.Parse("/ws/short.md", head + paragraph);
        var longDraft = DraftParser.Parse("/ws/long.md", head + string.Concat(Enumerable.Repeat(paragraph, copies)));
        Assert.True(longDraft.Text.Length >= 100_000);

        var once = engine.AnalyzeDocument(WorkspaceSnapshot.Create([shortDraft]), shortDraft.DocumentId);
        var many = engine.AnalyzeDocument(WorkspaceSnapshot.Create([longDraft]), longDraft.DocumentId);
        foreach (var ruleId in new[] { "rank-inquiry", "stock-phrasing" })
        {
            var first = Assert.Single(once, f => f.RuleId == ruleId);
            var all = many.Where(f => f.RuleId == ruleId).ToList();
            Assert.Equal(copies, all.Count);
            for (int i = 0; i < copies; i++)
                Assert.Equal(first.Span.Start + i * paragraph.Length, all[i].Span.Start);
        }
        Assert.Equal(many.OrderBy(f => f.Span.Start).ThenBy(f => f.Span.End).ThenBy(f => f.RuleId, StringComparer.Ordinal).Select(f => (f.RuleId, f.Span)), many.Select(f => (f.RuleId, f.Span)));
    }
}
