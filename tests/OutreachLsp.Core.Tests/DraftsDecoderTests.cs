using System.Text;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;

namespace OutreachLsp.Core.Tests;

public class DraftsDecoderTests
{
    private const string Id = "/drafts/a.md";

    [Fact]
    public void PlainUtf8_IsDecoded_WithoutProblems()
    {
        var (text, problems, skip) = DraftDecoder.Decode(Encoding.UTF8.GetBytes("Dear Dr. Ruiz 😀\r\n"), Id);
        Assert.Equal("Dear Dr. Ruiz 😀\r\n", text);
        Assert.Empty(problems);
        Assert.False(skip);
    }

    [Fact]
    public void Utf8Bom_IsStripped()
    {
        var (text, problems, skip) = DraftDecoder.Decode([0xEF, 0xBB, 0xBF, .. "---\ntype: update\n---\n"u8], Id);
        Assert.Equal("---\ntype: update\n---\n", text);
        Assert.Empty(problems);
        Assert.False(skip);
        Assert.Equal("update", DraftParser.Parse(Id, text).Meta.Type);
    }

    [Fact]
    public void Utf16LittleEndianWithBom_IsDecoded()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Hello 😀")];
        var (text, problems, skip) = DraftDecoder.Decode(bytes, Id);
        Assert.Equal("Hello 😀", text);
        Assert.Empty(problems);
        Assert.False(skip);
    }

    [Fact]
    public void Utf16BigEndianWithBom_IsDecoded()
    {
        byte[] bytes = [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("Hello\nworld")];
        var (text, _, skip) = DraftDecoder.Decode(bytes, Id);
        Assert.Equal("Hello\nworld", text);
        Assert.False(skip);
    }

    [Fact]
    public void InvalidUtf8_IsReplaced_AndReportedOnceAtTheFirstBadCharacter()
    {
        // "Café " in Latin-1 (0xE9), then more text and another bad byte.
        byte[] bytes = [.. "Dear 😀 Caf"u8, 0xE9, .. " team,\nthanks "u8, 0xFF, .. "!"u8];
        var (text, problems, skip) = DraftDecoder.Decode(bytes, Id);
        Assert.False(skip);
        Assert.Equal("Dear 😀 Caf\uFFFD team,\nthanks \uFFFD!", text);
        var p = Assert.Single(problems);
        Assert.Equal(WellKnownRuleIds.Input, p.RuleId);
        Assert.Equal(Severity.Warning, p.Severity);
        Assert.Equal(11, p.Span.Start); // after "Dear 😀 Caf": the emoji counts two UTF-16 units
        Assert.Equal(1, p.Span.Length);
        Assert.Contains("byte offset 13", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8AfterABom_ReportsTheFileByteOffset()
    {
        var (_, problems, _) = DraftDecoder.Decode([0xEF, 0xBB, 0xBF, (byte)'a', 0xC3], Id);
        var p = Assert.Single(problems);
        Assert.Equal(1, p.Span.Start);
        Assert.Contains("byte offset 4", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NulByteInTheFirst8K_IsBinary_AndSkipped()
    {
        byte[] bytes = [0x89, .. "PNG\r\n"u8, 0x1A, 0x00, 0x00, 0x0D];
        var (text, problems, skip) = DraftDecoder.Decode(bytes, Id);
        Assert.True(skip);
        Assert.Equal("", text);
        var p = Assert.Single(problems);
        Assert.Equal(Severity.Error, p.Severity);
        Assert.Equal(0, p.Span.Start);
        Assert.Contains("looks binary", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MostlyControlCharacters_IsBinary()
    {
        byte[] bytes = Enumerable.Range(0, 100).Select(i => (byte)(i % 3 == 0 ? 'a' : 0x01 + i % 7)).ToArray();
        Assert.True(DraftDecoder.Decode(bytes, Id).Skip);
    }

    [Fact]
    public void AFewControlCharacters_AreNotBinary()
    {
        byte[] bytes = [.. "Dear Dr. Ruiz,\f\n"u8, 0x1B, .. "Thank you.\t\n"u8];
        Assert.False(DraftDecoder.Decode(bytes, Id).Skip);
    }

    [Fact]
    public void NulAfterTheFirst8K_IsNotBinary()
    {
        byte[] bytes = [.. Enumerable.Repeat((byte)'a', 9000), 0];
        Assert.False(DraftDecoder.Decode(bytes, Id).Skip);
    }

    [Fact]
    public void FileLargerThan12MiB_IsSkipped_WithAClearMessage()
    {
        byte[] bytes = new byte[DraftDecoder.MaxBytes + 1];
        bytes.AsSpan().Fill((byte)'a');
        var (text, problems, skip) = DraftDecoder.Decode(bytes, Id);
        Assert.True(skip);
        Assert.Equal("", text);
        Assert.Contains("larger than 12 MiB are not linted", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile_IsEmptyText()
    {
        var (text, problems, skip) = DraftDecoder.Decode([], Id);
        Assert.Equal("", text);
        Assert.Empty(problems);
        Assert.False(skip);
    }

    [Fact]
    public void ParseBytes_PutsDecodingWarningsIntoTheDraft()
    {
        var (draft, problems) = DraftParser.ParseBytes(Id, [.. "Hello "u8, 0xFF]);
        Assert.NotNull(draft);
        Assert.Single(problems);
        Assert.Equal<Finding>(problems, draft.ParseFindings);
        Assert.Equal("Hello \uFFFD", draft.Text);
    }

    [Fact]
    public void ParseBytes_OfABinaryFile_GivesNoDraft()
    {
        var (draft, problems) = DraftParser.ParseBytes(Id, [0, 1, 2, 3]);
        Assert.Null(draft);
        Assert.Single(problems);
    }
}
