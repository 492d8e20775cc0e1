using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Yaml;

namespace OutreachLsp.Core.Tests;

/// <summary>The guarded YAML reader shared by the draft parser and the config loader.</summary>
public class DraftsYamlTests
{
    private static SafeYamlDocument Read(string yaml, SafeYamlLimits? limits = null) => SafeYaml.Parse(yaml, "doc", "test", limits);

    [Fact]
    public void MarkIndex_CountsUtf16Units_SoSpansAfterEmojiAndCrLfAreExact()
    {
        string yaml = "a: \"😀😀\"\r\nb: 🎉 x\r\nc: z\r";
        var root = Assert.IsType<YMapping>(Read(yaml).Root);
        var spans = root.Entries.Select(e => yaml.Substring(e.Value.Span.Start, e.Value.Span.Length)).ToArray();
        Assert.Equal(["\"😀😀\"", "🎉 x", "z"], spans);
        Assert.Equal("😀😀", ((YScalar)root.Entries[0].Value).Value);
    }

    [Fact]
    public void ASlice_HasSpansInTheWholeText()
    {
        string text = "---\nprogram: X\n---\n";
        var root = Assert.IsType<YMapping>(SafeYaml.Parse(text, 4, 15, "doc", "test").Root);
        Assert.Equal(13, root.Entries[0].Value.Span.Start);
    }

    [Fact]
    public void Aliases_AreSharedNotCopied_AndCountTowardsTheBudget()
    {
        var root = Assert.IsType<YMapping>(Read("a: &x [1, 2, 3]\nb: *x\n").Root);
        Assert.Same(root.Entries[0].Value, root.Entries[1].Value);
        Assert.Equal(1 + 2 + 2 * 4, root.ExpandedSize); // the mapping, two keys, the list (with its 3 items) twice
    }

    [Fact]
    public void AnAliasedScalar_IsLocatedAtTheAlias_AndAnchoredValuesStartAfterTheAnchor()
    {
        string yaml = "a: &p Pinecrest\nb: *p\nc: !!str 2026\n";
        var root = Assert.IsType<YMapping>(Read(yaml).Root);
        string Slice(YNode n) => yaml.Substring(n.Span.Start, n.Span.Length);
        Assert.Equal(["Pinecrest", "*p", "2026"], root.Entries.Select(e => Slice(e.Value)));
        Assert.Equal("Pinecrest", ((YScalar)root.Entries[1].Value).Value);
    }

    [Fact]
    public void AliasedBadValueInFrontMatter_IsReportedAtTheAlias()
    {
        var draft = OutreachLsp.Core.Drafts.DraftParser.Parse("d", "---\nsubject: &s soon\nsend_date: *s\n---\n");
        var f = Assert.Single(draft.ParseFindings);
        Assert.Equal("*s", draft.Source.Slice(f.Span));
        Assert.Equal("soon", draft.Source.Slice(draft.Meta.GetField("subject")!.ValueSpan));
    }

    [Fact]
    public void BillionLaughs_IsRefusedQuickly_WithALocatedFinding()
    {
        string yaml = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var doc = Read(yaml);
        Assert.True(sw.ElapsedMilliseconds < 2000);
        Assert.True(doc.Failed);
        Assert.Null(doc.Root);
        var f = Assert.Single(doc.Problems);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains("expands to more than 100,000 values", f.Message, StringComparison.Ordinal);
        Assert.StartsWith("*", yaml.Substring(f.Span.Start, f.Span.Length), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAlias_IsAnError()
    {
        var doc = Read("a: *nope\n");
        Assert.Contains("Unknown alias '*nope'", Assert.Single(doc.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelfReferencingAlias_IsAnError_NotACycle()
    {
        var doc = Read("a: &x [1, *x]\n");
        Assert.True(doc.Failed);
        Assert.Contains("Unknown alias", Assert.Single(doc.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(1_000_000)]
    public void DeeplyNestedFlowLists_AreRefusedAtTheDepthLimit_Quickly(int depth)
    {
        string yaml = "a: " + new string('[', depth) + new string(']', depth);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var doc = Read(yaml, new SafeYamlLimits { MaxDepth = 64, MaxChars = int.MaxValue });
        Assert.True(sw.ElapsedMilliseconds < 2000, $"took {sw.ElapsedMilliseconds} ms");
        var f = Assert.Single(doc.Problems);
        Assert.Contains("nested more than 64 levels", f.Message, StringComparison.Ordinal);
        Assert.Equal(3 + 63, f.Span.Start); // the 64th '[' (the mapping is the first level)
    }

    [Fact]
    public void DeeplyNestedBlockMappings_AreRefused()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 200; i++) sb.Append(' ', i).Append("k:\n");
        var doc = Read(sb.ToString(), new SafeYamlLimits { MaxDepth = 32 });
        Assert.Contains("nested more than 32 levels", Assert.Single(doc.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextLargerThanTheLimit_IsNotRead()
    {
        var doc = Read("a: " + new string('x', 2000), new SafeYamlLimits { MaxChars = 1000 });
        Assert.True(doc.Failed);
        Assert.Contains("not read", Assert.Single(doc.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheFirstDocumentIsRead()
    {
        var root = Assert.IsType<YMapping>(Read("a: 1\n---\nb: 2\n").Root);
        Assert.Single(root.Entries);
    }

    [Fact]
    public void ScalarsAreNeverConverted()
    {
        var root = Assert.IsType<YMapping>(Read("a: 2026\nb: yes\nc: off\nd: 010\ne: ''\n").Root);
        Assert.Equal(["2026", "yes", "off", "010", ""], root.Entries.Select(e => ((YScalar)e.Value).Value));
        Assert.False(((YScalar)root.Entries[4].Value).IsNull); // quoted empty is a value, not null
    }

    [Fact]
    public void RandomJunk_NeverThrows()
    {
        var random = new Random(1234);
        const string alphabet = "ab:-[]{},&*!|>'\"#%@`? \n\r\t\\😀";
        for (int i = 0; i < 3000; i++)
        {
            var chars = new char[random.Next(0, 60)];
            for (int j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            string junk = new(chars);
            var doc = Read(junk);
            foreach (var p in doc.Problems)
            {
                Assert.InRange(p.Span.Start, 0, junk.Length);
                Assert.InRange(p.Span.End, p.Span.Start, junk.Length);
            }
        }
    }
}
