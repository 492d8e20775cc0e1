namespace OutreachLsp.Core.Text;

/// <summary>
/// Maps UTF-16 offsets to zero-based (line, character) pairs and back. This is the one place
/// where offsets become lines: lines end at "\n", "\r\n" or a lone "\r", as LSP defines them.
/// Immutable and cheap to share between threads.
/// </summary>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    private LineIndex(int[] lineStarts, int length)
    {
        _lineStarts = lineStarts;
        _length = length;
    }

    public int LineCount => _lineStarts.Length;

    public int TextLength => _length;

    public static LineIndex Create(string text)
    {
        var starts = new List<int>(Math.Max(4, text.Length / 40)) { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return new LineIndex(starts.ToArray(), text.Length);
    }

    public int GetLineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>The zero-based line containing <paramref name="offset"/> (clamped to the text).</summary>
    public int GetLine(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int idx = Array.BinarySearch(_lineStarts, offset);
        return idx >= 0 ? idx : ~idx - 1;
    }

    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int line = GetLine(offset);
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    /// <summary>
    /// The offset of a (line, character) pair. Out-of-range values are clamped the way LSP asks:
    /// a character past the line end means the line end, a line past the end means the text end.
    /// </summary>
    public int GetOffset(LinePosition position, string text)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _lineStarts.Length) return _length;
        int start = _lineStarts[position.Line];
        int contentEnd = GetLineContentEnd(position.Line, text);
        return Math.Clamp(start + Math.Max(0, position.Character), start, contentEnd);
    }

    /// <summary>The offset where the line's content ends, before its line break.</summary>
    public int GetLineContentEnd(int line, string text)
    {
        int end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : _length;
        if (end > _lineStarts[line] && end <= text.Length && end > 0 && text[end - 1] == '\n') end--;
        if (end > _lineStarts[line] && end <= text.Length && end > 0 && text[end - 1] == '\r') end--;
        return end;
    }
}
