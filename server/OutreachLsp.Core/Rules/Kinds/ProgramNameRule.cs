using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Matching;
using OutreachLsp.Core.Text;
using YamlDotNet.RepresentationModel;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// kind: program-name (workspace-aided). The body names a program other than the draft's own
/// (<c>program</c>, <c>institution</c>, <c>aliases</c>) in a way that treats it as the recipient:
/// the mail-merge carry-over "I can't wait to start at Bellwood" in a draft to Pinecrest.
///
/// A candidate name is either the program, institution or alias of another draft in the workspace
/// (not of the same program, not made only of words of the draft's own names), written with a
/// capital; or, with <c>document_signal</c>, a capitalised name ending in Residency, Program,
/// Hospital, Health, University or Medical Center that shares no significant word with the draft's
/// own names or the applicant's school and contains none of <c>skip_words</c> (conferences,
/// journals...). Each candidate is tried alone: the sentence is rewritten with it as the word
/// <c>@other_program</c> matches (and the draft's own names as <c>@own_program</c>), and it is
/// reported when a recipient context covers it without crossing a comma, and no <c>unless</c> pattern
/// (past affiliations, partners, conferences) matches. Names from other drafts use the rule's
/// <c>patterns</c> / <c>match</c>; names the document alone gives use the stricter
/// <c>document_signal: {patterns, match, unless}</c> (affiliated hospitals where residents rotate
/// are common, so these need the applicant as the one who will train there). Short forms of another
/// draft's program that no front matter lists ("Sonoran" for "Sonoran Desert Family Medicine
/// Residency") count as that program's names (<see cref="ShortNames"/>).
///
/// The finding covers the context ("training at Lakeshore"); related information points at the
/// other draft's front matter; fixes replace the name with the draft's own program (institution for
/// an institution name, the first alias for an alias or a short form). Messages may use {name}.
///
/// Fields: patterns, match, unless, guard (see SentenceMatcher), document_signal (false, or a
/// mapping with its own patterns, match, unless, guard), skip_words.
/// </summary>
public sealed class ProgramNameRule : PackRule
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "and", "the", "for", "de", "la", "del", "'s", "y" };

    private static readonly HashSet<string> Heads = new(StringComparer.Ordinal) { "residency", "program", "programme", "hospital", "health", "university" };

    /// <summary>Words a document-signal name can end in, as a set and a list of ids, for the sentence pre-filter.</summary>
    private static readonly string[] HeadWords = [.. Heads, "center", "centre"];

    private static readonly WordBits HeadIds = WordBits.Interned(HeadWords);

    private static readonly int[] HeadIdList = [.. HeadWords.Select(WordIds.Find)];

    private static readonly int HeadVocabulary = WordIds.Count;

    private readonly SentenceMatcher _matcher;
    private readonly SentenceMatcher? _documentMatcher;
    private readonly ImmutableHashSet<string> _skipWords;

    private ProgramNameRule(RuleCommon common, SentenceMatcher matcher, SentenceMatcher? documentMatcher, ImmutableHashSet<string> skipWords) : base(common)
    {
        _matcher = matcher;
        _documentMatcher = documentMatcher;
        _skipWords = skipWords;
    }

    public override bool IsWorkspaceRule => true;

    public static Rule? Create(RuleCommon common, RuleYaml yaml)
    {
        var matcher = SentenceMatcher.Read(common, yaml);
        if (matcher.Entries.IsEmpty) yaml.Error(yaml.Node, "a program-name rule needs recipient-context 'patterns' or 'match' entries using @other_program");
        if (!matcher.Regexes.IsEmpty) yaml.Error(yaml.Get("regex"), "the program-name kind matches patterns, not regular expressions");
        SentenceMatcher? documentMatcher = null;
        switch (yaml.Get("document_signal"))
        {
            case null:
            case YamlScalarNode { Value: "false" or "no" }:
                break;
            case YamlMappingNode map:
                var nested = yaml.Nested(map);
                documentMatcher = SentenceMatcher.Read(common, nested);
                nested.ReportUnknownKeys();
                if (documentMatcher.Entries.IsEmpty) yaml.Error(map, "document_signal needs its own recipient-context 'patterns' or 'match' entries");
                break;
            case var other:
                yaml.Error(other, "document_signal is false, or {patterns: [...], unless: [...]}: the stricter contexts for names that no other draft gives");
                break;
        }
        var skip = yaml.GetStrings("skip_words").Select(s => KindText.Fold(s.Value.Trim())).ToImmutableHashSet(StringComparer.Ordinal);
        return new ProgramNameRule(common, matcher, documentMatcher, skip);
    }

    public override void CheckWorkspace(WorkspaceContext context, FindingSink sink)
    {
        var all = context.Documents.ToList();
        var groups = ProgramGroups.Build(all);
        var foreign = new NameIndex(all.SelectMany(ProgramNames.NamesOf).Where(e => e.Significant.Count > 0));
        var shortNames = new ShortNames(all, groups);
        // The applicant's school is not another program ("my rotation at Nairobi Hospital").
        var school = context.Snapshot.Config.Profile.School is { } s ? KindText.SignificantWords(KindText.NameWords(s)).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var doc in all)
            if (Applies(doc)) Check(doc, foreign, shortNames, groups, school, sink);
    }

    private void Check(DocumentContext doc, NameIndex foreign, ShortNames shortNames, ProgramGroups groups, HashSet<string> school, FindingSink sink)
    {
        var ownNames = ProgramNames.NamesOf(doc).ToList();
        if (ownNames.Count == 0) return;
        var prose = doc.Prose;
        if (prose.Sentences.IsEmpty) return;
        var own = new NameIndex(ownNames);
        var ownSignificant = ownNames.SelectMany(n => n.Significant).ToHashSet(StringComparer.Ordinal);
        int? group = groups.GroupOf(doc);

        bool IsForeign(ProgramNameEntry e) =>
            e.Owner != doc
            && (group is null || groups.GroupOf(e.Owner) != group)
            && !e.Significant.IsSubsetOf(ownSignificant)
            && !(school.Count > 0 && e.Significant.IsSubsetOf(school));

        // Without another program's name to look for (a draft alone in its workspace, or with drafts
        // to its own program only) only a head word can start a mention: the draft's index names the
        // sentences that have one.
        bool names = foreign.Any(IsForeign) || shortNames.AnyEntry(IsForeign);
        SentenceSet? withHead = null;
        if (!names && _documentMatcher is not null)
        {
            withHead = new SentenceSet(prose.Sentences.Length);
            prose.IndexAsOf(HeadVocabulary).AddSentencesWithAny(HeadIdList, withHead);
        }
        for (int index = 0; index < prose.Sentences.Length; index++)
        {
            if (withHead is not null && (index = withHead.NextFrom(index)) < 0) break;
            var sentence = prose.Sentences[index];
            if (!MayMentionAName(sentence, names, foreign, shortNames)) continue;
            var folded = ProgramNames.Fold(sentence);
            var ownMentions = ProgramNames.FindOwn(sentence, folded, own, ownSignificant);
            var taken = new bool[folded.Length];
            foreach (var m in ownMentions) for (int k = m.Start; k < m.End; k++) taken[k] = true;
            // Other programs' names, full and short (none to find when no name is foreign to this draft).
            var mentions = names ? ProgramNames.Find(folded, foreign, (e, i) => IsForeign(e) && IsCapitalized(sentence, i) && Free(taken, i, i + e.Words.Length)) : [];
            foreach (var m in mentions) for (int k = m.Start; k < m.End; k++) taken[k] = true;
            if (names && !shortNames.IsEmpty) mentions.AddRange(ShortMentions(sentence, folded, taken, shortNames, ownSignificant, school, IsForeign));
            if (_documentMatcher is not null) mentions.AddRange(DocumentCandidates(sentence, folded, taken, ownSignificant, school));
            foreach (var mention in mentions)
            {
                var replacements = ownMentions.Select(m => (m.Start, m.End, ProgramNames.OwnToken)).ToList();
                // "Lakeshore's program" reads as one name word followed by "program".
                int end = mention.End < folded.Length && folded[mention.End] == "'s" ? mention.End + 1 : mention.End;
                replacements.Add((mention.Start, end, ProgramNames.OtherToken));
                var rewritten = ProgramNames.Rewrite(sentence, replacements, out var map);
                int target = map[mention.Start];
                (int Start, int End)? best;
                if (mention.Entry is null)
                {
                    // A name only this draft gives needs the stricter context, and the main exclusions
                    // still apply; the finding keeps the main context's shorter span when there is one.
                    var strict = Covering(_documentMatcher!, rewritten, target, doc.Facts);
                    if (strict is null || SentenceMatcher.AnyMatch(rewritten, _matcher.Unless)) continue;
                    best = Covering(_matcher, rewritten, target, doc.Facts) ?? strict;
                }
                else best = Covering(_matcher, rewritten, target, doc.Facts);
                if (best is not { } context) continue;
                Report(doc, sink, rewritten.SourceSpanOfWords(context.Start, context.End), sentence.SourceSpanOfWords(mention.Start, mention.End), mention, foreign, IsForeign);
            }
        }
    }

    /// <summary>
    /// Short forms of other drafts' programs ("Sonoran" for "Sonoran Desert Family Medicine
    /// Residency"), capitalised, sharing no significant word with this draft's names or the school.
    /// </summary>
    private static List<NameMention> ShortMentions(Sentence sentence, string[] folded, bool[] taken, ShortNames shortNames,
        HashSet<string> ownSignificant, HashSet<string> school, Func<ProgramNameEntry, bool> isForeign)
    {
        var result = new List<NameMention>();
        for (int i = 0; i < folded.Length; i++)
        {
            if (taken[i] || ownSignificant.Contains(folded[i]) || !IsCapitalized(sentence, i)) continue;
            foreach (var program in shortNames.WithWord(folded[i]))
            {
                var entry = program.Entries.FirstOrDefault(isForeign);
                if (entry is null || ProgramNames.ExpandName(sentence, folded, taken, i, program.Significant) is not { } span) continue;
                var words = folded[span.Start..span.End];
                if (words.Any(ownSignificant.Contains) || (school.Count > 0 && words.Any(school.Contains))) continue;
                string display = sentence.Block.Text[sentence.Words[span.Start].Start..sentence.Words[span.End - 1].End];
                result.Add(new NameMention(span.Start, span.End, entry, display, Short: true));
                for (int k = span.Start; k < span.End; k++) taken[k] = true;
                i = span.End - 1;
                break;
            }
        }
        return result;
    }

    /// <summary>The shortest match of <paramref name="matcher"/> that covers word <paramref name="target"/> within one clause.</summary>
    private static (int Start, int End)? Covering(SentenceMatcher matcher, Sentence sentence, int target, DraftFacts facts)
    {
        (int Start, int End)? best = null;
        foreach (var hit in SentenceHits.All(matcher, sentence, facts))
        {
            if (hit.Start > target || hit.End <= target || CrossesPunctuation(sentence, hit.Start, hit.End)) continue;
            if (best is null || hit.End - hit.Start < best.Value.End - best.Value.Start) best = hit;
        }
        return best;
    }

    private void Report(DocumentContext doc, FindingSink sink, TextSpan span, TextSpan nameSpan, NameMention mention, NameIndex foreign, Func<ProgramNameEntry, bool> isForeign)
    {
        var text = doc.Draft.Text;
        string written = text.Substring(nameSpan.Start, nameSpan.Length);
        string message = Placeholders.Fill(Info.Message, doc).Replace("{name}", written, StringComparison.Ordinal);
        var related = ImmutableArray<RelatedLocation>.Empty;
        if (mention.Entry is { } entry)
        {
            related = foreign.WithWords(entry.Words).Where(isForeign)
                .GroupBy(e => e.Owner.Draft.DocumentId).Select(g => g.First()).Take(3)
                .Select(e => new RelatedLocation(e.Owner.Draft.DocumentId,
                    KindText.FieldSpan(e.Owner.Draft, e.Field) ?? BodyLocator.FirstLine(e.Owner.Draft),
                    $"'{e.Display}' is the {(e.Field == "aliases" ? "alias" : e.Field)} of {KindText.FileName(e.Owner.Draft.DocumentId)} ({ProgramGroups.DisplayName(e.Owner.Draft.Meta)})"))
                .ToImmutableArray();
        }
        sink.Report(doc.Draft.DocumentId, span, message, SeverityFor(doc), Fixes(doc.Draft.Meta, mention, nameSpan), related);
    }

    private static ImmutableArray<Fix> Fixes(FrontMatter meta, NameMention mention, TextSpan nameSpan)
    {
        string? alias = meta.Aliases.IsDefaultOrEmpty ? null : meta.Aliases[0];
        string kind = mention.Short ? "aliases" : mention.Entry?.Field ?? (IsProgramHead(mention.Display) ? "program" : "institution");
        string? preferred = kind switch
        {
            "institution" => meta.Institution ?? meta.Program,
            "aliases" => alias ?? meta.Program ?? meta.Institution,
            _ => meta.Program ?? meta.Institution,
        };
        if (preferred is null) return ImmutableArray<Fix>.Empty;
        var fixes = ImmutableArray.CreateBuilder<Fix>();
        fixes.Add(new Fix($"Replace with \"{KindText.Shorten(preferred)}\"", [new TextEdit(nameSpan, preferred)], IsPreferred: true));
        foreach (var other in new[] { meta.Program, meta.Institution, alias })
        {
            if (other is null || fixes.Any(f => f.Edits[0].NewText == other)) continue;
            fixes.Add(new Fix($"Replace with \"{KindText.Shorten(other)}\"", [new TextEdit(nameSpan, other)]));
        }
        return fixes.ToImmutable();
    }

    private static bool IsProgramHead(string name)
    {
        var words = KindText.NameWords(name);
        return words.Length > 0 && words[^1] is "residency" or "program" or "programme";
    }

    /// <summary>
    /// True when a comma, dash or other break falls inside the context: "Mercy Hospital, residents
    /// taught me" is not "the Mercy Hospital residents". Clause words ("still", "so") do not count.
    /// </summary>
    private static bool CrossesPunctuation(Sentence sentence, int start, int end)
    {
        for (int k = start + 1; k < end && k < sentence.Words.Length; k++)
            if (sentence.ClauseIds[k] != sentence.ClauseIds[k - 1] && !ClauseMarks.OpensClause(sentence, k)) return true;
        return false;
    }

    private static bool Free(bool[] taken, int start, int end)
    {
        for (int i = start; i < end && i < taken.Length; i++) if (taken[i]) return false;
        return true;
    }

    private static bool IsCapitalized(Sentence sentence, int i) => ProgramNames.IsCapitalized(sentence, i);

    /// <summary>
    /// Cheap test before the full scan: every mention the scan can report starts at a capitalised word
    /// that begins another draft's name or is a short name's word, or (with the document signal)
    /// contains a capitalised head word ("Hospital", "Residency"). Most sentences have none.
    /// </summary>
    private bool MayMentionAName(Sentence sentence, bool names, NameIndex foreign, ShortNames shortNames)
    {
        // With no other program's name to find only a capitalised head word can start a mention (and
        // the caller looks only at sentences that have a head word, see Check).
        var words = sentence.WordsAsOf(HeadVocabulary).Tokens;
        if (!names)
        {
            if (_documentMatcher is null) return false;
            for (int i = 0; i < words.Length; i++)
                if (HeadIds.Contains(words[i].NormId) && IsCapitalized(sentence, i)) return true;
            return false;
        }
        for (int i = 0; i < words.Length; i++)
        {
            if (!IsCapitalized(sentence, i)) continue;
            // Norms are lower case, so an ASCII norm is its own folded form: the head test is an id test.
            bool ascii = System.Text.Ascii.IsValid(words[i].Norm);
            if (_documentMatcher is not null && ascii && HeadIds.Contains(words[i].NormId)) return true;
            string folded = KindText.Fold(words[i].Norm);
            if (foreign.StartsAName(folded) || shortNames.WithWord(folded).Count > 0) return true;
            if (_documentMatcher is not null && (Heads.Contains(folded) || folded is "center" or "centre")) return true;
        }
        return false;
    }

    /// <summary>
    /// Capitalised names ending in a head word ("Mercy General Hospital", "Riverside IM Residency")
    /// that are not the draft's own, the applicant's school, or a conference or journal.
    /// </summary>
    private IEnumerable<NameMention> DocumentCandidates(Sentence sentence, string[] folded, bool[] taken, HashSet<string> ownSignificant, HashSet<string> school)
    {
        int n = folded.Length;
        int i = 0;
        while (i < n)
        {
            if (taken[i] || !IsCapitalized(sentence, i) || folded[i] == "i" || Connectors.Contains(folded[i]))
            {
                i++;
                continue;
            }
            int j = i, lastHead = -1;
            while (j < n && !taken[j] && (IsCapitalized(sentence, j) || (Connectors.Contains(folded[j]) && j + 1 < n && !taken[j + 1] && (IsCapitalized(sentence, j + 1) || folded[j + 1] == "'s"))))
            {
                if (Heads.Contains(folded[j]) || (folded[j] is "center" or "centre" && j > i && folded[j - 1] == "medical")) lastHead = j;
                j++;
            }
            if (lastHead >= 0)
            {
                var words = folded[i..(lastHead + 1)];
                var significant = KindText.SignificantWords(words).ToHashSet(StringComparer.Ordinal);
                bool keep = significant.Count > 0
                    && !significant.Overlaps(ownSignificant)
                    && !(school.Count > 0 && significant.Overlaps(school))
                    && !words.Any(_skipWords.Contains);
                if (keep) yield return new NameMention(i, lastHead + 1, null, sentence.Block.Text[sentence.Words[i].Start..sentence.Words[lastHead].End]);
            }
            i = Math.Max(j, i + 1);
        }
    }
}
