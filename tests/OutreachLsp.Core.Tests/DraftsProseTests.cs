using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Tests;

/// <summary>Helpers shared by the draft-parsing tests.</summary>
internal static class DraftKit
{
    public static Draft Parse(string text, string id = "/drafts/test.md") => DraftParser.Parse(id, text);

    public static string[] Texts(Draft draft) => draft.Prose.Select(p => p.Text).ToArray();

    public static string AllProse(Draft draft) => string.Join("\n", Texts(draft));

    /// <summary>(line, character) of an offset, as LSP counts them (0-based).</summary>
    public static (int Line, int Character) At(Draft draft, int offset)
    {
        var p = draft.Source.Lines.GetPosition(offset);
        return (p.Line, p.Character);
    }

    /// <summary>
    /// Every prose character maps back to the same document character; a space that the parser put in
    /// (for a line break or a dropped construct) maps onto whitespace, or with <paramref name="strict"/>
    /// false also onto the first character of what was dropped (and decoded entities onto their '&amp;').
    /// </summary>
    public static void AssertMapsBack(Draft draft, bool strict = true)
    {
        foreach (var block in draft.Prose)
        {
            for (int i = 0; i < block.Text.Length; i++)
            {
                int source = block.MapToSource(i);
                Assert.InRange(source, 0, draft.Text.Length - 1);
                char c = block.Text[i];
                char d = draft.Text[source];
                if (c == d) continue;
                bool ok = (c == ' ' && (char.IsWhiteSpace(d) || (!strict && d is '`' or '<' or '!' or 'h' or 'w')))
                    || (!strict && d == '&'); // a decoded entity stands on its '&'
                Assert.True(ok, $"prose '{block.Text}'[{i}] = '{c}' maps to document[{source}] = '{d}'");
            }
        }
    }
}

public class DraftsProseTests
{
    [Fact]
    public void SoftLineBreaks_ReadAsOneSpace_MappedOntoTheLineBreak()
    {
        var draft = DraftKit.Parse("Dear Dr. Ruiz,\nThank you for\nthe interview.\n");
        Assert.Equal(["Dear Dr. Ruiz, Thank you for the interview."], DraftKit.Texts(draft));
        var block = draft.Prose[0];
        int space = block.Text.IndexOf(" Thank", StringComparison.Ordinal);
        Assert.Equal('\n', draft.Text[block.MapToSource(space)]);
        Assert.Equal(15, block.MapToSource(space + 1)); // "Thank" starts the second line
        DraftKit.AssertMapsBack(draft);
    }

    [Fact]
    public void CrLfLineBreaks_SpaceMapsToCarriageReturn_AndFollowingTextIsExact()
    {
        string text = "Dear Dr. Ruiz,\r\nThank you for\r\nthe interview.\r\n";
        var draft = DraftKit.Parse(text);
        var block = Assert.Single(draft.Prose);
        Assert.Equal("Dear Dr. Ruiz, Thank you for the interview.", block.Text);
        int space = block.Text.IndexOf(" Thank", StringComparison.Ordinal);
        Assert.Equal('\r', text[block.MapToSource(space)]);
        int the = block.Text.IndexOf("the", StringComparison.Ordinal);
        Assert.Equal((2, 0), DraftKit.At(draft, block.MapToSource(the)));
        DraftKit.AssertMapsBack(draft);
    }

    [Fact]
    public void LoneCarriageReturnLineBreaks_AreLineBreaks_AndMapExactly()
    {
        string text = "First line\rsecond line\r\rNew paragraph\r";
        var draft = DraftKit.Parse(text);
        Assert.Equal(["First line second line", "New paragraph"], DraftKit.Texts(draft));
        Assert.Equal((3, 0), DraftKit.At(draft, draft.Prose[1].MapToSource(0)));
        DraftKit.AssertMapsBack(draft);
    }

    [Fact]
    public void TrailingSpacesBeforeABreak_AreNotKept_AndHardBreaksReadAsOneSpace()
    {
        string text = "line one   \nline two \\\nline three \nline four";
        var draft = DraftKit.Parse(text);
        Assert.Equal(["line one line two line three line four"], DraftKit.Texts(draft));
        DraftKit.AssertMapsBack(draft);
    }

    [Fact]
    public void EmphasisMarkers_AreDropped_TextMapsExactly()
    {
        var draft = DraftKit.Parse("I am *very* **keen** to _join_ ***you***.");
        Assert.Equal(["I am very keen to join you."], DraftKit.Texts(draft));
        var block = draft.Prose[0];
        Assert.Equal(6, block.MapToSource(block.Text.IndexOf("very", StringComparison.Ordinal)));
        DraftKit.AssertMapsBack(draft);
    }

    [Fact]
    public void LinkText_IsProse_LinkUrlIsNot()
    {
        var draft = DraftKit.Parse("Please see [my CV](https://example.org/rank-list.pdf) for details.");
        Assert.Equal(["Please see my CV for details."], DraftKit.Texts(draft));
        Assert.DoesNotContain("rank-list", DraftKit.AllProse(draft), StringComparison.Ordinal);
        var block = draft.Prose[0];
        Assert.Equal(12, block.MapToSource(block.Text.IndexOf("my CV", StringComparison.Ordinal)));
        DraftKit.AssertMapsBack(draft);
    }

    [Fact]
    public void ReferenceLinks_KeepText_DefinitionsAreNotProse()
    {
        var draft = DraftKit.Parse("See [the program page][1] please.\n\n[1]: https://example.org/where-do-i-rank\n");
        Assert.Equal(["See the program page please."], DraftKit.Texts(draft));
        DraftKit.AssertMapsBack(draft);
    }

    [Fact]
    public void Autolinks_AndBareUrls_AreDropped()
    {
        var draft = DraftKit.Parse("Portfolio: <https://example.org/a> and www.example.com/guarantee here.");
        string prose = DraftKit.AllProse(draft);
        Assert.DoesNotContain("example", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("guarantee", prose, StringComparison.Ordinal);
        Assert.StartsWith("Portfolio:", prose, StringComparison.Ordinal);
        Assert.EndsWith("here.", prose, StringComparison.Ordinal);
        DraftKit.AssertMapsBack(draft);
    }

    [Fact]
    public void Images_AreNotProse()
    {
        var draft = DraftKit.Parse("Signature ![rank me first](sig.png) end");
        Assert.DoesNotContain("rank", DraftKit.AllProse(draft), StringComparison.Ordinal);
        DraftKit.AssertMapsBack(draft, strict: false);
    }

    [Fact]
    public void InlineCode_IsDropped_WordsStaySeparate()
    {
        var draft = DraftKit.Parse("Run`where do I rank`now and use `x` here.");
        Assert.Equal(["Run now and use  here."], DraftKit.Texts(draft));
        var block = draft.Prose[0];
        Assert.Equal('`', draft.Text[block.MapToSource(3)]); // the separator stands on the dropped code span
        DraftKit.AssertMapsBack(draft, strict: false);
    }

    [Fact]
    public void FencedAndIndentedCode_AreNotProse()
    {
        string text = "Before.\n\n```\nwhere am I on your rank list?\n```\n\n    indented code rank list\n\nAfter.";
        var draft = DraftKit.Parse(text);
        Assert.Equal(["Before.", "After."], DraftKit.Texts(draft));
    }

    [Fact]
    public void HtmlComments_BlockAndInline_AreNotProse()
    {
        string text = "<!-- TODO: ask where I rank -->\nDear Dr. Ruiz,\n\n<!--\nmulti-line note [Program Name]\n-->\n\nThank you <!-- TBD --> for the interview.\n";
        var draft = DraftKit.Parse(text);
        string prose = DraftKit.AllProse(draft);
        Assert.DoesNotContain("TODO", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("Program Name", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("TBD", prose, StringComparison.Ordinal);
        Assert.Contains("Thank you  for the interview.", prose, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlBlocks_AreNotProse_InlineTagsAreDropped_PlaceholderTagsAreKept()
    {
        string text = "<div>\nhidden rank list\n</div>\n\nDear <Name>, this is <b>bold</b> and <Program Name>.\n";
        var draft = DraftKit.Parse(text);
        Assert.Equal(["Dear <Name>, this is bold and <Program Name>."], DraftKit.Texts(draft));
        DraftKit.AssertMapsBack(draft);
    }

    [Fact]
    public void Blockquotes_AreNotProse()
    {
        string text = "Thank you for your reply.\n\n> On Monday, Dr. Ruiz wrote:\n> Where are you ranking us?\n\nBest regards,\nJane";
        var draft = DraftKit.Parse(text);
        Assert.Equal(["Thank you for your reply.", "Best regards, Jane"], DraftKit.Texts(draft));
    }

    [Fact]
    public void ThematicBreaks_AreNotProse()
    {
        var draft = DraftKit.Parse("Para one.\n\n***\n\nPara two.");
        Assert.Equal(["Para one.", "Para two."], DraftKit.Texts(draft));
    }

    [Fact]
    public void HeadingsListItemsAndTableCells_AreSeparateBlocks()
    {
        string text = "# Update for *Pinecrest*\n\n- I passed Step 2 CK\n  with a high score.\n- I presented a poster.\n\n| Exam | Status |\n|---|---|\n| Step 3 | scheduled |\n";
        var draft = DraftKit.Parse(text);
        Assert.Equal(
            ["Update for Pinecrest", "I passed Step 2 CK with a high score.", "I presented a poster.", "Exam", "Status", "Step 3", "scheduled"],
            DraftKit.Texts(draft));
        DraftKit.AssertMapsBack(draft);
    }

    [Fact]
    public void ProseBlockSourceSpan_CoversTheWholeParagraphWithMarkup()
    {
        string text = "Intro.\n\nI am *very* keen.\nSecond line.\n";
        var draft = DraftKit.Parse(text);
        var block = draft.Prose[1];
        Assert.Equal("I am *very* keen.\nSecond line.", text.Substring(block.SourceSpan.Start, block.SourceSpan.Length));
    }

    [Fact]
    public void Entities_AreDecoded_AndMappedToTheirStart()
    {
        var draft = DraftKit.Parse("Smith &amp; Jones &copy; 2025");
        var block = Assert.Single(draft.Prose);
        Assert.Equal("Smith & Jones © 2025", block.Text);
        Assert.Equal(6, block.MapToSource(6));
        Assert.Equal(' ', block.Text[7]);
        Assert.Equal(11, block.MapToSource(7)); // the text after an entity maps exactly again
    }

    [Fact]
    public void BackslashEscapes_KeepTheEscapedCharacter_MappedExactly()
    {
        var draft = DraftKit.Parse(@"Rank \*not\* emphasis \[Program Name\]");
        var block = Assert.Single(draft.Prose);
        Assert.Equal("Rank *not* emphasis [Program Name]", block.Text);
        DraftKit.AssertMapsBack(draft);
    }

    [Fact]
    public void CurlyApostrophes_AreKeptAsWritten()
    {
        var draft = DraftKit.Parse("I\u2019m not asking where I rank.");
        Assert.Equal(["I\u2019m not asking where I rank."], DraftKit.Texts(draft));
    }

    [Fact]
    public void EmojiBeforeText_SurrogatePairs_MapExactly()
    {
        string text = "Hello 😀😀 *world* of 🎉 residency.";
        var draft = DraftKit.Parse(text);
        var block = Assert.Single(draft.Prose);
        Assert.Equal("Hello 😀😀 world of 🎉 residency.", block.Text);
        int world = block.Text.IndexOf("world", StringComparison.Ordinal);
        Assert.Equal(text.IndexOf("world", StringComparison.Ordinal), block.MapToSource(world));
        var span = block.MapToSource(block.Text.IndexOf("residency", StringComparison.Ordinal), block.Text.Length - 1);
        Assert.Equal("residency", text.Substring(span.Start, span.Length));
        DraftKit.AssertMapsBack(draft);
    }

    [Fact]
    public void ProseAfterFrontMatter_HasAbsoluteOffsets()
    {
        string text = "---\nprogram: Pinecrest\ntype: thank-you\n---\nDear Dr. Ruiz,\n\nThank *you*.\n";
        var draft = DraftKit.Parse(text);
        Assert.Equal(["Dear Dr. Ruiz,", "Thank you."], DraftKit.Texts(draft));
        Assert.Equal((4, 0), DraftKit.At(draft, draft.Prose[0].MapToSource(0)));
        Assert.Equal((6, 7), DraftKit.At(draft, draft.Prose[1].MapToSource(6)));
        Assert.Equal(TextSpan.FromBounds(0, 43), draft.FrontMatterSpan);
        Assert.Equal(TextSpan.FromBounds(43, text.Length), draft.BodySpan);
        DraftKit.AssertMapsBack(draft);
    }

    [Fact]
    public void ARealisticDraft_EveryProseCharacterMapsBack()
    {
        string text = """
            ---
            program: Pinecrest Medical Center Internal Medicine Residency
            type: thank-you
            ---
            Dear Dr. Whitley,

            Thank you for the *interview* on Monday. I especially enjoyed
            hearing about the [global health track](https://pinecrest.example.org/gh)
            and the `Kenya` rotation.\
            It was great to meet the residents &mdash; truly.

            <!-- outreach-disable-next-line stock-phrasing -->
            I look forward to hearing from you.

            > Original message: where do you rank us?

            Sincerely,
            Jane Applicant, MD
            AAMC ID: 12345678
            """;
        var draft = DraftKit.Parse(text.Replace("\n", "\r\n"));
        Assert.Equal(4, draft.Prose.Length);
        DraftKit.AssertMapsBack(draft, strict: false);
        Assert.Equal("Sincerely, Jane Applicant, MD AAMC ID: 12345678", draft.Prose[^1].Text);
    }
}
