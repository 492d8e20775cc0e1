namespace OutreachLsp.Server.Features;

/// <summary>
/// Where the front matter is while the user types. The parser's <c>FrontMatterSpan</c> needs a closed
/// block; completion and quick fixes also work in a block that is still being written.
/// </summary>
public sealed record FrontMatterRegion(int OpenFenceEnd, int ContentEnd, int? CloseFenceStart, int End)
{
    /// <summary>The region of <paramref name="text"/>, or null when it does not start with a "---" line.</summary>
    public static FrontMatterRegion? Find(string text)
    {
        int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        if (!IsFenceAt(text, start, out int afterFence)) return null;
        int line = afterFence;
        while (line < text.Length)
        {
            int next = NextLineStart(text, line);
            if (IsFenceAt(text, line, out int closeEnd))
                return new FrontMatterRegion(afterFence, line, line, closeEnd);
            line = next;
        }
        return new FrontMatterRegion(afterFence, text.Length, null, text.Length);
    }

    public bool ContainsContent(int offset) => offset >= OpenFenceEnd && offset <= ContentEnd;

    private static bool IsFenceAt(string text, int offset, out int lineEnd)
    {
        lineEnd = NextLineStart(text, offset);
        var line = text.AsSpan(offset, lineEnd - offset).TrimEnd("\r\n".AsSpan()).TrimEnd();
        return line.SequenceEqual("---");
    }

    internal static int NextLineStart(string text, int offset)
    {
        int i = offset;
        while (i < text.Length && text[i] is not ('\n' or '\r')) i++;
        if (i < text.Length) i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
        return i;
    }
}

/// <summary>Small facts about a document's text that edits must respect.</summary>
public static class TextFacts
{
    /// <summary>The document's line ending (the first one used), "\n" when it has none.</summary>
    public static string LineEnding(string text)
    {
        int i = text.IndexOfAny(['\r', '\n']);
        if (i < 0) return "\n";
        if (text[i] == '\r') return i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : "\r";
        return "\n";
    }

    /// <summary>The spaces and tabs at the start of the line that begins at <paramref name="lineStart"/>.</summary>
    public static string Indentation(string text, int lineStart)
    {
        int i = lineStart;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        return text[lineStart..i];
    }
}
