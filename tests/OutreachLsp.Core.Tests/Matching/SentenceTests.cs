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

    [Fact]
    public void ClauseIdsAndQuotes_ReadFromTheText_AreThoseOfTheTokenStream()
    {
        // Clause ids and quotation flags are computed lazily from the text between words; they must
        // equal what a pass over the full token stream (punctuation included) gives, on real drafts
        // and on punctuation-heavy edge cases.
        var texts = new List<string>
        {
            "I would - if I may - ask \"where do I rank\", but “my advisor” said no; (really) [sic]: yes.",
            "\"Unclosed quote, then: a “curly” one and a \"straight\" one, although — a dash.",
            "😀 Emoji, then a lone – en dash -and a hyphen-word. Next \"sentence\" here.",
            "“ Spaced quote ” so still, yet because while whereas however though.",
        };
        foreach (var folder in new[] { "tests/corpus", "tests/corpus-holdout", "examples" })
        {
            string dir = Path.Combine(TestPaths.RepoRoot, folder);
            foreach (var file in Directory.GetFiles(dir, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                foreach (var block in DraftParser.Parse(file, File.ReadAllText(file)).Prose) texts.Add(block.Text);
        }
        int checkedSentences = 0;
        foreach (var text in texts)
        {
            var block = ProseBlock.Verbatim(text, new TextSpan(0, text.Length));
            var tokens = Tokenizer.Tokenize(text);
            foreach (var sentence in ProseAnalysis.Create([block]).Sentences)
            {
                var (clauses, quoted) = FromTokens(tokens, sentence);
                Assert.Equal(clauses, sentence.ClauseIds);
                Assert.Equal(quoted, sentence.Quoted);
                checkedSentences++;
            }
        }
        Assert.True(checkedSentences > 500, $"only {checkedSentences} sentences checked");
    }

    /// <summary>The reference: walk the sentence's tokens, punctuation included.</summary>
    private static (int[] Clauses, bool[] Quoted) FromTokens(List<Token> tokens, Sentence sentence)
    {
        string[] openers = ["but", "however", "although", "though", "yet", "so", "still", "because", "while", "whereas"];
        var clauses = new List<int>();
        var quoted = new List<bool>();
        int clause = 0;
        bool inQuote = false;
        int lastWordEnd = sentence.Words[^1].End;
        foreach (var t in tokens)
        {
            if (t.Start < sentence.TextStart || t.Start >= lastWordEnd) continue;
            if (t.Kind is TokenKind.Word or TokenKind.Number)
            {
                if (clauses.Count > 0 && openers.Contains(t.Norm)) clause++;
                clauses.Add(clause);
                quoted.Add(inQuote);
            }
            else if (t.Kind == TokenKind.Break)
            {
                clause++;
                if (t.Norm == "\"") inQuote = !inQuote;
                else if (t.Norm == "“") inQuote = true;
                else if (t.Norm == "”") inQuote = false;
            }
        }
        return ([.. clauses], [.. quoted]);
    }
}
