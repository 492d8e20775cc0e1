using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Matching;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Tests.Matching;

public sealed class SentenceTests
{
    private static IReadOnlyList<Sentence> Split(string text) =>
        ProseAnalysis.Create([ProseBlock.Verbatim(text, new TextSpan(0, text.Length))]).Sentences;

    [Fact]
    public void Abbreviations_DoNotEndSentences()
    {
        var s = Split("Dear Dr. Ortiz, I met Mr. J. Smith at St. Mary's. Thank you!");
        Assert.Equal(2, s.Count);
        Assert.Equal("Dear Dr. Ortiz, I met Mr. J. Smith at St. Mary's.", s[0].Text);
    }

    [Fact]
    public void QuestionMark_MarksAQuestion_AndRunsOfPunctuationStayTogether()
    {
        var s = Split("Where do I stand?! I hope well...");
        Assert.True(s[0].IsQuestion);
        Assert.Equal("Where do I stand?!", s[0].Text);
        Assert.False(s[1].IsQuestion);
    }

    [Fact]
    public void Decimals_AndNumberedAbbreviations_StayInside()
    {
        Assert.Single(Split("My GPA was 3.9 and I was no. 1 in class."));
    }

    [Fact]
    public void SentenceSpan_MapsBackToTheDocumentThroughEmoji()
    {
        const string text = "😀 Hello there. Where am I on your list?";
        var s = Split(text);
        var span = s[1].SourceSpan;
        Assert.Equal("Where am I on your list?", text.Substring(span.Start, span.Length));
    }
}
