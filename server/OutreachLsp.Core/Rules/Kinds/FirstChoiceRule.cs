using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Matching;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// kind: first-choice (workspace). A first-choice claim is a sentence matched by the rule's
/// <c>patterns</c> / <c>match</c> (as in the phrase kind, with <c>unless</c> and the negation guard),
/// in which a mention of the draft's own program reads as the word matched by <c>@own_program</c>.
/// A claim is not counted when it is a question, is negated inside the match ("you are not my first
/// choice"), or is conditional (if / unless / whether / should... before it in the sentence, or if /
/// unless / provided right after it). Drafts are grouped by match year and by program (see
/// <see cref="ProgramGroups"/>); when claims go to two or more programs of one year, every claim is
/// reported, with related locations at the claims to the other programs. Messages may use
/// {others}: the other programs' names.
///
/// Fields: patterns, match, unless, guard (see SentenceMatcher), conditional_guard (default true),
/// triggers (optional: only sentences holding one of these words are matched; a cheap pre-filter, so
/// every claim pattern must need one of them).
/// </summary>
public sealed class FirstChoiceRule : PackRule
{
    private static readonly HashSet<string> InnerNegators = new(StringComparer.Ordinal) { "not", "never", "nor", "neither", "hardly" };

    private static readonly HashSet<string> ConditionalsBefore = new(StringComparer.Ordinal)
    {
        "if", "unless", "whether", "suppose", "supposing", "assuming", "provided", "hypothetically", "imagine",
    };

    private static readonly HashSet<string> ConditionalsAfter = new(StringComparer.Ordinal) { "if", "unless", "provided", "assuming" };

    /// <summary>Sentence-initial inversions that make a conditional: "Should you...", "Were the committee...", "Had I...".</summary>
    private static readonly HashSet<string> InvertedConditionals = new(StringComparer.Ordinal) { "should", "were", "had" };

    private readonly SentenceMatcher _matcher;
    private readonly bool _conditionalGuard;
    private readonly WordSet _triggers;

    private FirstChoiceRule(RuleCommon common, SentenceMatcher matcher, bool conditionalGuard, WordSet triggers) : base(common)
    {
        _matcher = matcher;
        _conditionalGuard = conditionalGuard;
        _triggers = triggers;
    }

    public override bool IsWorkspaceRule => true;

    public static Rule? Create(RuleCommon common, RuleYaml yaml)
    {
        var matcher = SentenceMatcher.Read(common, yaml);
        if (matcher.Entries.IsEmpty) yaml.Error(yaml.Node, "a first-choice rule needs claim 'patterns' or 'match' entries");
        if (!matcher.Regexes.IsEmpty) yaml.Error(yaml.Get("regex"), "the first-choice kind matches patterns, not regular expressions");
        bool conditionalGuard = yaml.GetBool("conditional_guard") ?? true;
        var triggers = WordSet.Read(yaml, "triggers");
        return new FirstChoiceRule(common, matcher, conditionalGuard, triggers);
    }

    private sealed record Claim(DocumentContext Document, int Group, TextSpan Span);

    public override void CheckWorkspace(WorkspaceContext context, FindingSink sink)
    {
        var documents = context.Documents.Where(Applies).ToList();
        if (documents.Count < 2) return;
        var groups = ProgramGroups.Build(documents);
        var claims = new List<Claim>();
        foreach (var doc in documents)
        {
            if (groups.GroupOf(doc) is not { } group) continue;
            foreach (var span in FindClaims(doc)) claims.Add(new Claim(doc, group, span));
        }
        foreach (var year in claims.GroupBy(c => c.Document.Facts.MatchYear))
        {
            var programs = year.Select(c => c.Group).Distinct().ToList();
            if (programs.Count < 2) continue;
            foreach (var claim in year)
            {
                var others = year.Where(c => c.Group != claim.Group).ToList();
                string otherNames = string.Join("; ", others.Select(c => c.Group).Distinct().Select(groups.DisplayNameOf));
                var related = others
                    .Select(c => new RelatedLocation(c.Document.Draft.DocumentId, c.Span, $"Also told it is your first choice: {groups.DisplayNameOf(c.Group)}"))
                    .ToImmutableArray();
                string message = Placeholders.Fill(Info.Message, claim.Document);
                message = message.Contains("{others}", StringComparison.Ordinal)
                    ? message.Replace("{others}", otherNames, StringComparison.Ordinal)
                    : $"{message} Also claimed first: {otherNames}.";
                sink.Report(claim.Document.Draft.DocumentId, claim.Span, message, SeverityFor(claim.Document), related: related);
            }
        }
    }

    /// <summary>The first-choice claims of one draft: one span per claiming sentence, covering all its claim phrases.</summary>
    internal List<TextSpan> FindClaims(DocumentContext doc)
    {
        var result = new List<TextSpan>();
        var prose = doc.Prose;
        if (prose.Sentences.IsEmpty || !_triggers.AnyIn(prose)) return result;
        var ownNames = ProgramNames.NamesOf(doc).ToList();
        var own = new NameIndex(ownNames);
        var ownSignificant = ownNames.SelectMany(n => n.Significant).ToHashSet(StringComparer.Ordinal);
        foreach (var original in prose.Sentences)
        {
            if (original.IsQuestion || !_triggers.AnyIn(original)) continue;
            var sentence = original;
            if (!own.IsEmpty)
            {
                var mentions = ProgramNames.FindOwn(original, ProgramNames.Fold(original), own, ownSignificant);
                if (mentions.Count > 0)
                    sentence = ProgramNames.Rewrite(original, mentions.Select(m => (m.Start, m.End, ProgramNames.OwnToken)).ToList(), out _);
            }
            int start = int.MaxValue, end = -1;
            foreach (var (s, e, guard) in SentenceHits.AllWithGuard(_matcher, sentence, doc.Facts))
            {
                // An entry without the guard names its negation itself ("I cannot imagine ranking any program above yours").
                if (guard && NegatedInside(sentence, s, e)) continue;
                if (_conditionalGuard && IsConditional(sentence, s, e)) continue;
                start = Math.Min(start, s);
                end = Math.Max(end, e);
            }
            if (end > start) result.Add(sentence.SourceSpanOfWords(start, end));
        }
        return result;
    }

    private static bool NegatedInside(Sentence sentence, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (InnerNegators.Contains(sentence.Words[i].Norm)) return true;
        return false;
    }

    private static bool IsConditional(Sentence sentence, int start, int end)
    {
        var words = sentence.Words;
        if (words.Length > 0 && InvertedConditionals.Contains(words[0].Norm) && start > 0) return true;
        for (int i = 0; i < start; i++)
            if (ConditionalsBefore.Contains(words[i].Norm)) return true;
        for (int i = end; i < words.Length && i < end + 4; i++)
            if (ConditionalsAfter.Contains(words[i].Norm)) return true;
        return false;
    }
}
