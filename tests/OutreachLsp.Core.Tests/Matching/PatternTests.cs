using System.Diagnostics;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Matching;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Tests.Matching;

public sealed class PatternTests
{
    private static readonly Dictionary<string, string> Lexicon = new()
    {
        ["first"] = "(first|#1|number one|top)",
        ["loop_a"] = "@loop_b",
        ["loop_b"] = "@loop_a",
    };

    private static Pattern Compile(string source)
    {
        var p = new PatternCompiler(Lexicon).Compile(source, out var error);
        Assert.True(p is not null, error?.Message);
        return p!;
    }

    private static Sentence One(string text) =>
        ProseAnalysis.Create([ProseBlock.Verbatim(text, new TextSpan(0, text.Length))]).Sentences.Single();

    private static string? Matched(string pattern, string text)
    {
        var s = One(text);
        var m = Compile(pattern).Match(s);
        return m is { } hit ? text[s.Words[hit.Start].Start..s.Words[hit.End - 1].End] : null;
    }

    [Theory]
    [InlineData("where am i on your rank list", "So, where am I on your rank list?", "where am I on your rank list")]
    [InlineData("i will rank you @first", "I will rank you #1.", "I will rank you #1")]
    [InlineData("i will rank you @first", "I will rank you number one.", "I will rank you number one")]
    [InlineData("rank ... first", "I ranked your wonderful program first.", "ranked your wonderful program first")]
    [InlineData("guarantee* me", "Can you guarantee me a spot?", "guarantee me")]
    [InlineData("(pre match|prematch) offer", "Is a pre-match offer possible?", "pre-match offer")]
    [InlineData("i will not", "I won’t do that.", "I won’t")]
    [InlineData("my (rank)? list", "my list is done", "my list")]
    public void Pattern_MatchesParaphraseForms(string pattern, string text, string expected) =>
        Assert.Equal(expected, Matched(pattern, text));

    [Theory]
    [InlineData("=ranked first", "I will rank you first.")]
    [InlineData("rank ..2 first", "I will rank your very fine program first.")]
    [InlineData("where am i", "Where is the clinic?")]
    public void Pattern_DoesNotMatchOutsideItsLanguage(string pattern, string text) =>
        Assert.Null(Matched(pattern, text));

    [Fact]
    public void Match_IsLeftmostThenLongest()
    {
        Assert.Equal("top of my rank list", Matched("top of my (rank)? (list|rank list)", "You are at the top of my rank list."));
    }

    [Theory]
    [InlineData("(a|b", "missing ')'")]
    [InlineData("..99 word", "gap must be 1 to 12")]
    [InlineData("@nope", "unknown lexicon entry")]
    [InlineData("@loop_a", "nest more than")]
    [InlineData(". word", "use '...'")]
    public void BadPatterns_ReportAnErrorInsteadOfThrowing(string source, string fragment)
    {
        var p = new PatternCompiler(Lexicon).Compile(source, out var error);
        Assert.Null(p);
        Assert.Contains(fragment, error!.Message);
    }

    [Fact]
    public void HostilePattern_MatchesInLinearTime()
    {
        // Nested optional gaps are the classic catastrophic-backtracking shape; the Pike VM keeps one
        // thread per state, so the work is bounded by text length times program size.
        var pattern = Compile(string.Join(" ", Enumerable.Repeat("(x? ..12)", 20)) + " never");
        var words = string.Join(" ", Enumerable.Repeat("x", 5000));
        var sentence = One(words + ".");
        var watch = Stopwatch.StartNew();
        Assert.Null(pattern.Match(sentence.Words));
        watch.Stop();
        // A generous bound: a backtracking matcher would not finish at all.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void OversizedPattern_IsRefused()
    {
        var source = string.Join(" ", Enumerable.Repeat("..12", 400));
        var p = new PatternCompiler().Compile(source, out var error);
        Assert.Null(p);
        Assert.Contains("too large", error!.Message);
    }

    [Fact]
    public void RequiredWords_LetSentencesWithoutThemSkipThePattern()
    {
        var p = Compile("where ... (rank|ranking) list");
        // Every required group is present (rank through its inflection): the pattern must run.
        Assert.True(p.CanMatch(One("Where do I stand on the ranked list?")));
        // One group missing ("list"): the pattern cannot match, so the pre-filter skips it.
        Assert.False(p.CanMatch(One("Where do I stand in your ranking?")));
        Assert.Null(p.Match(One("Where do I stand in your ranking?")));
        Assert.False(p.CanMatch(One("Hello world")));
    }

    /// <summary>Patterns with required groups of several shapes (alternations, gaps, prefixes, lexicon entries).</summary>
    public static TheoryData<string> PreFilterPatterns =>
    [
        "(ask|inquire) ... where ... rank",
        "@first (choice|option|program)?",
        "guarantee* ..6 (position|spot)",
        "=news|update ...",
        "(you are|you're) my @first",
        "i ('s|am)? rank* you",
    ];

    [Theory]
    [MemberData(nameof(PreFilterPatterns))]
    public void PreFilter_NeverSkipsASentenceThePatternMatches(string source)
    {
        // The pre-filter must be a necessary condition: whenever the matcher itself finds a match,
        // the required-words test must have let the sentence through.
        string[] sentences =
        [
            "I wanted to ask where I rank on your list.",
            "May I inquire where exactly your program will rank me?",
            "You are my #1 choice.",
            "You're my number one!",
            "Is a position guaranteed for me, or a spot at least?",
            "Any news or update would be welcome.",
            "I ranked you first, and I'm ranking you highly.",
            "I'll rank you first.",
            "Nothing relevant here at all.",
        ];
        var p = Compile(source);
        int matched = 0;
        foreach (var text in sentences)
        {
            var sentence = One(text);
            if (p.Match(sentence.Words) is null) continue;
            matched++;
            Assert.True(p.CanMatch(sentence), $"pre-filter skipped '{text}', which '{source}' matches");
            Assert.Equal(p.Match(sentence.Words), p.Match(sentence));
        }
        Assert.True(matched > 0, $"'{source}' matched none of the sentences; the test checks nothing");
    }

    [Theory]
    [MemberData(nameof(PreFilterPatterns))]
    public void Candidates_AreTheSentencesThePreFilterLetsThrough(string source)
    {
        // The draft's index gives the same answer as the per-sentence test, for every sentence.
        const string text = "I wanted to ask where I rank on your list. May I inquire where exactly your program will rank me? " +
            "You are my #1 choice. You're my number one! Is a position guaranteed for me, or a spot at least? " +
            "Any news or update would be welcome. I ranked you first, and I'm ranking you highly. I'll rank you first. Nothing relevant here at all.";
        var prose = ProseAnalysis.Create([ProseBlock.Verbatim(text, new TextSpan(0, text.Length))]);
        Assert.Equal(9, prose.Sentences.Length);
        var p = Compile(source);
        var candidates = p.Candidates(prose);
        int matched = 0;
        for (int i = 0; i < prose.Sentences.Length; i++)
        {
            var sentence = prose.Sentences[i];
            Assert.Equal(p.CanMatch(sentence), candidates.Contains(i));
            if (p.Match(sentence) is not null)
            {
                matched++;
                Assert.True(candidates.Contains(i), $"sentence {i} matches '{source}' but is no candidate");
            }
        }
        Assert.True(matched > 0);
    }

    [Fact]
    public void Sentence_AnalysedBeforeAPackAddsWords_StillMatchesThem()
    {
        // Word ids are looked up when tokens are made; a pattern compiled later (a workspace pack
        // loaded after the draft was analysed) brings words the tokens had no id for.
        const string text = "Please quorvexate my ranking before the flimbrosity deadline.";
        var prose = ProseAnalysis.Create([ProseBlock.Verbatim(text, new TextSpan(0, text.Length))]);
        var sentence = prose.Sentences.Single();
        var indexBefore = prose.Index;
        var p = Compile("quorvexate my rank ... flimbrosity");
        Assert.True(p.CanMatch(prose));
        Assert.True(p.CanMatch(sentence));
        Assert.Equal((1, 7), p.Match(sentence));
        // The index made before the pattern lacked its words; it is built again for the newer vocabulary.
        Assert.True(p.Candidates(prose).Contains(0));
        Assert.NotSame(indexBefore, prose.Index);
    }
}
