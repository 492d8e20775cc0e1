using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Matching;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// kind: signature-id. The signature (RULES.md 4a: the last block of the body that starts with a
/// closing line, "Sincerely," "Best regards," "Thank you," alone on a line, through the end) names
/// no applicant id: an AAMC / ERAS / NRMP label followed by "ID", "#", "No." or an 8-digit number.
/// The finding covers the signature, or the body's last line when there is none. The fix adds the
/// line <c>insert</c> (default "AAMC ID: {aamc_id}") under the signature; it is safe only when the
/// profile has an AAMC ID. Text inside HTML comments and code does not count.
///
/// Fields: closings (patterns that must cover a whole line), labels (words that introduce an id;
/// default aamc, eras, nrmp), insert.
/// </summary>
public sealed class SignatureIdRule : PackRule
{
    private static readonly HashSet<string> IdWords = new(StringComparer.Ordinal) { "id", "no", "number", "identifier", "code", "num" };

    private readonly ImmutableArray<Pattern> _closings;
    private readonly ImmutableHashSet<string> _labels;
    private readonly string _insert;

    private SignatureIdRule(RuleCommon common, ImmutableArray<Pattern> closings, ImmutableHashSet<string> labels, string insert) : base(common)
    {
        _closings = closings;
        _labels = labels;
        _insert = insert;
    }

    public static Rule? Create(RuleCommon common, RuleYaml yaml)
    {
        var closings = common.ReadPatterns(yaml, "closings");
        if (closings.IsEmpty) yaml.Error(yaml.Node, "a signature-id rule needs 'closings': patterns for the lines that open a signature");
        var labels = yaml.GetStrings("labels").Select(l => KindText.Fold(l.Value.Trim())).ToImmutableHashSet(StringComparer.Ordinal);
        if (labels.IsEmpty) labels = ["aamc", "eras", "nrmp"];
        string insert = yaml.GetString("insert") ?? "AAMC ID: {aamc_id}";
        foreach (var unknown in Placeholders.Unknown(insert))
            yaml.Error(yaml.Get("insert"), $"unknown slot '{{{unknown}}}' in '{insert}'; the slots are {string.Join(", ", Placeholders.Known.Order())}");
        return new SignatureIdRule(common, closings, labels, insert);
    }

    public override void CheckDocument(DocumentContext context, FindingSink sink)
    {
        if (!Applies(context)) return;
        var draft = context.Draft;
        var text = draft.Text;
        var body = draft.BodySpan;
        if (body.Start >= text.Length || body.IsEmpty) return;
        var regions = BodyRegions.Of(context);
        var lines = ContentLines(text, body, regions);
        if (lines.Count == 0) return;
        int closing = -1;
        for (int i = lines.Count - 1; i >= 0; i--)
        {
            if (!IsClosingLine(text, lines[i])) continue;
            closing = i;
            break;
        }
        if (closing >= 0 && HasApplicantId(text, lines, closing, regions)) return;

        var last = lines[^1];
        var span = closing >= 0 ? TextSpan.FromBounds(lines[closing].Start, last.End) : last;
        sink.Report(draft.DocumentId, span, Placeholders.Fill(Info.Message, context), SeverityFor(context), [BuildFix(context, last)]);
    }

    private Fix BuildFix(DocumentContext context, TextSpan lastLine)
    {
        string line = Placeholders.Fill(_insert, context);
        bool safe = !string.IsNullOrWhiteSpace(context.Config.Profile.AamcId);
        var edit = new TextEdit(new TextSpan(lastLine.End, 0), KindText.LineBreak(context.Draft.Text) + line);
        return new Fix($"Add \"{KindText.Shorten(line)}\" to the signature", [edit], IsPreferred: true, IsSafe: safe);
    }

    /// <summary>The body's non-blank lines (trimmed), skipping lines wholly inside comments or code.</summary>
    private static List<TextSpan> ContentLines(string text, TextSpan body, BodyRegions regions)
    {
        var lines = new List<TextSpan>();
        int pos = body.Start;
        int end = Math.Min(body.End, text.Length);
        while (pos < end)
        {
            int lineEnd = Math.Min(KindText.LineEnd(text, pos), end);
            var trimmed = KindText.TrimSpan(text, pos, lineEnd);
            if (!trimmed.IsEmpty && regions.Allowed(trimmed.Start, trimmed.End).Any(s => !KindText.TrimSpan(text, s.Start, s.End).IsEmpty))
                lines.Add(trimmed);
            int next = KindText.NextLineStart(text, lineEnd);
            pos = next > pos ? next : pos + 1;
        }
        return lines;
    }

    /// <summary>A line whose words are exactly a closing ("Best regards,", "Thank you,"), ending in , . ! or nothing.</summary>
    private bool IsClosingLine(string text, TextSpan line)
    {
        if (line.Length > 80) return false;
        string s = text.Substring(line.Start, line.Length).Trim('*', '_', ' ', '\t');
        if (s.Length == 0) return false;
        char last = s[^1];
        if (!(char.IsLetter(last) || last is ',' or '.' or '!')) return false;
        var tokens = Tokenizer.Tokenize(s);
        if (tokens.Any(t => t.Kind == TokenKind.Symbol && t.Norm is not ("." or "!" or "'")) || tokens.Count(t => t.Kind == TokenKind.Break) > 1) return false;
        // "Best regards," alone, or "Best regards, Ritika Sharma": the closing, then at most a short capitalised name.
        int comma = tokens.FindIndex(t => t.Kind == TokenKind.Break);
        var closing = tokens.Take(comma < 0 ? tokens.Count : comma).Where(t => t.Kind is TokenKind.Word or TokenKind.Number).ToArray();
        if (comma >= 0)
        {
            var rest = tokens.Skip(comma + 1).Where(t => t.Kind is TokenKind.Word or TokenKind.Number).ToList();
            if (rest.Count > 4 || rest.Any(t => !char.IsUpper(s[t.Start]))) return false;
        }
        if (closing.Length == 0 || closing.Length > 8) return false;
        foreach (var p in _closings)
            if (p.Match(closing) is { Start: 0 } hit && hit.End == closing.Length) return true;
        return false;
    }

    /// <summary>An id label ("AAMC ID", "ERAS #", "NRMP No.") or a label followed by an 8-digit number, in the signature.</summary>
    private bool HasApplicantId(string text, List<TextSpan> lines, int from, BodyRegions regions)
    {
        for (int i = from; i < lines.Count; i++)
        {
            foreach (var segment in regions.Allowed(lines[i].Start, lines[i].End))
            {
                var tokens = Tokenizer.Tokenize(text.Substring(segment.Start, segment.Length));
                for (int t = 0; t < tokens.Count; t++)
                {
                    if (tokens[t].Kind != TokenKind.Word || !_labels.Contains(KindText.Fold(tokens[t].Norm))) continue;
                    for (int k = t + 1; k < tokens.Count && k <= t + 3; k++)
                    {
                        var next = tokens[k];
                        if (next.Kind == TokenKind.Word && IdWords.Contains(next.Norm)) return true;
                        if (next.Norm == "#" || next.Norm.StartsWith('#')) return true;
                        if (next.Kind == TokenKind.Number && next.Norm.Count(char.IsAsciiDigit) >= 7) return true;
                        if (next.Kind == TokenKind.Word) break;
                    }
                }
            }
        }
        return false;
    }
}
