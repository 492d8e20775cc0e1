using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Unicode;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Drafts;

/// <summary>
/// Turns a file's bytes into the text the parser reads, and says when a file should not be linted
/// at all. UTF-8 is the format; a UTF-8 byte-order mark is dropped, UTF-16 files (with their BOM)
/// are decoded, invalid UTF-8 is replaced and reported, binary and oversized files are skipped.
/// Never throws.
/// </summary>
public static class DraftDecoder
{
    /// <summary>Files larger than this are not linted: no email is 12 MiB, and parsing it would stall the editor.</summary>
    public const int MaxBytes = 12 * 1024 * 1024;

    /// <summary>How much of the start of a file is sniffed for binary content.</summary>
    internal const int SniffLength = 8 * 1024;

    /// <summary>
    /// Decodes <paramref name="bytes"/>. <c>Skip</c> is true (and <c>Text</c> empty) when the file is
    /// binary or too large; <c>Problems</c> then holds one error at offset 0 saying why. Offsets in
    /// problems are UTF-16 offsets into the returned text.
    /// </summary>
    public static (string Text, ImmutableArray<Finding> Problems, bool Skip) Decode(byte[] bytes, string documentId)
    {
        bytes ??= [];
        if (bytes.Length > MaxBytes)
        {
            return Skipped(documentId,
                $"This file is {bytes.Length / (1024.0 * 1024.0):0.0} MiB; files larger than {MaxBytes / (1024 * 1024)} MiB are not linted.");
        }

        var span = bytes.AsSpan();
        if (span.Length >= 2 && span[0] == 0xFF && span[1] == 0xFE) return DecodeUtf16(span[2..], Encoding.Unicode, documentId);
        if (span.Length >= 2 && span[0] == 0xFE && span[1] == 0xFF) return DecodeUtf16(span[2..], Encoding.BigEndianUnicode, documentId);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];

        if (LooksBinary(span)) return Skipped(documentId, BinaryMessage);

        if (Utf8.IsValid(span)) return (Encoding.UTF8.GetString(span), ImmutableArray<Finding>.Empty, false);

        // Find where the first bad byte lands in the text: the valid prefix decodes the same way
        // with or without replacement, so the number of chars written before the stop is its offset.
        char[] buffer = ArrayPool<char>.Shared.Rent(span.Length + 1);
        int badChar, badByte;
        try
        {
            Utf8.ToUtf16(span, buffer, out badByte, out badChar, replaceInvalidSequences: false, isFinalBlock: true);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
        string text = Encoding.UTF8.GetString(span); // replaces invalid sequences with U+FFFD
        int bomOffset = bytes.Length - span.Length;
        var problem = new Finding(WellKnownRuleIds.Input, Severity.Warning, documentId,
            new TextSpan(Math.Min(badChar, text.Length), badChar < text.Length ? 1 : 0),
            $"This file is not valid UTF-8 (first bad byte at byte offset {badByte + bomOffset}); invalid bytes are shown as \uFFFD. Save the file as UTF-8.");
        return (text, [problem], false);
    }

    private const string BinaryMessage = "This file looks binary, not like a Markdown draft; it was not linted.";

    private static (string, ImmutableArray<Finding>, bool) DecodeUtf16(ReadOnlySpan<byte> span, Encoding encoding, string documentId)
    {
        // The decoder replaces lone surrogates and a trailing odd byte with U+FFFD rather than throwing.
        string text = encoding.GetString(span);
        if (LooksBinary(text.AsSpan(0, Math.Min(text.Length, SniffLength)))) return Skipped(documentId, BinaryMessage);
        return (text, ImmutableArray<Finding>.Empty, false);
    }

    private static (string, ImmutableArray<Finding>, bool) Skipped(string documentId, string message) =>
        (string.Empty, [new Finding(WellKnownRuleIds.Input, Severity.Error, documentId, new TextSpan(0, 0), message)], true);

    /// <summary>A NUL in the first 8 KB, or more than 30% control characters there (tab, line breaks and form feed excepted).</summary>
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, SniffLength)];
        if (sample.IndexOf((byte)0) >= 0) return true;
        int control = 0;
        foreach (byte b in sample)
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C) control++;
        return sample.Length > 0 && control * 10 > sample.Length * 3;
    }

    private static bool LooksBinary(ReadOnlySpan<char> chars)
    {
        if (chars.IndexOf('\0') >= 0) return true;
        int control = 0;
        foreach (char c in chars)
            if (c < 0x20 && c is not '\t' and not '\n' and not '\r' and not '\f') control++;
        return chars.Length > 0 && control * 10 > chars.Length * 3;
    }
}
