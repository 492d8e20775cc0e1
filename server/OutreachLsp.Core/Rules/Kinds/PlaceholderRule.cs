using System.Collections.Immutable;
using System.Text;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;
using YamlDotNet.RepresentationModel;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// kind: placeholder. Template tokens left in the body or the <c>subject</c> field:
/// <c>[Program Name]</c>, <c>[specific …]</c>, <c>[X] days</c>, <c>{{last_name}}</c>, <c>{program}</c>,
/// <c>&lt;Name&gt;</c>, and the upper-case <c>words</c> (TODO, TBD, runs of X...). The body is read
/// as source (prose drops inline HTML and code), skipping <see cref="BodyRegions"/>: HTML comments,
/// code, <c>&gt;</c> quotes, link destinations. Not placeholders: link texts <c>[text](url)</c> and
/// <c>[text][ref]</c>, defined reference labels, <c>[1]</c>-style references and footnotes, task boxes
/// at the start of a line, real HTML tags, autolinks, and the <c>allow</c> list (<c>[sic]</c>...).
///
/// Fields: <c>words</c> (upper-case words; a word of one repeated character, like XXX, also matches
/// longer runs), <c>allow</c> (bracket contents that are not placeholders), <c>fills</c> (slot →
/// placeholder names it fills: program, institution, specialty, applicant, aamc_id, to_surname,
/// to_name), <c>subject</c> (scan the subject field, default true). The message may use
/// <c>{placeholder}</c> for the token found.
/// </summary>
public sealed class PlaceholderRule : PackRule
{
    private static readonly HashSet<string> HtmlTags = new(StringComparer.Ordinal)
    {
        "a", "abbr", "address", "article", "aside", "audio", "b", "big", "blockquote", "body", "br", "button", "caption", "center", "cite", "code",
        "col", "colgroup", "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "li", "link", "main", "mark", "meta", "nav",
        "ol", "option", "p", "picture", "pre", "q", "s", "samp", "section", "select", "small", "source", "span", "strike", "strong", "style", "sub",
        "summary", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "tt", "u", "ul", "var", "video", "wbr",
    };

    private static readonly string[] FillSlots = ["program", "institution", "specialty", "applicant", "aamc_id", "to_surname", "to_name"];

    private readonly ImmutableArray<string> _words;
    private readonly bool[] _repeated; // the word is one character repeated (XXX, ####): longer runs match too
    private readonly System.Buffers.SearchValues<char> _starts;
    private readonly HashSet<string> _allow;
    private readonly Dictionary<string, string> _fills; // normalized placeholder name → slot
    private readonly bool _subject;

    private PlaceholderRule(RuleCommon common, ImmutableArray<string> words, HashSet<string> allow, Dictionary<string, string> fills, bool subject) : base(common)
    {
        _words = words;
        _repeated = words.Select(w => w.Length >= 2 && w.All(ch => ch == w[0])).ToArray();
        // Where a placeholder can begin: a delimiter, or the first letter of a placeholder word.
        _starts = System.Buffers.SearchValues.Create(new string([.. "[{<#", .. words.Where(w => w.Length > 0).Select(w => w[0]).Distinct()]));
        _allow = allow;
        _fills = fills;
        _subject = subject;
    }

    public static Rule? Create(RuleCommon common, RuleYaml yaml)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        foreach (var (word, node) in yaml.GetStrings("words"))
        {
            if (word.Length == 0 || word.Any(char.IsWhiteSpace)) yaml.Error(node, $"'{word}' must be a single word");
            else words.Add(word);
        }
        var allow = new HashSet<string>(yaml.GetStrings("allow").Select(a => Normalize(a.Value)), StringComparer.Ordinal);
        var fills = new Dictionary<string, string>(StringComparer.Ordinal);
        var fillMap = yaml.GetMapping("fills");
        if (fillMap is not null)
        {
            foreach (var (key, value) in fillMap.Children)
            {
                string? slot = (key as YamlScalarNode)?.Value;
                if (slot is null || !FillSlots.Contains(slot))
                {
                    yaml.Error(key, $"unknown fill slot '{slot}'; the slots are {string.Join(", ", FillSlots)}");
                    continue;
                }
                foreach (var (name, _) in yaml.ReadStrings(value, "fills." + slot)) fills[Normalize(name)] = slot;
            }
        }
        bool subject = yaml.GetBool("subject") ?? true;
        return new PlaceholderRule(common, words.ToImmutable(), allow, fills, subject);
    }

    public override void CheckDocument(DocumentContext context, FindingSink sink)
    {
        if (!Applies(context)) return;
        var draft = context.Draft;
        var text = draft.Text;
        var severity = SeverityFor(context);
        if (_subject && draft.Meta.GetField("subject") is { } subjectField && subjectField.ValueSpan.End <= text.Length)
        {
            var value = subjectField.ValueSpan;
            foreach (var hit in ScanSegment(text, value.Start, value.End, value.Start, regions: null))
                Report(context, sink, severity, hit, subject: value);
        }
        var body = draft.BodySpan;
        if (body.IsEmpty || body.Start >= text.Length) return;
        var regions = BodyRegions.Of(context);
        int pos = body.Start;
        int end = Math.Min(body.End, text.Length);
        while (pos < end)
        {
            int lineEnd = Math.Min(KindText.LineEnd(text, pos), end);
            int taskBox = TaskBoxPosition(text, pos, lineEnd);
            foreach (var segment in regions.Allowed(pos, lineEnd))
                foreach (var hit in ScanSegment(text, segment.Start, segment.End, taskBox, regions))
                    Report(context, sink, severity, hit, subject: null);
            int next = KindText.NextLineStart(text, lineEnd);
            pos = next > pos ? next : pos + 1;
        }
    }

    private void Report(DocumentContext context, FindingSink sink, Severity severity, (TextSpan Span, string Name) hit, TextSpan? subject)
    {
        var text = context.Draft.Text;
        string token = text.Substring(hit.Span.Start, hit.Span.Length);
        string message = Placeholders.Fill(Info.Message, context).Replace("{placeholder}", KindText.Shorten(token, 40), StringComparison.Ordinal);
        var fixes = ImmutableArray<Fix>.Empty;
        if (FillValue(context, hit.Name) is { } value)
        {
            string? replacement = subject is { } s ? EscapeForSubject(text, s, value) : value;
            if (replacement is not null)
                fixes = [new Fix($"Fill in \"{KindText.Shorten(value)}\"", [new TextEdit(hit.Span, replacement)], IsPreferred: true, IsSafe: true)];
        }
        sink.Report(context.Draft.DocumentId, hit.Span, message, severity, fixes);
    }

    /// <summary>The value a known placeholder stands for, when the draft or profile has it.</summary>
    private string? FillValue(DocumentContext context, string name)
    {
        if (!_fills.TryGetValue(Normalize(name), out var slot)) return null;
        var meta = context.Draft.Meta;
        var profile = context.Config.Profile;
        string? value = slot switch
        {
            "program" => meta.Program,
            "institution" => meta.Institution,
            "specialty" => meta.Specialty ?? profile.Specialty,
            "applicant" => profile.Name,
            "aamc_id" => profile.AamcId,
            "to_surname" => PersonName.Parse(meta.ToName)?.Surname,
            "to_name" => meta.ToName,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>A value for inside the YAML subject scalar, or null when it cannot be written there safely.</summary>
    private static string? EscapeForSubject(string text, TextSpan valueSpan, string value)
    {
        char first = valueSpan.Length > 0 ? text[valueSpan.Start] : '\0';
        if (value.Contains('\n') || value.Contains('\r')) return null;
        if (first == '"') return value.Replace("\\", "\\\\").Replace("\"", "\\\"");
        if (first == '\'') return value.Replace("'", "''");
        if (value.Contains(": ") || value.Contains(" #") || value.EndsWith(':')) return null;
        return value;
    }

    /// <summary>The offset where a task box may stand on this line ("- [ ] ...", "[x] ..."), or -1.</summary>
    private static int TaskBoxPosition(string text, int lineStart, int lineEnd)
    {
        int i = lineStart;
        while (i < lineEnd && text[i] is ' ' or '\t') i++;
        int afterMarker = i;
        if (i < lineEnd && text[i] is '-' or '*' or '+') afterMarker = i + 1;
        else
        {
            int d = i;
            while (d < lineEnd && char.IsAsciiDigit(text[d])) d++;
            if (d > i && d < lineEnd && text[d] is '.' or ')') afterMarker = d + 1;
        }
        if (afterMarker != i)
        {
            if (afterMarker >= lineEnd || text[afterMarker] is not (' ' or '\t')) return i;
            while (afterMarker < lineEnd && text[afterMarker] is ' ' or '\t') afterMarker++;
            return afterMarker;
        }
        return i;
    }

    /// <summary>Placeholders in [from, to): spans and the name inside the delimiters.</summary>
    private IEnumerable<(TextSpan Span, string Name)> ScanSegment(string text, int from, int to, int taskBox, BodyRegions? regions)
    {
        int i = from;
        while (i < to)
        {
            // Skip to the next character that can begin a placeholder. A word placeholder must start
            // at a word boundary, which the checks below test, so landing inside a word is harmless.
            int skip = text.AsSpan(i, to - i).IndexOfAny(_starts);
            if (skip < 0) yield break;
            i += skip;
            char c = text[i];
            switch (c)
            {
                case '[':
                {
                    int j = i + 1;
                    while (j < to && text[j] is not (']' or '[')) j++;
                    if (j >= to) { i++; continue; }
                    if (text[j] == '[') { i = j; continue; }
                    char after = j + 1 < text.Length ? text[j + 1] : '\0';
                    string inner = text[(i + 1)..j];
                    bool isLink = after is '(' or '[' || (i > 0 && text[i - 1] == '!');
                    if (!isLink && !IsNotPlaceholder(inner, i == taskBox, regions))
                        yield return (TextSpan.FromBounds(i, j + 1), inner);
                    i = j + 1;
                    continue;
                }
                case '{':
                {
                    if (i + 1 < to && text[i + 1] == '{')
                    {
                        int close = text.IndexOf("}}", i + 2, to - (i + 2), StringComparison.Ordinal);
                        if (close > i + 2)
                        {
                            int end = close + 2;
                            while (end < to && text[end] == '}') end++;
                            yield return (TextSpan.FromBounds(i, end), text[(i + 2)..close].Trim('{', ' '));
                            i = end;
                            continue;
                        }
                        i += 2;
                        continue;
                    }
                    int k = i + 1;
                    while (k < to && k - i <= 41 && (char.IsLetterOrDigit(text[k]) || text[k] is '_' or ' ' or '\'' or '’' or '-' or '.')) k++;
                    if (k < to && text[k] == '}' && k > i + 1 && char.IsLetter(text[i + 1]))
                    {
                        yield return (TextSpan.FromBounds(i, k + 1), text[(i + 1)..k]);
                        i = k + 1;
                        continue;
                    }
                    i++;
                    continue;
                }
                case '<':
                {
                    if (i + 1 < to && char.IsLetter(text[i + 1]))
                    {
                        int k = i + 1;
                        while (k < to && k - i <= 61 && text[k] is not ('>' or '<' or '\n' or '\r')) k++;
                        if (k < to && text[k] == '>' && IsAnglePlaceholder(text[(i + 1)..k]))
                        {
                            yield return (TextSpan.FromBounds(i, k + 1), text[(i + 1)..k]);
                            i = k + 1;
                            continue;
                        }
                    }
                    i++;
                    continue;
                }
            }
            if (char.IsLetterOrDigit(c) || c == '#')
            {
                bool boundary = i == 0 || !(char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '_' or '#');
                int k = i;
                if (c == '#') while (k < to && text[k] == '#') k++;
                else while (k < to && (char.IsLetterOrDigit(text[k]) || text[k] == '_')) k++;
                bool endBoundary = k >= text.Length || !(char.IsLetterOrDigit(text[k]) || text[k] is '_' or '#');
                if (boundary && endBoundary && MatchesWord(text, i, k, out int end, to) && !(c == '#' && i == taskBox))
                {
                    yield return (TextSpan.FromBounds(i, end), text[i..end]);
                    i = end;
                    continue;
                }
                i = Math.Max(k, i + 1);
                continue;
            }
            i++;
        }
    }

    /// <summary>
    /// True when text[start, end) is one of the configured words; runs of a repeated-character word
    /// (XXX, ####) also match when longer, and "XXX-XXXX" is one placeholder.
    /// </summary>
    private bool MatchesWord(string text, int start, int end, out int matchEnd, int limit)
    {
        matchEnd = end;
        int length = end - start;
        for (int w = 0; w < _words.Length; w++)
        {
            string word = _words[w];
            bool repeated = _repeated[w];
            if (!repeated && length == word.Length && string.CompareOrdinal(text, start, word, 0, length) == 0) return true;
            if (repeated && length >= word.Length && AllChar(text, start, end, word[0]))
            {
                // Join "XXX-XXX-XXXX" and "XXX.XXX" into one placeholder.
                int e = end;
                while (e + 1 < limit && text[e] is '-' or '.' && text[e + 1] == word[0])
                {
                    int r = e + 1;
                    while (r < limit && text[r] == word[0]) r++;
                    if (r < text.Length && char.IsLetterOrDigit(text[r])) break;
                    e = r;
                }
                matchEnd = e;
                return true;
            }
        }
        return false;
    }

    private static bool AllChar(string text, int start, int end, char c)
    {
        for (int i = start; i < end; i++) if (text[i] != c) return false;
        return true;
    }

    private bool IsNotPlaceholder(string inner, bool atTaskBox, BodyRegions? regions)
    {
        string trimmed = inner.Trim();
        if (trimmed.Length == 0) return true;                                 // "[ ]", "[]"
        if (atTaskBox && trimmed is "x" or "X") return true;                    // "- [x] done"
        if (trimmed[0] is '^' or '!') return true;                               // footnotes, alerts
        if (trimmed.All(ch => char.IsAsciiDigit(ch) || ch is ',' or '-' or '–' or ' ')) return true; // [1], [2, 3], [4-6]
        if (trimmed.All(ch => ch is '.' or '…' or ' ')) return true;             // elision "[...]"
        if (trimmed.Length > 120) return true;                                   // prose in brackets, not a slot
        string normalized = Normalize(trimmed);
        if (_allow.Contains(normalized) || _allow.Contains(KindText.Fold(trimmed))) return true;
        if (regions is not null && regions.ReferenceLabels.Contains(KindText.Fold(trimmed))) return true;
        return false;
    }

    private static bool IsAnglePlaceholder(string content)
    {
        if (content.Length == 0 || content.Length > 60) return false;
        if (char.IsWhiteSpace(content[^1])) return false;
        bool spaced = content.Contains(' ');
        foreach (char ch in content)
        {
            // Tags with attributes, autolinks and addresses; a dot only in one word ("<example.org>").
            if (ch is '=' or '/' or ':' or '@' or '"' or '\\' or '!') return false;
            if (ch == '.' && !spaced) return false;
        }
        if (spaced || content.Contains('_') || content.Contains('\'') || content.Contains('’')) return true;
        return !HtmlTags.Contains(content.ToLowerInvariant());
    }

    /// <summary>"PD's Last_Name" → "pd last name": folded, possessives and punctuation dropped.</summary>
    internal static string Normalize(string name)
    {
        var folded = KindText.Fold(name);
        var sb = new StringBuilder(folded.Length);
        for (int i = 0; i < folded.Length; i++)
        {
            char ch = folded[i];
            if (ch == '\'' && i + 1 < folded.Length && folded[i + 1] == 's' && (i + 2 >= folded.Length || !char.IsLetterOrDigit(folded[i + 2]))) { i++; continue; }
            if (char.IsLetterOrDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }
        var result = sb.ToString().Trim();
        foreach (var prefix in new[] { "insert ", "enter ", "add " })
            if (result.StartsWith(prefix, StringComparison.Ordinal)) return result[prefix.Length..];
        return result;
    }
}
