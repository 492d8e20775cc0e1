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

    [Fact]
    public void ManyDistinctSymbolsAndLongWords_StayCorrectPastTheSharedCaches()
    {
        // The shared symbol forms stop growing at a bound (hostile text cannot grow them forever) and
        // words longer than the cached length are never kept: tokens past either limit are still right.
        var text = new System.Text.StringBuilder();
        for (char c = '\uE000'; c < '\uE000' + 6000; c++) if (!char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c) && !char.IsSurrogate(c)) text.Append(c);
        string longWord = new('q', 200);
        text.Append(' ').Append(longWord).Append(" Ranked");
        var tokens = Tokenizer.Tokenize(text.ToString());
        var symbols = tokens.Where(t => t.Kind is TokenKind.Symbol or TokenKind.Break).ToList();
        Assert.True(symbols.Count > 4096, $"only {symbols.Count} distinct symbols: the bound is not reached");
        Assert.All(symbols, t => Assert.Equal(text.ToString(t.Start, t.End - t.Start), t.Norm));
        var words = tokens.Where(t => t.Kind == TokenKind.Word).ToList();
        Assert.Equal([longWord, "ranked"], words.Select(t => t.Norm));
        Assert.Equal("rank", words[1].Stem);
    }
}
