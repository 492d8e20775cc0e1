using System.Collections.Immutable;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;
using OutreachLsp.Core.Yaml;

namespace OutreachLsp.Core.Drafts;

/// <summary>
/// Parses a draft: YAML front matter into <see cref="FrontMatter"/>, the Markdown body into
/// <see cref="ProseBlock"/>s and control comments. Never throws; problems become
/// <see cref="Draft.ParseFindings"/>.
/// </summary>
/// <remarks>
/// Front matter starts with a first line <c>---</c> and ends at the next line that is exactly
/// <c>---</c> or <c>...</c> (trailing spaces allowed; line breaks "\n", "\r\n" or "\r").
/// Front matter that never closes is reported on its opening fence; the draft then has no
/// metadata and its body is the whole text, but the lines from the fence to the first blank line
/// (the would-be metadata) are not read as prose, so "program: X" lines do not trip prose rules.
/// </remarks>
public static class DraftParser
{
    /// <summary>
    /// Built once: a pipeline is immutable and thread-safe. Precise source locations make inline
    /// spans exact; pipe tables give cells their own blocks; auto-links turn bare URLs into links
    /// so their text is not read as prose.
    /// </summary>
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    /// <summary>Parses <paramref name="text"/> (the unmodified document) as the draft <paramref name="documentId"/>.</summary>
    public static Draft Parse(string documentId, string text) => Parse(documentId, text, ImmutableArray<Finding>.Empty);

    /// <summary>
    /// Decodes a file's bytes (<see cref="DraftDecoder"/>) and parses them. Returns a null draft when the
    /// file is not linted (binary, too large); decoding problems are in the draft's
    /// <see cref="Draft.ParseFindings"/> when there is a draft, and always in <c>Problems</c>.
    /// </summary>
    public static (Draft? Draft, ImmutableArray<Finding> Problems) ParseBytes(string documentId, byte[] bytes)
    {
        var (text, problems, skip) = DraftDecoder.Decode(bytes, documentId);
        if (skip) return (null, problems);
        return (Parse(documentId, text, problems), problems);
    }

    internal static Draft Parse(string documentId, string text, ImmutableArray<Finding> extraFindings)
    {
        documentId ??= string.Empty;
        text ??= string.Empty;
        var source = new SourceText(text);
        try
        {
            return ParseCore(documentId, source, extraFindings);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug, not an input problem; the server must keep running, so it is reported on the draft.
            return new Draft
            {
                DocumentId = documentId,
                Source = source,
                BodySpan = new TextSpan(0, text.Length),
                ParseFindings = extraFindings.Add(new Finding(WellKnownRuleIds.Input, Severity.Error, documentId, new TextSpan(0, 0),
                    $"Internal error while reading this draft ({ex.GetType().Name}: {ex.Message}); it was not linted. Please report it.")),
            };
        }
    }

    private static Draft ParseCore(string documentId, SourceText source, ImmutableArray<Finding> extraFindings)
    {
        string text = source.Text;
        var findings = ImmutableArray.CreateBuilder<Finding>();
        findings.AddRange(extraFindings);

        var layout = FrontMatterLayout.Locate(text);
        FrontMatter meta = FrontMatter.Empty;
        TextSpan? frontMatterSpan = null;
        int bodyStart = 0;
        int proseStart = 0; // prose before this offset is not read (unclosed front matter)
        if (layout.Present && layout.Closed)
        {
            var yaml = SafeYaml.Parse(text, layout.ContentStart, layout.ContentEnd, documentId, WellKnownRuleIds.FrontMatter, SafeYamlLimits.FrontMatter);
            findings.AddRange(yaml.Problems);
            meta = FrontMatterReader.Read(yaml.Root, documentId, findings);
            frontMatterSpan = TextSpan.FromBounds(layout.FenceStart, layout.BlockEnd);
            bodyStart = layout.BlockEnd;
        }
        else if (layout.Present)
        {
            findings.Add(new Finding(WellKnownRuleIds.FrontMatter, Severity.Error, documentId, new TextSpan(layout.FenceStart, 3),
                "Front matter starts here but is never closed: add a line '---' after the last field. Until then the metadata is not read, and the lines up to the first blank line are not linted."));
            proseStart = FrontMatterLayout.FirstBlankLineAfter(text, layout.ContentStart);
        }

        var walker = new BodyWalker(documentId, source, bodyStart, proseStart);
        walker.Run(findings);

        return new Draft
        {
            DocumentId = documentId,
            Source = source,
            Meta = meta,
            FrontMatterSpan = frontMatterSpan,
            BodySpan = TextSpan.FromBounds(bodyStart, text.Length),
            Prose = walker.Prose,
            Directives = walker.Directives,
            ParseFindings = findings.ToImmutable(),
        };
    }

    /// <summary>Where the front matter is, found by a linear scan of lines.</summary>
    internal readonly record struct FrontMatterLayout(bool Present, bool Closed, int FenceStart, int ContentStart, int ContentEnd, int BlockEnd)
    {
        public static FrontMatterLayout Locate(string text)
        {
            int i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            if (!text.AsSpan(i).StartsWith("---", StringComparison.Ordinal)) return default;
            int eol = SkipSpaces(text, i + 3);
            if (eol < text.Length && text[eol] is not '\r' and not '\n') return default; // "----" or "--- x" is Markdown
            int contentStart = AfterLineBreak(text, eol);
            int pos = contentStart;
            while (pos < text.Length)
            {
                int lineEnd = text.AsSpan(pos).IndexOfAny('\r', '\n');
                lineEnd = lineEnd < 0 ? text.Length : pos + lineEnd;
                var line = text.AsSpan(pos, lineEnd - pos).TrimEnd(" \t");
                if (line is "---" or "...")
                    return new FrontMatterLayout(true, true, i, contentStart, pos, AfterLineBreak(text, lineEnd));
                pos = AfterLineBreak(text, lineEnd);
            }
            return new FrontMatterLayout(true, false, i, contentStart, text.Length, text.Length);
        }

        /// <summary>The start of the first line at or after <paramref name="from"/> that is blank, else the text end.</summary>
        public static int FirstBlankLineAfter(string text, int from)
        {
            int pos = from;
            while (pos < text.Length)
            {
                int lineEnd = text.AsSpan(pos).IndexOfAny('\r', '\n');
                lineEnd = lineEnd < 0 ? text.Length : pos + lineEnd;
                if (text.AsSpan(pos, lineEnd - pos).IsWhiteSpace()) return pos;
                pos = AfterLineBreak(text, lineEnd);
            }
            return text.Length;
        }

        private static int SkipSpaces(string text, int i)
        {
            while (i < text.Length && text[i] is ' ' or '\t') i++;
            return i;
        }

        private static int AfterLineBreak(string text, int i)
        {
            if (i >= text.Length) return i;
            if (text[i] == '\r') return i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
            return text[i] == '\n' ? i + 1 : i;
        }
    }

    /// <summary>Walks the Markdig tree (iteratively: input depth must not become stack depth) and collects prose and directives.</summary>
    private sealed class BodyWalker
    {
        private readonly string _documentId;
        private readonly SourceText _source;
        private readonly string _text;
        private readonly int _offset;
        private readonly int _proseStart;
        private readonly ProseBuilder _builder;
        private readonly ImmutableArray<ProseBlock>.Builder _prose = ImmutableArray.CreateBuilder<ProseBlock>();
        private readonly ImmutableArray<ControlDirective>.Builder _directives = ImmutableArray.CreateBuilder<ControlDirective>();

        public BodyWalker(string documentId, SourceText source, int offset, int proseStart)
        {
            _documentId = documentId;
            _source = source;
            _text = source.Text;
            _offset = offset;
            _proseStart = proseStart;
            _builder = new ProseBuilder(_text);
        }

        public ImmutableArray<ProseBlock> Prose => _prose.ToImmutable();

        public ImmutableArray<ControlDirective> Directives => _directives.ToImmutable();

        public void Run(ImmutableArray<Finding>.Builder findings)
        {
            if (_offset >= _text.Length) return;
            string body = BlankPathologicalChunks(findings) ?? (_offset == 0 ? _text : _text.Substring(_offset));
            MarkdownDocument document;
            try
            {
                // Markdig reports offsets into the string it parsed; adding _offset makes them absolute.
                document = Markdown.Parse(body, Pipeline);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Markdig refuses absurdly nested input (thousands of '>' or list markers) with an
                // ArgumentException; any other failure of the library must not take the server down either.
                findings.Add(new Finding(WellKnownRuleIds.Input, Severity.Warning, _documentId, new TextSpan(_offset, 0),
                    $"The Markdown body could not be read ({ex.Message.TrimEnd('.')}); it was not linted."));
                return;
            }
            Walk(document);
        }

        /// <summary>Most '[' plus '*'/'_' runs a paragraph may hold before it is not read.</summary>
        internal const int MaxDelimitersPerParagraph = 1000;

        /// <summary>
        /// Markdig's inline parser is quadratic in the number of unmatched brackets and emphasis
        /// delimiters of one paragraph (20,000 "[a](" take seconds; a megabyte of them, minutes). No
        /// email has a thousand in one paragraph, so such paragraphs (runs of non-blank lines) are
        /// blanked out (spaces, line breaks kept: every offset stays the same) and reported. Returns
        /// the body to parse, or null when nothing had to change.
        /// </summary>
        private string? BlankPathologicalChunks(ImmutableArray<Finding>.Builder findings)
        {
            char[]? copy = null;
            int chunkStart = -1, count = 0;
            int pos = _offset;
            // Line by line, each line searched with vectorised scans (a long draft has a million characters).
            while (true)
            {
                int found = _text.AsSpan(pos).IndexOfAny('\r', '\n');
                int lineEnd = found < 0 ? _text.Length : pos + found;
                var line = _text.AsSpan(pos, lineEnd - pos);
                if (line.IndexOfAnyExcept(' ', '\t') < 0)
                {
                    // A line with nothing but spaces ends the chunk.
                    if (chunkStart >= 0) Flush(chunkStart, lineEnd);
                    chunkStart = -1;
                    count = 0;
                }
                else
                {
                    if (chunkStart < 0) chunkStart = pos;
                    count += CountDelimiters(line);
                }
                if (lineEnd >= _text.Length) break;
                pos = lineEnd + (_text[lineEnd] == '\r' && lineEnd + 1 < _text.Length && _text[lineEnd + 1] == '\n' ? 2 : 1);
            }
            if (chunkStart >= 0) Flush(chunkStart, _text.Length);
            if (copy is null) return null;
            return new string(copy);

            void Flush(int start, int end)
            {
                if (count <= MaxDelimitersPerParagraph) return;
                copy ??= _text.ToCharArray(_offset, _text.Length - _offset);
                for (int k = start; k < end; k++)
                    if (_text[k] is not '\r' and not '\n') copy[k - _offset] = ' ';
                findings.Add(new Finding(WellKnownRuleIds.Input, Severity.Warning, _documentId, new TextSpan(start, 0),
                    $"This paragraph has more than {MaxDelimitersPerParagraph:N0} brackets or emphasis markers; it looks generated and was not linted."));
            }
        }

        private static readonly System.Buffers.SearchValues<char> Delimiters = System.Buffers.SearchValues.Create("[*_");

        /// <summary>Every '[' and every run of '*' or '_' in one line.</summary>
        private static int CountDelimiters(ReadOnlySpan<char> line)
        {
            int count = 0;
            int k = line.IndexOfAny(Delimiters);
            while (k >= 0)
            {
                char c = line[k];
                if (c == '[' || k == 0 || line[k - 1] != c) count++;
                int next = line[(k + 1)..].IndexOfAny(Delimiters);
                k = next < 0 ? -1 : k + 1 + next;
            }
            return count;
        }

        /// <summary>The one conversion from a Markdig span (inclusive end, relative to the parsed string) to a document span.</summary>
        private TextSpan ToDocument(SourceSpan span)
        {
            if (span.Start < 0 || span.End < span.Start) return new TextSpan(Math.Clamp(_offset + Math.Max(0, span.Start), 0, _text.Length), 0);
            int start = Math.Min(_offset + span.Start, _text.Length);
            int end = Math.Min(_offset + span.End + 1, _text.Length);
            return TextSpan.FromBounds(start, Math.Max(start, end));
        }

        private void Walk(MarkdownDocument document)
        {
            var stack = new Stack<Block>();
            for (int i = document.Count - 1; i >= 0; i--) stack.Push(document[i]);
            while (stack.Count > 0)
            {
                var block = stack.Pop();
                switch (block)
                {
                    case QuoteBlock:                   // a quoted earlier message, not the applicant's words
                    case CodeBlock:                    // indented and fenced code
                    case ThematicBreakBlock:
                    case LinkReferenceDefinitionGroup:
                    case LinkReferenceDefinition:
                        continue;
                    case HtmlBlock html:
                        var span = ToDocument(html.Span);
                        ScanComments(span.Start, span.End);
                        continue;
                    case LeafBlock { Inline: { } inline } leaf:
                        AddProse(leaf, inline);
                        continue;
                    case ContainerBlock container:
                        for (int i = container.Count - 1; i >= 0; i--) stack.Push(container[i]);
                        continue;
                }
            }
        }

        private void AddProse(LeafBlock leaf, ContainerInline inline)
        {
            var blockSpan = ToDocument(leaf.Span);
            if (blockSpan.Start < _proseStart) return;
            _builder.Reset();
            WalkInlines(inline);
            var block = _builder.Build(blockSpan);
            if (block is not null) _prose.Add(block);
        }

        private readonly Stack<Inline> _resume = new();

        private void WalkInlines(ContainerInline root)
        {
            var resume = _resume;
            resume.Clear();
            Inline? node = root.FirstChild;
            while (node is not null || resume.Count > 0)
            {
                if (node is null)
                {
                    node = resume.Pop();
                    continue;
                }
                Inline? next = node.NextSibling;
                switch (node)
                {
                    case LiteralInline literal:
                        AppendLiteral(literal);
                        break;
                    case LineBreakInline lineBreak:
                        _builder.Break(BreakPosition(ToDocument(lineBreak.Span)));
                        break;
                    case HtmlEntityInline entity:
                        _builder.AppendText(entity.Transcoded.AsSpan(), ToDocument(entity.Span).Start);
                        break;
                    case HtmlInline html:
                        AppendHtml(html);
                        break;
                    case LinkInline link when link.IsImage || link.IsAutoLink:
                        _builder.Separator(ToDocument(link.Span).Start);
                        break;
                    case ContainerInline container when container.FirstChild is not null:
                        // Emphasis and link text: keep the children, drop the markers and the URL.
                        if (next is not null) resume.Push(next);
                        node = container.FirstChild;
                        continue;
                    default:
                        // Code spans, <autolinks> and anything unknown: dropped, but words stay apart.
                        _builder.Separator(ToDocument(node.Span).Start);
                        break;
                }
                node = next;
            }
        }

        private void AppendLiteral(LiteralInline literal)
        {
            var content = literal.Content;
            if (content.Length <= 0) return;
            var chars = content.Text.AsSpan(content.Start, content.Length);
            var span = ToDocument(literal.Span);
            var source = _text.AsSpan(span.Start, span.Length);
            if (source.SequenceEqual(chars))
            {
                _builder.AppendSource(span.Start, span.Length);
                return;
            }
            // Escapes ("\*"), table-cell padding: the content is a slice of the source span.
            int at = source.IndexOf(chars);
            if (at >= 0) _builder.AppendSource(span.Start + at, chars.Length);
            else _builder.AppendText(chars, span.Start); // e.g. NUL replaced by U+FFFD: best-effort mapping
        }

        private void AppendHtml(HtmlInline html)
        {
            var span = ToDocument(html.Span);
            string tag = html.Tag ?? string.Empty;
            if (tag.StartsWith("<!--", StringComparison.Ordinal))
            {
                ScanComments(span.Start, span.End);
                _builder.Separator(span.Start);
            }
            else if (IsPlaceholderTag(tag))
            {
                // "Dear <Name>," is an unfilled template slot, not HTML: keep it for the placeholder rule.
                _builder.AppendSource(span.Start, span.Length);
            }
            else
            {
                _builder.Separator(span.Start);
            }
        }

        /// <summary>The line-break character a hard or soft break stands on ("\\\n" breaks map to the "\n").</summary>
        private int BreakPosition(TextSpan span)
        {
            for (int i = span.Start; i < span.End; i++)
                if (_text[i] is '\r' or '\n') return i;
            return span.Start;
        }

        private void ScanComments(int start, int end)
        {
            int pos = start;
            while (pos < end)
            {
                int open = _text.IndexOf("<!--", pos, end - pos, StringComparison.Ordinal);
                if (open < 0) return;
                int innerStart = open + 4;
                int close = innerStart <= end ? _text.IndexOf("-->", innerStart, end - innerStart, StringComparison.Ordinal) : -1;
                int innerEnd = close < 0 ? end : close;
                int commentEnd = close < 0 ? end : close + 3;
                TryDirective(open, commentEnd, innerStart, innerEnd);
                pos = commentEnd;
            }
        }

        private void TryDirective(int commentStart, int commentEnd, int innerStart, int innerEnd)
        {
            var inner = _text.AsSpan(innerStart, Math.Max(0, innerEnd - innerStart)).Trim();
            if (!inner.StartsWith("outreach-", StringComparison.OrdinalIgnoreCase)) return;
            var words = new List<string>();
            foreach (var range in inner.SplitAny(" \t\r\n,"))
            {
                var word = inner[range];
                if (!word.IsEmpty) words.Add(word.ToString().ToLowerInvariant());
            }
            if (words.Count == 0) return;
            ControlKind? kind = words[0] switch
            {
                "outreach-disable" => ControlKind.Disable,
                "outreach-enable" => ControlKind.Enable,
                "outreach-disable-next-line" => ControlKind.DisableNextLine,
                _ => null,
            };
            if (kind is null) return;
            var ids = words.Count == 1 ? ImmutableArray<string>.Empty : [.. words.Skip(1)];
            _directives.Add(new ControlDirective(kind.Value, ids, TextSpan.FromBounds(commentStart, commentEnd), _source.Lines.GetLine(commentStart)));
        }

        private static bool IsPlaceholderTag(string tag)
        {
            if (tag.Length < 3 || tag[0] != '<' || !char.IsAsciiLetter(tag[1])) return false;
            int end = 1;
            while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] == '-')) end++;
            var name = tag.AsSpan(1, end - 1);
            // Capitalised names (<Name>, <Program Name>) are template slots even when they spell an element.
            return char.IsAsciiLetterUpper(name[0]) || !HtmlElements.Contains(name.ToString().ToLowerInvariant());
        }

        private static readonly HashSet<string> HtmlElements = new(StringComparer.Ordinal)
        {
            "a", "abbr", "address", "area", "article", "aside", "audio", "b", "bdi", "bdo", "big", "blockquote", "body", "br",
            "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn",
            "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend",
            "li", "link", "main", "map", "mark", "math", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option",
            "output", "p", "param", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "section",
            "select", "slot", "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table",
            "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul",
            "var", "video", "wbr",
        };
    }

    /// <summary>
    /// Accumulates one block's prose text and the piece table that maps it back to the document.
    /// A piece maps a run of text linearly onto the source; contiguous runs share one piece.
    /// </summary>
    private sealed class ProseBuilder(string document)
    {
        private readonly System.Text.StringBuilder _text = new();
        private readonly List<int> _textStarts = new();
        private readonly List<int> _sourceStarts = new();
        private int _pendingSeparator = -1;
        private bool _lastSealed;  // the last piece is a synthesized space or decoded text: never extend it
        private bool _afterBreak;  // the last character is the space that stands for a line break

        public void Reset()
        {
            _text.Clear();
            _textStarts.Clear();
            _sourceStarts.Clear();
            _pendingSeparator = -1;
            _lastSealed = false;
            _afterBreak = false;
        }

        /// <summary>Appends document[start, start+length) verbatim.</summary>
        public void AppendSource(int start, int length)
        {
            if (_text.Length == 0 || _afterBreak)
            {
                // Block starts and continuation lines never begin with spaces.
                while (length > 0 && document[start] is ' ' or '\t') { start++; length--; }
            }
            if (length <= 0) return;
            FlushSeparator(document[start]);
            AddPiece(start, sealNew: false);
            _text.Append(document, start, length);
            _afterBreak = false;
        }

        /// <summary>Appends text that is not a verbatim slice (a decoded entity), mapped linearly from <paramref name="source"/>.</summary>
        public void AppendText(ReadOnlySpan<char> chars, int source)
        {
            if (chars.IsEmpty) return;
            FlushSeparator(chars[0]);
            AddPiece(source, sealNew: true);
            _text.Append(chars);
            _afterBreak = false;
        }

        /// <summary>Something was dropped at <paramref name="source"/>: if words meet across it, a space goes between them.</summary>
        public void Separator(int source)
        {
            if (_pendingSeparator < 0) _pendingSeparator = source;
        }

        /// <summary>A soft or hard line break: one space, mapped onto the line-break character.</summary>
        public void Break(int source)
        {
            _pendingSeparator = -1;
            TrimEnd();
            if (_text.Length == 0) return;
            AddPiece(source, sealNew: true);
            _text.Append(' ');
            _afterBreak = true;
        }

        public ProseBlock? Build(TextSpan blockSpan)
        {
            TrimEnd();
            if (_text.Length == 0) return null;
            return new ProseBlock(_text.ToString(), [.. _textStarts], [.. _sourceStarts], blockSpan);
        }

        private void FlushSeparator(char next)
        {
            if (_pendingSeparator < 0) return;
            int source = _pendingSeparator;
            _pendingSeparator = -1;
            if (_text.Length == 0 || char.IsWhiteSpace(_text[^1]) || char.IsWhiteSpace(next)) return;
            AddPiece(source, sealNew: true);
            _text.Append(' ');
        }

        private void AddPiece(int source, bool sealNew)
        {
            int at = _text.Length;
            int last = _textStarts.Count - 1;
            if (last >= 0 && _textStarts[last] == at)
            {
                _sourceStarts[last] = source; // the previous piece ended up empty: reuse it
            }
            else if (sealNew || _lastSealed || last < 0 || _sourceStarts[last] + (at - _textStarts[last]) != source)
            {
                _textStarts.Add(at);
                _sourceStarts.Add(source);
            }
            _lastSealed = sealNew;
        }

        private void TrimEnd()
        {
            int n = _text.Length;
            while (n > 0 && _text[n - 1] is ' ' or '\t') n--;
            if (n == _text.Length) return;
            _text.Length = n;
            while (_textStarts.Count > 0 && _textStarts[^1] >= n)
            {
                _textStarts.RemoveAt(_textStarts.Count - 1);
                _sourceStarts.RemoveAt(_sourceStarts.Count - 1);
            }
            _afterBreak = false;
            _lastSealed = true; // the piece now last may be cut short: do not extend it
        }
    }
}
