using OutreachLsp.Core.Matching;

namespace OutreachLsp.Core.Tests.Matching;

public sealed class TokenizerTests
{
    private static string[] Norms(string text) =>
        Tokenizer.Tokenize(text).Where(t => t.Kind is TokenKind.Word or TokenKind.Number).Select(t => t.Norm).ToArray();

    [Fact]
    public void Contractions_ExpandToTheirWords_WithCurlyOrStraightApostrophes()
    {
        Assert.Equal(["i", "will", "not", "i", "am", "you", "are"], Norms("I won't, I’m, you're"));
        Assert.Equal(["can", "not", "do", "not", "it", "is"], Norms("can't don’t it's"));
        Assert.Equal(["can", "not"], Norms("cannot"));
    }

    [Fact]
    public void PossessiveS_StaysAMarker_NotAVerb()
    {
        Assert.Equal(["the", "program", "'s", "mission"], Norms("the program's mission"));
    }

    [Fact]
    public void HyphensAndSlashes_SplitWords_SoSpellingVariantsMeet()
    {
        Assert.Equal(["pre", "match"], Norms("pre-match"));
        Assert.Equal(["j", "1", "h", "1b"], Norms("J-1/H-1B"));
    }

    [Fact]
    public void HashNumber_IsOneToken()
    {
        Assert.Equal(["you", "are", "my", "#1"], Norms("you are my #1"));
    }

    [Fact]
    public void TokenOffsets_PointIntoTheOriginalText()
    {
        const string text = "Hi 😀 I’m here";
        foreach (var t in Tokenizer.Tokenize(text).Where(t => t.Kind == TokenKind.Word))
            Assert.True(t.Start >= 0 && t.End <= text.Length && t.End > t.Start);
        var im = Tokenizer.Tokenize(text).First(t => t.Norm == "i");
        Assert.Equal("I", text[im.Start..im.End]);
    }

    [Theory]
    [InlineData("ranked", "rank")]
    [InlineData("ranking", "rank")]
    [InlineData("rankings", "rank")]
    [InlineData("ranks", "rank")]
    [InlineData("placed", "plac")]
    [InlineData("place", "plac")]
    [InlineData("matches", "match")]
    [InlineData("is", "is")]
    [InlineData("class", "class")]
    public void Stemmer_BringsInflectionsTogether(string word, string stem) => Assert.Equal(stem, Stemmer.Stem(word));
}
