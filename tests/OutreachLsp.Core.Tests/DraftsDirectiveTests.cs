using OutreachLsp.Core.Drafts;

namespace OutreachLsp.Core.Tests;

public class DraftsDirectiveTests
{
    [Fact]
    public void DisableWithIds_IsReadWithSpanAndLine()
    {
        string text = "Dear Dr. Ruiz,\n\n<!-- outreach-disable stock-phrasing desperate-tone -->\nI humbly request.\n";
        var draft = DraftKit.Parse(text);
        var d = Assert.Single(draft.Directives);
        Assert.Equal(ControlKind.Disable, d.Kind);
        Assert.Equal<string>(["stock-phrasing", "desperate-tone"], d.RuleIds);
        Assert.Equal(2, d.Line);
        Assert.Equal("<!-- outreach-disable stock-phrasing desperate-tone -->", draft.Source.Slice(d.Span));
        Assert.DoesNotContain("outreach", DraftKit.AllProse(draft), StringComparison.Ordinal);
    }

    [Fact]
    public void EnableWithoutIds_MeansAllRules()
    {
        var draft = DraftKit.Parse("<!-- outreach-disable -->\nText.\n\n<!-- outreach-enable -->\n");
        Assert.Equal([ControlKind.Disable, ControlKind.Enable], draft.Directives.Select(d => d.Kind));
        Assert.All(draft.Directives, d => Assert.Empty(d.RuleIds));
        Assert.Equal([0, 3], draft.Directives.Select(d => d.Line));
    }

    [Fact]
    public void DisableNextLine_IsRead_IdsLowerCasedAndCommaSeparatedAccepted()
    {
        var draft = DraftKit.Parse("<!--outreach-disable-next-line Rank-Inquiry,match-guarantee-request-->\nWhere do I rank?\n");
        var d = Assert.Single(draft.Directives);
        Assert.Equal(ControlKind.DisableNextLine, d.Kind);
        Assert.Equal<string>(["rank-inquiry", "match-guarantee-request"], d.RuleIds);
        Assert.Equal(0, d.Line);
        Assert.Equal(["Where do I rank?"], DraftKit.Texts(draft));
    }

    [Fact]
    public void InlineDirectiveInsideAParagraph_IsRead_AndNotProse()
    {
        string text = "First line.\nSecond <!-- outreach-disable-next-line stock-phrasing --> line.\nThird line.";
        var draft = DraftKit.Parse(text);
        var d = Assert.Single(draft.Directives);
        Assert.Equal(1, d.Line);
        Assert.Equal(text.IndexOf("<!--", StringComparison.Ordinal), d.Span.Start);
        Assert.Equal(["First line. Second  line. Third line."], DraftKit.Texts(draft));
    }

    [Fact]
    public void DirectivesInCrLfDocuments_HaveTheRightLine()
    {
        var draft = DraftKit.Parse("---\r\ntype: update\r\n---\r\nHello.\r\n\r\n<!-- outreach-disable x -->\r\n");
        Assert.Equal(5, Assert.Single(draft.Directives).Line);
    }

    [Fact]
    public void SeveralCommentsInOneHtmlBlock_AreEachRead()
    {
        var draft = DraftKit.Parse("<!-- outreach-disable a --> <!-- note --> <!-- outreach-enable a -->\n");
        Assert.Equal([ControlKind.Disable, ControlKind.Enable], draft.Directives.Select(d => d.Kind));
    }

    [Fact]
    public void DirectivesInCodeBlocks_AreExamples_NotDirectives()
    {
        var draft = DraftKit.Parse("```\n<!-- outreach-disable -->\n```\n\n    <!-- outreach-disable -->\n");
        Assert.Empty(draft.Directives);
    }

    [Fact]
    public void OrdinaryCommentsAndUnknownWords_AreNotDirectives()
    {
        var draft = DraftKit.Parse("<!-- TODO: outreach plan -->\n<!-- outreach-plan a -->\n<!-- outreach-disabled a -->\n");
        Assert.Empty(draft.Directives);
    }

    [Fact]
    public void UnterminatedComment_RunsToTheEnd_AndHidesTheRest()
    {
        var draft = DraftKit.Parse("Hello.\n\n<!-- outreach-disable\nwhere do I rank?\n");
        var d = Assert.Single(draft.Directives);
        Assert.Equal(ControlKind.Disable, d.Kind);
        Assert.Equal(["Hello."], DraftKit.Texts(draft));
    }
}
