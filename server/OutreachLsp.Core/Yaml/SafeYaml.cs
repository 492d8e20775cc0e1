using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OutreachLsp.Core.Yaml;

/// <summary>A node of a YAML document read by <see cref="SafeYaml"/>, with its span in the document.</summary>
public abstract class YNode
{
    private protected YNode(TextSpan span) => Span = span;

    /// <summary>The node in the original document (quotes, brackets and indicators included).</summary>
    public TextSpan Span { get; }

    /// <summary>
    /// How many nodes this node stands for when aliases are expanded (itself included). Aliases
    /// share the anchored node instead of copying it, so this may be far larger than the number
    /// of objects; <see cref="SafeYaml"/> refuses documents where it exceeds the budget.
    /// </summary>
    public long ExpandedSize { get; private protected set; } = 1;

    /// <summary>A short word for messages: "value", "list" or "mapping".</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar: the text as YAML reads it (quotes and escapes resolved). Values are never converted to numbers or booleans.</summary>
public sealed class YScalar : YNode
{
    internal YScalar(TextSpan span, string value, ScalarStyle style, string? tag) : base(span)
    {
        Value = value;
        Style = style;
        Tag = tag;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    /// <summary>The explicit tag (e.g. <c>tag:yaml.org,2002:str</c>), or null.</summary>
    public string? Tag { get; }

    /// <summary>True for an unquoted, untagged empty value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Tag is null && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => "value";

    public override string ToString() => Value;
}

/// <summary>A sequence (<c>[a, b]</c> or <c>- a</c> lines).</summary>
public sealed class YSequence : YNode
{
    internal YSequence(TextSpan span, ImmutableArray<YNode> items, long expandedSize) : base(span)
    {
        Items = items;
        ExpandedSize = expandedSize;
    }

    public ImmutableArray<YNode> Items { get; }

    public override string KindName => "list";
}

/// <summary>One <c>key: value</c> pair of a mapping, in document order.</summary>
public readonly record struct YEntry(YNode Key, YNode Value);

/// <summary>A mapping. Entries keep document order and duplicates (readers decide; the last one usually wins).</summary>
public sealed class YMapping : YNode
{
    internal YMapping(TextSpan span, ImmutableArray<YEntry> entries, long expandedSize) : base(span)
    {
        Entries = entries;
        ExpandedSize = expandedSize;
    }

    public ImmutableArray<YEntry> Entries { get; }

    public override string KindName => "mapping";
}

/// <summary>Limits that keep hostile YAML from exhausting time, stack or memory.</summary>
public sealed record SafeYamlLimits
{
    /// <summary>Front matter: a few dozen keys is normal.</summary>
    public static readonly SafeYamlLimits FrontMatter = new() { MaxDepth = 16, MaxExpandedNodes = 10_000, MaxChars = 256 * 1024 };

    /// <summary>.outreach.yaml.</summary>
    public static readonly SafeYamlLimits Config = new() { MaxDepth = 32, MaxExpandedNodes = 50_000, MaxChars = 1024 * 1024 };

    /// <summary>Rule-pack files, which may hold long phrase lists.</summary>
    public static readonly SafeYamlLimits RulePack = new() { MaxDepth = 64, MaxExpandedNodes = 200_000, MaxChars = 4 * 1024 * 1024 };

    /// <summary>Deepest nesting of lists and mappings accepted.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most nodes the document may stand for once aliases are expanded.</summary>
    public long MaxExpandedNodes { get; init; } = 100_000;

    /// <summary>Largest YAML text read, in UTF-16 code units.</summary>
    public int MaxChars { get; init; } = 1024 * 1024;
}

/// <summary>The result of <see cref="SafeYaml"/>.Parse: the first document's root (null when empty or refused) and the problems found.</summary>
public sealed record SafeYamlDocument(YNode? Root, ImmutableArray<Finding> Problems)
{
    /// <summary>True when the YAML could not be read (syntax error or a limit); <see cref="Root"/> is then null.</summary>
    public bool Failed { get; init; }
}

/// <summary>
/// The one place that reads YAML (front matter, .outreach.yaml, rule packs). It consumes YamlDotNet's
/// event stream and builds an immutable <see cref="YNode"/> tree itself, instead of using
/// YamlDotNet's RepresentationModel, because:
/// <list type="bullet">
/// <item>the event parser is iterative, so a depth limit checked per event stops a 10,000-deep
/// <c>[[[[</c> document after a few dozen events (YamlDotNet needs ~2 s for that document in full
/// and the RepresentationModel loads nodes recursively);</item>
/// <item>aliases become shared references whose expanded size is counted as they are met, so a
/// "billion laughs" document is refused after a bounded amount of work (the RepresentationModel
/// also hashes complex keys recursively, which an alias bomb turns exponential);</item>
/// <item>every mark is converted to a document offset in one function (<see cref="Builder.ToOffset"/>).
/// YamlDotNet's <c>Mark.Index</c> counts UTF-16 code units of the reader's input (a surrogate pair
/// counts 2, "\r\n" counts 2), which is exactly our offset unit; tests pin this with emoji and CRLF.</item>
/// </list>
/// Never throws: syntax errors and limits become located findings.
/// </summary>
public static class SafeYaml
{
    /// <summary>
    /// Reads the YAML in <paramref name="text"/>[<paramref name="start"/>, <paramref name="end"/>).
    /// Spans in the result are offsets into <paramref name="text"/>. Only the first document is read.
    /// </summary>
    public static SafeYamlDocument Parse(string text, int start, int end, string documentId, string ruleId, SafeYamlLimits? limits = null)
    {
        limits ??= new SafeYamlLimits();
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        if (end - start > limits.MaxChars)
        {
            var problem = new Finding(ruleId, Severity.Error, documentId, new TextSpan(start, 0),
                $"This YAML is {(end - start) / 1024} KB; more than {limits.MaxChars / 1024} KB is not read.");
            return new SafeYamlDocument(null, [problem]) { Failed = true };
        }
        return FlatMapping.TryRead(text, start, end) ?? new Builder(text, start, end, documentId, ruleId, limits).Run();
    }

    /// <summary>The full reader alone, without the flat-mapping fast path (tests compare the two).</summary>
    internal static SafeYamlDocument ParseWithYamlDotNet(string text, int start, int end, string documentId, string ruleId, SafeYamlLimits limits) =>
        new Builder(text, start, end, documentId, ruleId, limits).Run();

    /// <summary>Reads a whole file of YAML (a leading byte-order mark is skipped).</summary>
    public static SafeYamlDocument Parse(string text, string documentId, string ruleId, SafeYamlLimits? limits = null) =>
        Parse(text, text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0, text.Length, documentId, ruleId, limits);

    /// <summary>Turns YamlDotNet's scanner and parser messages into advice a non-programmer can act on.</summary>
    internal static string Humanize(string message)
    {
        string m = message;
        if (m.Contains("cannot start any token", StringComparison.Ordinal))
            return "This character cannot start a YAML value; put the whole value in quotes.";
        if (m.Contains("found invalid mapping", StringComparison.Ordinal) || m.Contains("Mapping values are not allowed", StringComparison.Ordinal))
            return "Unexpected ': '. A value that contains a colon must be in quotes (subject: \"Re: interview\").";
        if (m.Contains("could not find expected ':'", StringComparison.Ordinal))
            return "Expected 'key: value' here: the ':' is missing.";
        if (m.Contains("did not find expected key", StringComparison.Ordinal))
            return "Unexpected text: each line must be 'key: value', indented like the keys around it.";
        if (m.Contains("did not find expected '-' indicator", StringComparison.Ordinal))
            return "Unexpected text in a list: each item must start with '- ' at the same indentation.";
        if (m.Contains("quoted scalar", StringComparison.Ordinal)
            && (m.Contains("end of stream", StringComparison.Ordinal) || m.Contains("wrong indentation", StringComparison.Ordinal) || m.Contains("document indicator", StringComparison.Ordinal)))
            return "This quoted value is never closed: add the closing quote.";
        if (m.Contains("expected ',' or ']'", StringComparison.Ordinal))
            return "This [list] is missing a ',' between items or its closing ']'.";
        if (m.Contains("expected ',' or '}'", StringComparison.Ordinal))
            return "This {mapping} is missing a ',' between entries or its closing '}'.";
        if (m.Contains("tab character", StringComparison.Ordinal))
            return "YAML does not allow tabs for indentation; use spaces.";
        if (m.Contains("expected node content", StringComparison.Ordinal))
            return "A value is missing here.";
        if (m.Contains("expected <document end>", StringComparison.Ordinal) || m.Contains("expected <document start>", StringComparison.Ordinal))
            return "Unexpected text: is this line indented differently from the lines above it?";
        if (m.Contains("anchor or alias", StringComparison.Ordinal))
            return "'&' and '*' must be followed by a name; to write them literally, put the value in quotes.";
        if (m.Contains("unknown escape", StringComparison.OrdinalIgnoreCase) || m.Contains("escape sequence", StringComparison.OrdinalIgnoreCase))
            return "Unknown escape sequence in a double-quoted value; write '\\\\' for a backslash or use single quotes.";
        if (m.Contains("duplicate", StringComparison.OrdinalIgnoreCase))
            return "Duplicate " + m.TrimEnd('.') + ".";
        return "Invalid YAML: " + m.TrimEnd('.') + ".";
    }

    /// <summary>Builds the tree from parser events with an explicit stack; no recursion anywhere.</summary>
    private sealed class Builder
    {
        private readonly string _text;
        private readonly int _base;
        private readonly int _end;
        private readonly string _documentId;
        private readonly string _ruleId;
        private readonly SafeYamlLimits _limits;
        private readonly ImmutableArray<Finding>.Builder _problems = ImmutableArray.CreateBuilder<Finding>();
        private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<Frame> _stack = new();
        private long _expanded;
        private int _lastGoodOffset;

        public Builder(string text, int start, int end, string documentId, string ruleId, SafeYamlLimits limits)
        {
            _text = text;
            _base = start;
            _end = end;
            _documentId = documentId;
            _ruleId = ruleId;
            _limits = limits;
            _lastGoodOffset = start;
        }

        private sealed class Frame(bool isMapping, bool isFlow, int start, string? anchor)
        {
            public readonly bool IsMapping = isMapping;
            public readonly bool IsFlow = isFlow;
            public readonly int Start = start;
            public readonly string? Anchor = anchor;
            public readonly List<YNode> Children = new();
            public long Size = 1;
            public int LastEnd = start; // where the last child event ended (an alias's target lies elsewhere)
        }

        /// <summary>The single conversion from a YamlDotNet mark to a document offset.</summary>
        internal int ToOffset(Mark mark) => _base + (int)Math.Clamp(mark.Index, 0, _end - _base);

        public SafeYamlDocument Run()
        {
            var reader = new StringReader(_text.Substring(_base, _end - _base));
            var parser = new Parser(reader);
            YNode? root = null;
            try
            {
                while (parser.MoveNext())
                {
                    var ev = parser.Current;
                    if (ev is null) break;
                    if (ev is DocumentEnd && root is not null) break; // only the first document
                    YNode? completed = null;
                    switch (ev)
                    {
                        case Scalar scalar:
                            if (!Count(1, scalar)) return Refused();
                            completed = new YScalar(ScalarSpan(scalar), scalar.Value, scalar.Style, TagOf(scalar.Tag));
                            Register(scalar.Anchor, completed);
                            break;
                        case SequenceStart seq:
                            if (!Open(false, seq.Style == SequenceStyle.Flow, seq)) return Refused();
                            break;
                        case MappingStart map:
                            if (!Open(true, map.Style == MappingStyle.Flow, map)) return Refused();
                            break;
                        case SequenceEnd or MappingEnd:
                            completed = Close(ev);
                            break;
                        case AnchorAlias alias:
                            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                            {
                                Add(Severity.Error, Span(alias.Start, alias.End),
                                    $"Unknown alias '*{alias.Value.Value}': define '&{alias.Value.Value}' on an earlier value (an alias cannot refer to the value that contains it).");
                                return Refused();
                            }
                            if (!Count(target.ExpandedSize, alias)) return Refused();
                            // Collections are shared, never copied (their spans stay at the anchor). A scalar
                            // is cheap to copy, and the copy gets the alias's own span so findings on it land here.
                            completed = target is YScalar ts ? new YScalar(Span(alias.Start, alias.End), ts.Value, ts.Style, ts.Tag) : target;
                            break;
                    }
                    _lastGoodOffset = ToOffset(ev.End);
                    if (completed is null) continue;
                    if (_stack.Count == 0) root ??= completed;
                    else
                    {
                        var frame = _stack.Peek();
                        frame.Children.Add(completed);
                        frame.Size = SaturatingAdd(frame.Size, completed.ExpandedSize);
                        frame.LastEnd = ev is AnchorAlias ? ToOffset(ev.End) : completed.Span.End;
                    }
                }
            }
            catch (YamlException ex)
            {
                int s = ToOffset(ex.Start);
                int e = Math.Max(s, ToOffset(ex.End));
                var span = TextSpan.FromBounds(s, e);
                // YamlDotNet blames the mapping for a tab; point at the tab itself.
                if (ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FindIndentationTab(s) is int tab)
                    span = new TextSpan(tab, 1);
                Add(Severity.Error, Widen(span), Humanize(ex.Message));
                return Refused();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // YamlDotNet's scanner throws InvalidOperationException for some truncated input
                // (e.g. "a: [x, y" followed by more keys). Point at the unclosed collection if there is one.
                Frame? open = null;
                foreach (var f in _stack)
                    if (f.IsFlow) { open = f; break; }
                if (open is not null)
                    Add(Severity.Error, Widen(new TextSpan(open.Start, 0)), open.IsMapping
                        ? "This {mapping} is never closed: add the closing '}'."
                        : "This [list] is never closed: add the closing ']'.");
                else
                    Add(Severity.Error, Widen(new TextSpan(_lastGoodOffset, 0)), "Invalid YAML: the text cannot be read past this point.");
                return Refused();
            }
            return new SafeYamlDocument(root, _problems.ToImmutable());
        }

        /// <summary>
        /// Event marks include the node's properties ("&amp;anchor", "!tag"); spans start at the value itself,
        /// so a fix that replaces a value keeps its anchor.
        /// </summary>
        private int SkipProperties(int offset)
        {
            int i = offset;
            while (i < _end && _text[i] is '&' or '!')
            {
                while (i < _end && !char.IsWhiteSpace(_text[i])) i++;
                while (i < _end && _text[i] is ' ' or '\t') i++;
            }
            return i < _end && _text[i] is not '\r' and not '\n' ? i : offset;
        }

        /// <summary>The first tab in the leading whitespace of a line at or after <paramref name="from"/>.</summary>
        private int? FindIndentationTab(int from)
        {
            bool lineStart = true;
            for (int i = from; i < _end; i++)
            {
                char c = _text[i];
                if (c is '\r' or '\n') { lineStart = true; continue; }
                if (lineStart && c == '\t') return i;
                if (c != ' ') lineStart = false;
            }
            return null;
        }

        private SafeYamlDocument Refused() => new(null, _problems.ToImmutable()) { Failed = true };

        private bool Open(bool isMapping, bool isFlow, NodeEvent ev)
        {
            if (!Count(1, ev)) return false;
            if (_stack.Count >= _limits.MaxDepth)
            {
                Add(Severity.Error, Widen(Span(ev.Start, ev.Start)),
                    $"Lists and mappings are nested more than {_limits.MaxDepth} levels deep here; the YAML was not read.");
                return false;
            }
            _stack.Push(new Frame(isMapping, isFlow, SkipProperties(ToOffset(ev.Start)), ev.Anchor.IsEmpty ? null : ev.Anchor.Value));
            return true;
        }

        private YNode Close(ParsingEvent ev)
        {
            var frame = _stack.Pop();
            // A flow collection ends at its closing bracket; a block one at its last child, because
            // YamlDotNet puts the end mark of a block collection at the next key (after blank lines).
            int end = frame.IsFlow ? FlowEnd(ev) : frame.LastEnd;
            var span = TextSpan.FromBounds(frame.Start, Math.Max(frame.Start, end));
            YNode node;
            if (frame.IsMapping)
            {
                var entries = ImmutableArray.CreateBuilder<YEntry>(frame.Children.Count / 2);
                for (int i = 0; i + 1 < frame.Children.Count; i += 2)
                    entries.Add(new YEntry(frame.Children[i], frame.Children[i + 1]));
                node = new YMapping(span, entries.ToImmutable(), frame.Size);
            }
            else
            {
                node = new YSequence(span, [.. frame.Children], frame.Size);
            }
            Register(frame.Anchor, node);
            return node;
        }

        /// <summary>The offset just past the closing bracket (YamlDotNet's end mark may sit on the bracket itself).</summary>
        private int FlowEnd(ParsingEvent ev)
        {
            int start = ToOffset(ev.Start);
            if (start < _end && _text[start] is ']' or '}') return start + 1;
            return Math.Max(start, ToOffset(ev.End));
        }

        private void Register(AnchorName anchor, YNode node)
        {
            if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
        }

        private void Register(string? anchor, YNode node)
        {
            if (anchor is not null) _anchors[anchor] = node;
        }

        private bool Count(long nodes, ParsingEvent ev)
        {
            _expanded = SaturatingAdd(_expanded, nodes);
            if (_expanded <= _limits.MaxExpandedNodes) return true;
            Add(Severity.Error, Widen(Span(ev.Start, ev.End)),
                $"This YAML expands to more than {_limits.MaxExpandedNodes:N0} values (aliases repeating aliases?); it was not read.");
            return false;
        }

        private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

        private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

        /// <summary>Block scalars (| and >) end after their trailing line breaks; the span stops at the last character.</summary>
        private TextSpan ScalarSpan(Scalar scalar)
        {
            var span = Span(scalar.Start, scalar.End);
            if (!scalar.Anchor.IsEmpty || !scalar.Tag.IsEmpty)
                span = TextSpan.FromBounds(Math.Min(SkipProperties(span.Start), span.End), span.End);
            if (scalar.Style is not (ScalarStyle.Literal or ScalarStyle.Folded)) return span;
            int e = span.End;
            while (e > span.Start && char.IsWhiteSpace(_text[e - 1])) e--;
            return TextSpan.FromBounds(span.Start, e);
        }

        private TextSpan Span(Mark start, Mark end)
        {
            int s = ToOffset(start);
            return TextSpan.FromBounds(s, Math.Max(s, ToOffset(end)));
        }

        /// <summary>An empty error span is hard to see in an editor: widen it to the character there, if any.</summary>
        private TextSpan Widen(TextSpan span)
        {
            if (!span.IsEmpty) return span;
            int s = Math.Min(span.Start, _end);
            if (s < _end && _text[s] is not '\r' and not '\n') return new TextSpan(s, 1);
            return new TextSpan(s, 0);
        }

        private void Add(Severity severity, TextSpan span, string message) =>
            _problems.Add(new Finding(_ruleId, severity, _documentId, span, message));
    }
}

/// <summary>
/// A fast path for the YAML almost every draft's front matter is: one <c>key: value</c> per line at
/// the left margin, with plain or simply quoted values, blank lines and <c>#</c> comment lines.
/// Parsing that with YamlDotNet's scanner was a sixth of the time of a 300-word draft. Anything else
/// (an empty value, a list, a nested mapping, an escape, a comment after a value, a tab, a value
/// running onto the next line...) returns null and goes to the full reader. The result is the tree
/// the full reader builds, spans included; a test compares the two on every draft in the repository.
/// </summary>
internal static class FlatMapping
{
    public static SafeYamlDocument? TryRead(string text, int start, int end)
    {
        var entries = ImmutableArray.CreateBuilder<YEntry>();
        long size = 1;
        int pos = start;
        while (pos < end)
        {
            int lineEnd = pos;
            while (lineEnd < end && text[lineEnd] is not ('\n' or '\r')) lineEnd++;
            if (!ReadLine(text, pos, lineEnd, entries)) return null;
            pos = lineEnd;
            if (pos < end && text[pos] == '\r') pos++;
            if (pos < end && text[pos] == '\n') pos++;
        }
        if (entries.Count == 0) return null;
        var span = TextSpan.FromBounds(entries[0].Key.Span.Start, entries[^1].Value.Span.End);
        foreach (var e in entries) size += e.Key.ExpandedSize + e.Value.ExpandedSize;
        return new SafeYamlDocument(new YMapping(span, entries.ToImmutable(), size), ImmutableArray<Finding>.Empty);
    }

    private static bool ReadLine(string text, int start, int end, ImmutableArray<YEntry>.Builder entries)
    {
        int i = start;
        while (i < end && text[i] == ' ') i++;
        if (i == end) return true;                         // blank line
        if (i > start) return false;                       // indented: nested or continued
        if (text[i] == '#') return true;                   // comment line
        if (!(char.IsAsciiLetter(text[i]) || text[i] == '_')) return false;
        int keyEnd = i + 1;
        while (keyEnd < end && (char.IsAsciiLetterOrDigit(text[keyEnd]) || text[keyEnd] is '_' or '-')) keyEnd++;
        if (keyEnd >= end - 1 || text[keyEnd] != ':' || text[keyEnd + 1] != ' ') return false;
        int v = keyEnd + 2;
        while (v < end && text[v] == ' ') v++;
        if (v == end) return false;                        // empty value: the full reader decides its span
        int valueEnd = end;
        while (valueEnd > v && text[valueEnd - 1] == ' ') valueEnd--;
        YNode? value = text[v] == '[' ? FlowList(text, v, valueEnd) : Scalar(text, v, valueEnd, flow: false);
        if (value is null) return false;
        entries.Add(new YEntry(new YScalar(TextSpan.FromBounds(start, keyEnd), text[start..keyEnd], ScalarStyle.Plain, null), value));
        return true;
    }

    private static YScalar? Scalar(string text, int start, int end, bool flow) => text[start] switch
    {
        '"' => Quoted(text, start, end, '"', ScalarStyle.DoubleQuoted),
        '\'' => Quoted(text, start, end, '\'', ScalarStyle.SingleQuoted),
        _ => Plain(text, start, end, flow),
    };

    /// <summary>A one-line list of scalars: <c>[a, "b c", d]</c> (no nesting, no empty items).</summary>
    private static YSequence? FlowList(string text, int start, int end)
    {
        if (text[end - 1] != ']') return null;
        var items = ImmutableArray.CreateBuilder<YNode>();
        int i = start + 1;
        while (i < end - 1 && text[i] == ' ') i++;
        if (i < end - 1)
        {
            while (true)
            {
                // An item runs to the next ',' or the closing ']' (quoted items may not contain either).
                int itemEnd = i;
                while (itemEnd < end - 1 && text[itemEnd] != ',') itemEnd++;
                int trimmed = itemEnd;
                while (trimmed > i && text[trimmed - 1] == ' ') trimmed--;
                if (trimmed == i) return null;
                var item = Scalar(text, i, trimmed, flow: true);
                if (item is null) return null;
                items.Add(item);
                if (itemEnd == end - 1) break;
                i = itemEnd + 1;
                while (i < end - 1 && text[i] == ' ') i++;
                if (i == end - 1) return null;             // a trailing comma
            }
        }
        return new YSequence(TextSpan.FromBounds(start, end), items.ToImmutable(), 1 + items.Count);
    }

    private static YScalar? Plain(string text, int start, int end, bool flow)
    {
        if (!char.IsLetterOrDigit(text[start])) return null;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c is '\t' || char.IsControl(c)) return null;
            if (flow && c is ',' or '[' or ']' or '{' or '}' or ':' or '#' or '"' or '\'') return null;
            if (c == ':' && (i + 1 == end || text[i + 1] == ' ')) return null;
            if (c == '#' && text[i - 1] == ' ') return null;
        }
        return new YScalar(TextSpan.FromBounds(start, end), text[start..end], ScalarStyle.Plain, null);
    }

    private static YScalar? Quoted(string text, int start, int end, char quote, ScalarStyle style)
    {
        // The closing quote must end the line, with nothing to escape or fold inside.
        if (end - start < 2 || text[end - 1] != quote) return null;
        for (int i = start + 1; i < end - 1; i++)
        {
            char c = text[i];
            if (c == quote || c == '\\' || c == '\t' || char.IsControl(c) || c is ',' or '[' or ']') return null;
        }
        return new YScalar(TextSpan.FromBounds(start, end), text[(start + 1)..(end - 1)], style, null);
    }
}
