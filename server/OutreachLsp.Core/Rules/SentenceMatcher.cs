using System.Collections.Immutable;
using OutreachLsp.Core.Matching;
using OutreachLsp.Core.Text;
using YamlDotNet.RepresentationModel;

namespace OutreachLsp.Core.Rules;

/// <summary>
/// The sentence-matching part of the phrase-based kinds: <c>patterns</c> (any one matches),
/// <c>match</c> entries (<c>{all: [patterns], question: bool}</c>: every pattern in the same
/// sentence), <c>unless</c> (a pattern that vetoes the sentence), and the negation / reported-speech
/// guard (<c>guard: false</c> turns it off). Immutable; shared by <see cref="Kinds.PhraseRule"/>,
/// <see cref="Kinds.FirstChoiceRule"/> and others.
/// </summary>
public sealed class SentenceMatcher
{
    /// <summary>Words that, before a match in the same clause, mean the applicant is not asking or promising.</summary>
    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "never", "nor", "neither", "without", "avoid", "refrain",
    };

    /// <summary>Reporting verbs: the words that follow are someone else's, or advice about such words.</summary>
    private static readonly HashSet<string> ReportingCues = new(StringComparer.Ordinal)
    {
        "told", "said", "says", "warned", "warns", "advised", "cautioned", "reminded", "heard", "read", "learned", "learnt", "understand", "aware",
    };

    private const int GuardWindow = 8;

    private SentenceMatcher(ImmutableArray<Entry> entries, ImmutableArray<Pattern> unless, bool guard, ImmutableArray<System.Text.RegularExpressions.Regex> regexes)
    {
        Entries = entries;
        Unless = unless;
        Guard = guard;
        Regexes = regexes;
    }

    /// <summary>
    /// A sentence matches an entry when every pattern of <see cref="All"/> matches it, the draft's
    /// metadata satisfies <see cref="When"/>, and (when <see cref="Question"/>) it ends with '?'.
    /// </summary>
    public sealed record Entry(ImmutableArray<Pattern> All, bool Question, ConditionSet When, bool Guard, int Window);

    /// <summary>Regular expressions over the sentence text, run without backtracking.</summary>
    public ImmutableArray<System.Text.RegularExpressions.Regex> Regexes { get; }

    public ImmutableArray<Entry> Entries { get; }

    public ImmutableArray<Pattern> Unless { get; }

    public bool Guard { get; }

    public bool IsEmpty => Entries.IsEmpty && Regexes.IsEmpty;

    /// <summary>Reads patterns, match, unless and guard from a rule file.</summary>
    public static SentenceMatcher Read(RuleCommon common, RuleYaml yaml)
    {
        var entries = ImmutableArray.CreateBuilder<Entry>();
        bool guard = yaml.GetBool("guard") ?? true;
        foreach (var p in common.ReadPatterns(yaml, "patterns")) entries.Add(new Entry([p], false, ConditionSet.Always, guard, 0));
        var matchSeq = yaml.GetSequence("match");
        if (matchSeq is not null)
        {
            foreach (var item in matchSeq.Children)
            {
                if (item is not YamlMappingNode m)
                {
                    yaml.Error(item, "each match entry is {all: [patterns], question: true|false}");
                    continue;
                }
                var entry = yaml.Nested(m);
                var all = common.ReadPatterns(entry, "all");
                bool question = entry.GetBool("question") ?? false;
                var when = ConditionSet.Read(entry, "when");
                bool entryGuard = entry.GetBool("guard") ?? guard;
                int window = entry.GetInt("window", 0, 3) ?? 0;
                entry.ReportUnknownKeys();
                if (all.IsEmpty) yaml.Error(item, "a match entry needs at least one pattern under 'all'");
                else entries.Add(new Entry(all, question, when, entryGuard, window));
            }
        }
        var unless = common.ReadPatterns(yaml, "unless");
        var regexes = ImmutableArray.CreateBuilder<System.Text.RegularExpressions.Regex>();
        foreach (var (text, node) in yaml.GetStrings("regex"))
        {
            var regex = SafeRegex.Create(text, out var error);
            if (regex is null) yaml.Error(node, $"bad regular expression '{text}': {error}");
            else regexes.Add(regex);
        }
        return new SentenceMatcher(entries.ToImmutable(), unless, guard, regexes.ToImmutable());
    }

    /// <summary>
    /// The entries that can match somewhere in this draft, each with its candidate sentences: the
    /// entry's conditions hold for the draft's metadata, and a candidate holds the required words of
    /// every pattern (of at least one, for an entry with a <c>window</c>). Computed once per draft
    /// from the draft's <see cref="SentenceIndex"/>, so a rule looks only at the sentences that can match.
    /// </summary>
    public Prepared Prepare(ProseAnalysis prose, Analysis.DraftFacts? facts)
    {
        int count = prose.Sentences.Length;
        List<Entry>? active = null;
        List<SentenceSet>? candidates = null;
        SentenceSet? union = null;
        foreach (var entry in Entries)
        {
            if (!entry.When.Conditions.IsEmpty && (facts is null || (entry.When.UsesCalendar && facts.Calendar is null) || !entry.When.Holds(facts))) continue;
            bool possible = true;
            foreach (var p in entry.All) possible &= p.CanMatch(prose);
            if (!possible) continue;
            SentenceSet? sentences = null;
            if (entry.Window == 0)
            {
                foreach (var p in entry.All)
                {
                    var these = p.Candidates(prose);
                    if (sentences is null) sentences = these;
                    else sentences.IntersectWith(these);
                }
            }
            else
            {
                // With a window, one pattern must match the sentence itself and every pattern must
                // match it or one of the `window` sentences before it.
                SentenceSet? reach = null;
                foreach (var p in entry.All)
                {
                    var these = p.Candidates(prose);
                    var spread = these.SpreadForward(entry.Window);
                    if (reach is null) reach = spread;
                    else reach.IntersectWith(spread);
                    if (sentences is null) sentences = these;
                    else sentences.UnionWith(these);
                }
                sentences?.IntersectWith(reach!);
            }
            if (sentences is null || sentences.IsEmpty) continue;
            (active ??= []).Add(entry);
            (candidates ??= []).Add(sentences);
            (union ??= new SentenceSet(count)).UnionWith(sentences);
        }
        // A regular expression can match any sentence.
        if (!Regexes.IsEmpty) union = SentenceSet.All(count);
        return new Prepared(active?.ToArray() ?? [], candidates?.ToArray() ?? [], union ?? new SentenceSet(count));
    }

    /// <summary>The result of <see cref="Prepare"/> for one draft.</summary>
    public sealed class Prepared
    {
        internal Prepared(Entry[] entries, SentenceSet[] entryCandidates, SentenceSet candidates)
        {
            Entries = entries;
            EntryCandidates = entryCandidates;
            Candidates = candidates;
            IsEmpty = candidates.IsEmpty;
        }

        internal Entry[] Entries { get; }

        /// <summary>For each entry of <see cref="Entries"/>, the sentences it can match.</summary>
        internal SentenceSet[] EntryCandidates { get; }

        /// <summary>The sentences any entry or regular expression can match; the others need no look.</summary>
        public SentenceSet Candidates { get; }

        /// <summary>No sentence of the draft can match.</summary>
        public bool IsEmpty { get; }
    }

    /// <summary>
    /// The document span reported for the first entry that matches sentence <paramref name="index"/>
    /// of <paramref name="sentences"/> (the draft's, as given to <see cref="Prepare"/>): the matched
    /// words for a single pattern, the whole sentence when several patterns combine. An entry with a
    /// <c>window</c> may find its other patterns in up to that many preceding sentences of the same
    /// paragraph ("I have an offer that expires Friday. Could you let me know where I stand?"), but at
    /// least one pattern must match this sentence, so a finding is reported once.
    /// </summary>
    public TextSpan? MatchSpan(ImmutableArray<Sentence> sentences, int index, Prepared prepared)
    {
        var sentence = sentences[index];
        var entries = prepared.Entries;
        for (int k = 0; k < entries.Length; k++)
        {
            var entry = entries[k];
            if (!prepared.EntryCandidates[k].Contains(index)) continue;
            if (entry.Question && !sentence.IsQuestion) continue;
            int start = int.MaxValue, end = -1;
            bool ok = true, anchored = false;
            foreach (var pattern in entry.All)
            {
                // Without a window the sentence holds every pattern's required words (it is a candidate).
                if (Find(pattern, sentence, entry.Guard, candidate: entry.Window == 0) is { } hit)
                {
                    anchored = true;
                    start = Math.Min(start, hit.Start);
                    end = Math.Max(end, hit.End);
                    continue;
                }
                if (entry.Window == 0 || !InWindow(pattern, sentence, sentences, index, entry)) { ok = false; break; }
            }
            if (!ok || !anchored) continue;
            if (!Unless.IsEmpty && AnyMatch(sentence, Unless)) continue;
            return entry.All.Length == 1 ? sentence.SourceSpanOfWords(start, Math.Max(end, start + 1)) : sentence.SourceSpan;
        }
        if (Regexes.IsEmpty) return null;
        foreach (var regex in Regexes)
        {
            // The sentence is matched in place in its block's text (the regex sees it as its whole input).
            var hit = SafeRegex.Match(regex, sentence.Block.Text, sentence.TextStart, sentence.TextEnd - sentence.TextStart);
            if (hit is { } h) return sentence.Block.MapToSource(h.Index, h.Index + h.Length);
        }
        return null;
    }

    private static (int Start, int End)? Find(Pattern pattern, Sentence sentence, bool guard, bool candidate = false)
    {
        var m = candidate ? pattern.MatchCandidate(sentence) : pattern.Match(sentence);
        if (m is not { } hit || (guard && (IsNegatedOrReported(sentence, hit.Start) || sentence.Quoted[hit.Start]))) return null;
        return hit;
    }

    private static bool InWindow(Pattern pattern, Sentence sentence, ImmutableArray<Sentence> all, int index, Entry entry)
    {
        for (int i = index - 1; i >= 0 && i >= index - entry.Window; i--)
        {
            if (all[i].BlockIndex != sentence.BlockIndex) break;
            if (Find(pattern, all[i], entry.Guard) is not null) return true;
        }
        return false;
    }

    public static bool AnyMatch(Sentence sentence, ImmutableArray<Pattern> patterns)
    {
        foreach (var p in patterns)
            if (p.Match(sentence) is not null) return true;
        return false;
    }

    /// <summary>True when any pattern matches any sentence (optionally skipping negated matches).</summary>
    public static bool AnyMatchInDocument(ProseAnalysis prose, ImmutableArray<Pattern> patterns, bool guarded)
    {
        foreach (var p in patterns)
        {
            if (!p.CanMatch(prose)) continue;
            var candidates = p.Candidates(prose);
            for (int i = candidates.NextFrom(0); i >= 0; i = candidates.NextFrom(i + 1))
            {
                var sentence = prose.Sentences[i];
                if (p.MatchCandidate(sentence) is { } hit && (!guarded || !IsNegatedOrReported(sentence, hit.Start))) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Looks back from the match start within its clause (at most <see cref="GuardWindow"/> words)
    /// for a negation or a reporting verb.
    /// </summary>
    public static bool IsNegatedOrReported(Sentence sentence, int matchStart)
    {
        var words = sentence.Words;
        if (matchStart >= words.Length) return false;
        int clause = sentence.ClauseIds[matchStart];
        for (int i = matchStart - 1; i >= 0 && i >= matchStart - GuardWindow; i--)
        {
            if (sentence.ClauseIds[i] != clause) break;
            string w = words[i].Norm;
            if (Negators.Contains(w) || ReportingCues.Contains(w)) return true;
        }
        return false;
    }
}
