using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// The parts of a draft body that are not the email's own text, found by one pass over the source:
/// HTML comments (notes to self), fenced and indented code, inline code spans, <c>&gt;</c> quoted
/// lines, link destinations and reference-link definitions. Kinds that read the raw source (because
/// <see cref="Draft.Prose"/> drops inline HTML and code) skip these. Linear in the body length.
/// </summary>
internal sealed class BodyRegions
{
    private readonly List<TextSpan> _excluded;

    private BodyRegions(List<TextSpan> excluded, HashSet<string> referenceLabels)
    {
        _excluded = excluded;
        ReferenceLabels = referenceLabels;
    }

    /// <summary>Excluded spans, sorted and non-overlapping.</summary>
    public IReadOnlyList<TextSpan> Excluded => _excluded;

    /// <summary>Folded labels of <c>[label]: url</c> definitions: <c>[label]</c> in the text is a link, not a placeholder.</summary>
    public IReadOnlySet<string> ReferenceLabels { get; }

    public static BodyRegions Compute(Draft draft) => Compute(draft.Text, draft.BodySpan);

    /// <summary>The draft's regions, computed once per analysis (several rules read them).</summary>
    public static BodyRegions Of(Analysis.DocumentContext context) => context.Memo("body-regions", static c => Compute(c.Draft));

    public static BodyRegions Compute(string text, TextSpan body)
    {
        var scanner = new Scanner(text, TextSpan.FromBounds(Math.Min(body.Start, text.Length), Math.Min(body.End, text.Length)));
        scanner.Run();
        return new BodyRegions(Merge(scanner.Excluded), scanner.Labels);
    }

    public bool IsExcluded(int offset)
    {
        int lo = 0, hi = _excluded.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var s = _excluded[mid];
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /// <summary>The parts of [start, end) outside every excluded span, in order.</summary>
    public IEnumerable<TextSpan> Allowed(int start, int end)
    {
        int cursor = start;
        // Callers walk a long body line by line: start at the first span ending after the cursor
        // (ends are sorted too, the spans being disjoint), not at the first span of the body.
        int lo = 0, hi = _excluded.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (_excluded[mid].End <= cursor) lo = mid + 1;
            else hi = mid;
        }
        for (int k = lo; k < _excluded.Count; k++)
        {
            var s = _excluded[k];
            if (s.Start >= end) break;
            if (s.Start > cursor) yield return TextSpan.FromBounds(cursor, s.Start);
            cursor = Math.Max(cursor, s.End);
            if (cursor >= end) yield break;
        }
        if (cursor < end) yield return TextSpan.FromBounds(cursor, end);
    }

    private static List<TextSpan> Merge(List<TextSpan> spans)
    {
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var merged = new List<TextSpan>(spans.Count);
        foreach (var s in spans)
        {
            if (s.IsEmpty) continue;
            if (merged.Count > 0 && s.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = TextSpan.FromBounds(last.Start, Math.Max(last.End, s.End));
            }
            else merged.Add(s);
        }
        return merged;
    }

    private sealed class Scanner(string text, TextSpan body)
    {
        public readonly List<TextSpan> Excluded = [];
        public readonly HashSet<string> Labels = new(StringComparer.Ordinal);

        private bool _inComment;
        private int _commentStart;

        public void Run()
        {
            int end = body.End;
            int pos = body.Start;
            char fenceChar = '\0';
            int fenceLength = 0, fenceStart = 0;
            bool previousBlank = true, inList = false, previousQuoted = false, inIndentedCode = false;
            while (pos < end)
            {
                int lineEnd = Math.Min(KindText.LineEnd(text, pos), end);
                int next = Math.Max(lineEnd, Math.Min(KindText.NextLineStart(text, lineEnd), end));
                if (next <= pos) next = pos + 1;
                if (_inComment)
                {
                    int close = IndexOf("-->", pos, lineEnd);
                    if (close >= 0)
                    {
                        Add(_commentStart, close + 3);
                        _inComment = false;
                        ScanInline(close + 3, lineEnd);
                        previousBlank = false;
                    }
                    pos = next;
                    continue;
                }
                if (fenceChar != '\0')
                {
                    var (closeIndent, closeChar, closeRun) = FenceAt(pos, lineEnd);
                    if (closeIndent <= 3 && closeChar == fenceChar && closeRun >= fenceLength && IsBlank(pos + closeIndent + closeRun, lineEnd))
                    {
                        Add(fenceStart, lineEnd);
                        fenceChar = '\0';
                    }
                    pos = next;
                    continue;
                }
                int indent = Indent(pos, lineEnd, out int contentStart);
                if (contentStart >= lineEnd)
                {
                    previousBlank = true;
                    previousQuoted = false;
                    pos = next;
                    continue;
                }
                if (inIndentedCode && indent >= 4)
                {
                    Add(pos, lineEnd);
                    pos = next;
                    continue;
                }
                inIndentedCode = false;
                if (indent >= 4 && previousBlank && !inList)
                {
                    inIndentedCode = true;
                    Add(pos, lineEnd);
                    previousBlank = false;
                    pos = next;
                    continue;
                }
                if (indent <= 3)
                {
                    var (_, openChar, openRun) = FenceAt(pos, lineEnd);
                    if (openRun >= 3)
                    {
                        fenceChar = openChar;
                        fenceLength = openRun;
                        fenceStart = pos;
                        previousBlank = false;
                        pos = next;
                        continue;
                    }
                }
                bool quoted = (indent <= 3 && text[contentStart] == '>') || (previousQuoted && !previousBlank);
                if (quoted)
                {
                    Add(pos, lineEnd);
                    previousQuoted = true;
                    previousBlank = false;
                    pos = next;
                    continue;
                }
                if (indent <= 3 && ReferenceDefinition(contentStart, lineEnd) is { } label)
                {
                    Labels.Add(label);
                    Add(pos, lineEnd);
                    previousBlank = false;
                    pos = next;
                    continue;
                }
                if (IsListItem(contentStart, lineEnd)) inList = true;
                else if (indent == 0 && previousBlank) inList = false;
                ScanInline(contentStart, lineEnd);
                previousBlank = false;
                pos = next;
            }
            if (_inComment) Add(_commentStart, end);
            if (fenceChar != '\0') Add(fenceStart, end);
        }

        private void ScanInline(int from, int to)
        {
            int i = from;
            while (i < to)
            {
                char c = text[i];
                if (c == '<' && i + 3 < text.Length && string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
                {
                    int close = IndexOf("-->", i + 4, to);
                    if (close >= 0)
                    {
                        Add(i, close + 3);
                        i = close + 3;
                        continue;
                    }
                    // The comment runs past this line: everything up to its end is a note to self.
                    _inComment = true;
                    _commentStart = i;
                    return;
                }
                if (c == '`')
                {
                    int run = Run(i, to, '`');
                    int close = FindBacktickRun(i + run, to, run);
                    if (close >= 0)
                    {
                        Add(i, close + run);
                        i = close + run;
                    }
                    else i += run;
                    continue;
                }
                if (c == ']' && i + 1 < to && text[i + 1] == '(')
                {
                    int close = MatchingParen(i + 1, to);
                    if (close >= 0)
                    {
                        Add(i + 1, close + 1);
                        i = close + 1;
                        continue;
                    }
                }
                i++;
            }
        }

        private void Add(int start, int end)
        {
            if (end > start) Excluded.Add(TextSpan.FromBounds(start, end));
        }

        private int IndexOf(string needle, int from, int to)
        {
            if (from >= to) return -1;
            int idx = text.IndexOf(needle, from, to - from, StringComparison.Ordinal);
            return idx;
        }

        private int Indent(int lineStart, int lineEnd, out int contentStart)
        {
            int width = 0, i = lineStart;
            while (i < lineEnd && text[i] is ' ' or '\t')
            {
                width += text[i] == '\t' ? 4 - (width % 4) : 1;
                i++;
            }
            contentStart = i;
            return width;
        }

        private bool IsBlank(int from, int to)
        {
            for (int i = from; i < to; i++) if (!char.IsWhiteSpace(text[i])) return false;
            return true;
        }

        private (int Indent, char Char, int Run) FenceAt(int lineStart, int lineEnd)
        {
            int indent = Indent(lineStart, lineEnd, out int s);
            if (s >= lineEnd || text[s] is not ('`' or '~')) return (indent, '\0', 0);
            return (indent, text[s], Run(s, lineEnd, text[s]));
        }

        private int Run(int at, int to, char c)
        {
            int i = at;
            while (i < to && text[i] == c) i++;
            return i - at;
        }

        private int FindBacktickRun(int from, int to, int length)
        {
            int i = from;
            while (i < to)
            {
                if (text[i] != '`') { i++; continue; }
                int run = Run(i, to, '`');
                if (run == length) return i;
                i += run;
            }
            return -1;
        }

        private int MatchingParen(int open, int to)
        {
            int depth = 0;
            for (int i = open; i < to; i++)
            {
                if (text[i] == '(') depth++;
                else if (text[i] == ')' && --depth == 0) return i;
            }
            return -1;
        }

        private bool IsListItem(int s, int lineEnd)
        {
            if (s < lineEnd && text[s] is '-' or '*' or '+') return s + 1 >= lineEnd || text[s + 1] is ' ' or '\t';
            int i = s;
            while (i < lineEnd && i - s < 9 && char.IsAsciiDigit(text[i])) i++;
            return i > s && i < lineEnd && text[i] is '.' or ')' && (i + 1 >= lineEnd || text[i + 1] is ' ' or '\t');
        }

        private string? ReferenceDefinition(int s, int lineEnd)
        {
            if (text[s] != '[') return null;
            int close = text.IndexOf(']', s + 1, lineEnd - s - 1);
            if (close <= s + 1 || close + 1 >= lineEnd || text[close + 1] != ':') return null;
            if (IsBlank(close + 2, lineEnd)) return null;
            return KindText.Fold(text[(s + 1)..close].Trim());
        }
    }
}
