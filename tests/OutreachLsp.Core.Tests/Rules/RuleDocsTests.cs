using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Rules;

namespace OutreachLsp.Core.Tests.Rules;

public sealed class RuleDocsTests
{
    /// <summary>docs/rules.md is generated from the pack; set OUTREACH_UPDATE_DOCS=1 to rewrite it.</summary>
    [Fact]
    public void RulesDoc_IsInSyncWithThePack()
    {
        var expected = RuleDocs.Render(Engine.CreateDefault().Rules.All);
        var path = Path.Combine(TestPaths.RepoRoot, "docs", "rules.md");
        if (Environment.GetEnvironmentVariable("OUTREACH_UPDATE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path), "docs/rules.md is missing: run the tests with OUTREACH_UPDATE_DOCS=1");
        Assert.True(expected == File.ReadAllText(path), "docs/rules.md is out of date: run the tests with OUTREACH_UPDATE_DOCS=1");
    }

    [Fact]
    public void EveryRuleHelpLink_PointsAtItsAnchorInTheDoc()
    {
        foreach (var rule in Engine.CreateDefault().Rules.All)
            Assert.EndsWith("docs/rules.md#" + rule.Id, rule.Info.HelpUri);
    }
}
