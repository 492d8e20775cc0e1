namespace OutreachLsp.Core.Text;

/// <summary>
/// A half-open range [Start, End) of UTF-16 code units in the unmodified document text.
/// Every position in the engine is one of these; LSP line/character pairs exist only at the edges
/// (see <see cref="LineIndex"/>).
/// </summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end)
    {
        if (end < start) throw new ArgumentOutOfRangeException(nameof(end), "end must not precede start");
        return new TextSpan(start, end - start);
    }

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool OverlapsWith(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>True when the spans touch or overlap (an empty span at a boundary counts).</summary>
    public bool IntersectsWith(TextSpan other) => Start <= other.End && other.Start <= End;

    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>Replace <see cref="Span"/> of the original text with <see cref="NewText"/>.</summary>
public readonly record struct TextEdit(TextSpan Span, string NewText)
{
    /// <summary>
    /// Applies non-overlapping edits to <paramref name="text"/>. Edits are sorted by start;
    /// overlapping edits are a bug in the producer and throw.
    /// </summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var ordered = edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();
        var sb = new System.Text.StringBuilder(text.Length + 64);
        int cursor = 0;
        foreach (var edit in ordered)
        {
            if (edit.Span.Start < cursor) throw new InvalidOperationException($"Overlapping edits at {edit.Span}.");
            if (edit.Span.End > text.Length) throw new ArgumentOutOfRangeException(nameof(edits), $"Edit {edit.Span} is past the end of the text ({text.Length}).");
            sb.Append(text, cursor, edit.Span.Start - cursor);
            sb.Append(edit.NewText);
            cursor = edit.Span.End;
        }
        sb.Append(text, cursor, text.Length - cursor);
        return sb.ToString();
    }
}

/// <summary>Zero-based line and UTF-16 character, exactly as LSP counts them.</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);
    public override string ToString() => $"{Line + 1}:{Character + 1}";
}
