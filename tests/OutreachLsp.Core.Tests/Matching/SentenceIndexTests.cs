using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Matching;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Tests.Matching;

public sealed class SentenceIndexTests
{
    private static ProseAnalysis Analyse(string text) =>
        ProseAnalysis.Create([ProseBlock.Verbatim(text, new TextSpan(0, text.Length))]);

    [Fact]
    public void Index_ListsEachSentenceWithTheWordOnce_ByFormAndByStem()
    {
        // "rank" is a pattern word in the default pack's vocabulary, and so are its stem's forms.
        int rank = WordIds.Intern("rank");
        int ranked = WordIds.Intern("ranked");
        var prose = Analyse("I rank you and rank you again. Nothing here. You ranked me? Rank.");
        var index = prose.Index;
        Assert.Equal(4, index.SentenceCount);
        // Sentence 0 has "rank" twice but is listed once; sentence 2 reaches "rank" through its stem.
        Assert.Equal([0, 2, 3], index.SentencesWith(rank).ToArray());
        Assert.Equal([2], index.SentencesWith(ranked).ToArray());
        Assert.True(index.Contains(rank));
    }

    [Fact]
    public void Index_HasNothingForWordsNoPatternMentions()
    {
        var prose = Analyse("Zzyzxqua plorbtastic.");
        Assert.Equal(0, WordIds.Find("zzyzxqua"));
        Assert.True(prose.Index.SentencesWith(0).IsEmpty);
        Assert.False(prose.Index.Contains(0));
    }

    [Fact]
    public void Index_OfAnEmptyDraft_IsEmpty()
    {
        var prose = ProseAnalysis.Create([]);
        Assert.Equal(0, prose.Index.SentenceCount);
        Assert.True(prose.Index.SentencesWith(WordIds.Intern("rank")).IsEmpty);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void SentenceSet_All_HoldsExactlyTheSentences(int count)
    {
        var all = SentenceSet.All(count);
        var members = new List<int>();
        for (int i = all.NextFrom(0); i >= 0; i = all.NextFrom(i + 1)) members.Add(i);
        Assert.Equal(Enumerable.Range(0, count), members);
        Assert.False(all.Contains(count));
        Assert.False(all.Contains(-1));
    }

    [Fact]
    public void SentenceSet_UnionIntersectAndNext()
    {
        var a = new SentenceSet(130);
        var b = new SentenceSet(130);
        foreach (int i in new[] { 0, 64, 129 }) a.Add(i);
        foreach (int i in new[] { 64, 100 }) b.Add(i);
        Assert.Equal(64, a.NextFrom(1));
        Assert.Equal(129, a.NextFrom(65));
        Assert.Equal(-1, a.NextFrom(130));
        var union = new SentenceSet(130);
        union.UnionWith(a);
        union.UnionWith(b);
        Assert.Equal(100, union.NextFrom(65));
        a.IntersectWith(b);
        Assert.Equal(64, a.NextFrom(0));
        Assert.Equal(-1, a.NextFrom(65));
        a.Clear();
        Assert.True(a.IsEmpty);
        Assert.False(b.IsEmpty);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void SentenceSet_SpreadForward_AddsTheFollowingSentences_AcrossWordBoundaries(int count)
    {
        var set = new SentenceSet(130);
        foreach (int i in new[] { 0, 62, 63, 128 }) set.Add(i);
        var spread = set.SpreadForward(count);
        var expected = new SortedSet<int>();
        foreach (int i in new[] { 0, 62, 63, 128 })
            for (int k = 0; k <= count && i + k < 130; k++) expected.Add(i + k);
        var members = new List<int>();
        for (int i = spread.NextFrom(0); i >= 0; i = spread.NextFrom(i + 1)) members.Add(i);
        Assert.Equal(expected, members);
        Assert.True(set.Contains(62) && !set.Contains(64), "the original set is unchanged");
    }
}
