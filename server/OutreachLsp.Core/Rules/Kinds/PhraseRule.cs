using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Matching;
using OutreachLsp.Core.Text;
using YamlDotNet.RepresentationModel;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// kind: phrase. Fires on a sentence of the applicant's prose that matches one of the rule's
/// matchers, unless the match is negated or reported ("I am not asking where I rank", "my advisor
/// told me never to ask..."), an <c>unless</c> pattern matches the same sentence, or an
/// <c>unless_document</c> pattern matches anywhere in the draft. Fixes replace the sentence with
/// the rule's compliant wording, or delete it.
///
/// Fields: patterns (any one matches), match (entries {all: [patterns], question: bool}),
/// unless, unless_document, guard (default true), trigger_when + locate (fire on metadata alone),
/// rewrites (default: compliant), delete_fix, insert_after.
/// </summary>
public sealed class PhraseRule : PackRule
{
    private readonly SentenceMatcher _matcher;
    private readonly ImmutableArray<Pattern> _unlessDocument;
    private readonly ImmutableArray<(ConditionSet When, ImmutableArray<Pattern> Document, Severity Severity)> _severityWhenText;
    private readonly ConditionSet? _triggerWhen;
    private readonly ImmutableArray<string> _locate;
    private readonly ImmutableArray<string> _rewrites;
    private readonly bool _deleteFix;
    private readonly string? _insertAfter;
    private readonly ImmutableArray<(Pattern Pattern, string Replacement)> _swaps;

    private PhraseRule(RuleCommon common, SentenceMatcher matcher, ImmutableArray<Pattern> unlessDocument,
        ImmutableArray<(ConditionSet, ImmutableArray<Pattern>, Severity)> severityWhenText, ConditionSet? triggerWhen, ImmutableArray<string> locate,
        ImmutableArray<string> rewrites, bool deleteFix, string? insertAfter, ImmutableArray<(Pattern, string)> swaps) : base(common)
    {
        _swaps = swaps;
        _matcher = matcher;
        _unlessDocument = unlessDocument;
        _severityWhenText = severityWhenText;
        _triggerWhen = triggerWhen;
        _locate = locate;
        _rewrites = rewrites;
        _deleteFix = deleteFix;
        _insertAfter = insertAfter;
    }

    public SentenceMatcher Matcher => _matcher;

    public static Rule? Create(RuleCommon common, RuleYaml yaml)
    {
        var matcher = SentenceMatcher.Read(common, yaml);
        var trigger = yaml.Get("trigger_when") is { } triggerNode ? ConditionSet.Read(yaml, triggerNode, "trigger_when") : null;
        var locate = yaml.GetStrings("locate").Select(l => l.Value).ToImmutableArray();
        var swaps = ReadSwaps(common, yaml);
        if (matcher.IsEmpty && trigger is null && swaps.IsEmpty) yaml.Error(yaml.Node, "a phrase rule needs 'patterns' or 'match' (or 'trigger_when')");
        var unlessDocument = common.ReadPatterns(yaml, "unless_document");
        var rewrites = yaml.Get("rewrites") is null ? common.Info.Compliant : yaml.GetStrings("rewrites").Select(r => r.Value).ToImmutableArray();
        foreach (var r in rewrites)
            foreach (var unknown in Placeholders.Unknown(r))
                yaml.Error(yaml.Get("rewrites") ?? yaml.Get("compliant") ?? yaml.Node, $"unknown slot '{{{unknown}}}' in '{r}'; the slots are {string.Join(", ", Placeholders.Known.Order())}");
        bool deleteFix = yaml.GetBool("delete_fix") ?? false;
        string? insertAfter = yaml.GetString("insert_after");
        var severityWhenText = ReadSeverityWhenText(common, yaml);
        return new PhraseRule(common, matcher, unlessDocument, severityWhenText, trigger, locate, rewrites, deleteFix, insertAfter, swaps);
    }

    private static ImmutableArray<(Pattern, string)> ReadSwaps(RuleCommon common, RuleYaml yaml)
    {
        var seq = yaml.GetSequence("swaps");
        if (seq is null) return ImmutableArray<(Pattern, string)>.Empty;
        var result = ImmutableArray.CreateBuilder<(Pattern, string)>();
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m) { yaml.Error(item, "each swap is {pattern, replace}"); continue; }
            var entry = yaml.Nested(m);
            var patterns = common.ReadPatterns(entry, "pattern");
            var replace = entry.GetString("replace", required: true);
            entry.ReportUnknownKeys();
            if (replace is null) continue;
            foreach (var p in patterns) result.Add((p, replace));
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<(ConditionSet, ImmutableArray<Pattern>, Severity)> ReadSeverityWhenText(RuleCommon common, RuleYaml yaml)
    {
        var seq = yaml.GetSequence("severity_when_text");
        if (seq is null) return ImmutableArray<(ConditionSet, ImmutableArray<Pattern>, Severity)>.Empty;
        var result = ImmutableArray.CreateBuilder<(ConditionSet, ImmutableArray<Pattern>, Severity)>();
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m) { yaml.Error(item, "each severity_when_text entry is {document: [patterns], severity}"); continue; }
            var entry = yaml.Nested(m);
            var when = ConditionSet.Read(entry, "when");
            var document = common.ReadPatterns(entry, "document");
            var severity = RuleLoader.ReadSeverity(entry, "severity", required: true);
            entry.ReportUnknownKeys();
            if (severity is { } s) result.Add((when, document, s));
        }
        return result.ToImmutable();
    }

    public override void CheckDocument(DocumentContext context, FindingSink sink)
    {
        if (!Applies(context)) return;
        var prose = context.Prose;
        if (!_unlessDocument.IsEmpty && SentenceMatcher.AnyMatchInDocument(prose, _unlessDocument, guarded: false)) return;
        var prepared = _matcher.Prepare(prose, context.Facts);
        var swaps = _swaps.IsEmpty ? [] : _swaps.Where(s => s.Pattern.CanMatch(prose)).Select(s => (s.Pattern, s.Replacement, Candidates: s.Pattern.Candidates(prose))).ToArray();
        bool reported = false;
        // The sentences worth a look: those an entry or a swap can match.
        var candidates = prepared.Candidates;
        if (swaps.Length > 0)
        {
            candidates = new SentenceSet(prose.Sentences.Length);
            candidates.UnionWith(prepared.Candidates);
            foreach (var swap in swaps) candidates.UnionWith(swap.Candidates);
        }
        if (!candidates.IsEmpty)
        {
            var severity = ResolveSeverity(context);
            var sentences = prose.Sentences;
            for (int i = candidates.NextFrom(0); i >= 0; i = candidates.NextFrom(i + 1))
            {
                var sentence = sentences[i];
                var span = prepared.IsEmpty ? null : _matcher.MatchSpan(sentences, i, prepared);
                if (span is { } matchSpan)
                {
                    sink.Report(context.Draft.DocumentId, matchSpan, severity: severity, fixes: BuildFixes(context, sentence));
                    reported = true;
                    continue;
                }
                reported |= ReportSwaps(context, sentence, i, swaps, severity, sink);
            }
        }
        // A rule that also fires on metadata alone (trigger_when) reports once, on the field, when no
        // sentence already carries the finding.
        if (!reported && _triggerWhen is not null && _triggerWhen.Holds(context.Facts))
        {
            var span = KindText.LocateOnFields(context.Draft, [.. _locate]);
            sink.Report(context.Draft.DocumentId, span, severity: ResolveSeverity(context));
        }
    }

    /// <summary>
    /// Swaps are phrase-level: the matched words themselves are replaced ("kindly intimate me" →
    /// "please let me know"), so the fix is safe to apply in bulk.
    /// </summary>
    private static bool ReportSwaps(DocumentContext context, Sentence sentence, int index, (Pattern Pattern, string Replacement, SentenceSet Candidates)[] swaps, Severity severity, FindingSink sink)
    {
        foreach (var (pattern, replacement, candidates) in swaps)
        {
            if (!candidates.Contains(index) || pattern.MatchCandidate(sentence) is not { } hit) continue;
            var span = sentence.SourceSpanOfWords(hit.Start, hit.End);
            string original = context.Draft.Text.Substring(span.Start, span.Length);
            string text = MatchCase(original, Placeholders.Fill(replacement, context));
            var fix = new Fix(text.Length == 0 ? $"Remove \"{original}\"" : $"Replace with \"{text}\"", [new TextEdit(span, text)], IsPreferred: true, IsSafe: true);
            sink.Report(context.Draft.DocumentId, span, severity: severity, fixes: [fix]);
            return true;
        }
        return false;
    }

    private static string MatchCase(string original, string replacement)
    {
        if (replacement.Length == 0 || original.Length == 0) return replacement;
        return char.IsUpper(original[0]) ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement;
    }

    private Severity ResolveSeverity(DocumentContext context)
    {
        foreach (var (when, document, severity) in _severityWhenText)
        {
            if (when.UsesCalendar && context.Facts.Calendar is null) continue;
            if (!when.Holds(context.Facts)) continue;
            if (document.IsEmpty || SentenceMatcher.AnyMatchInDocument(context.Prose, document, guarded: true)) return severity;
        }
        return SeverityFor(context);
    }

    private ImmutableArray<Fix> BuildFixes(DocumentContext context, Sentence sentence)
    {
        var fixes = ImmutableArray.CreateBuilder<Fix>();
        var sentenceSpan = sentence.SourceSpan;
        for (int i = 0; i < _rewrites.Length; i++)
        {
            string replacement = Placeholders.Fill(_rewrites[i], context);
            fixes.Add(new Fix($"Rewrite: \"{Shorten(replacement)}\"", [new TextEdit(sentenceSpan, replacement)], IsPreferred: i == 0));
        }
        if (_insertAfter is not null)
        {
            string insertion = " " + Placeholders.Fill(_insertAfter, context);
            fixes.Add(new Fix($"Add: \"{Shorten(insertion.Trim())}\"", [new TextEdit(new TextSpan(sentenceSpan.End, 0), insertion)], IsPreferred: fixes.Count == 0));
        }
        if (_deleteFix)
        {
            fixes.Add(new Fix("Remove this sentence", [new TextEdit(DeletionSpan(context.Draft.Text, sentenceSpan), "")], IsPreferred: fixes.Count == 0));
        }
        return fixes.ToImmutable();
    }

    /// <summary>The sentence plus the spaces after it on the same line, so no double space remains.</summary>
    private static TextSpan DeletionSpan(string text, TextSpan sentence)
    {
        int end = sentence.End;
        while (end < text.Length && text[end] is ' ' or '\t') end++;
        return TextSpan.FromBounds(sentence.Start, end);
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
