using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Matching;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// Every match of a <see cref="SentenceMatcher"/> in a sentence, not just the first: each entry, and
/// each occurrence of a single-pattern entry. The matcher's rules apply (entry conditions, question
/// entries, the negation / reported-speech / quotation guard, <c>unless</c> vetoing the sentence);
/// an entry's <c>window</c> (patterns in earlier sentences) is not used by the kinds that call this.
/// </summary>
internal static class SentenceHits
{
    public static List<(int Start, int End)> All(SentenceMatcher matcher, Sentence sentence, DraftFacts facts) =>
        AllWithGuard(matcher, sentence, facts).Select(h => (h.Start, h.End)).ToList();

    /// <summary>As <see cref="All"/>, with whether the entry that matched has the guard on.</summary>
    public static List<(int Start, int End, bool Guard)> AllWithGuard(SentenceMatcher matcher, Sentence sentence, DraftFacts facts)
    {
        var hits = new List<(int Start, int End, bool Guard)>();
        var words = sentence.Words;
        if (words.Length == 0) return hits;
        foreach (var entry in matcher.Entries)
        {
            if (entry.Question && !sentence.IsQuestion) continue;
            if (!entry.When.Conditions.IsEmpty && ((entry.When.UsesCalendar && facts.Calendar is null) || !entry.When.Holds(facts))) continue;
            if (entry.All.Length == 1)
            {
                var pattern = entry.All[0];
                int from = 0;
                while (from < words.Length && pattern.Match(sentence, from) is { } m)
                {
                    if (!(entry.Guard && Guarded(sentence, m.Start))) hits.Add((m.Start, Math.Max(m.End, m.Start + 1), entry.Guard));
                    from = Math.Max(m.End, m.Start + 1);
                }
                continue;
            }
            int start = int.MaxValue, end = -1;
            bool ok = true;
            foreach (var pattern in entry.All)
            {
                if (pattern.Match(sentence) is not { } hit || (entry.Guard && Guarded(sentence, hit.Start)))
                {
                    ok = false;
                    break;
                }
                start = Math.Min(start, hit.Start);
                end = Math.Max(end, hit.End);
            }
            if (ok) hits.Add((start, Math.Max(end, start + 1), entry.Guard));
        }
        // Vetoes are checked only for a sentence that matched: most sentences match nothing.
        if (hits.Count > 0 && !matcher.Unless.IsEmpty && SentenceMatcher.AnyMatch(sentence, matcher.Unless)) hits.Clear();
        return hits;
    }

    /// <summary>As in <see cref="SentenceMatcher"/>: negated, reported, or inside quotation marks (someone else's words).</summary>
    private static bool Guarded(Sentence sentence, int start) =>
        SentenceMatcher.IsNegatedOrReported(sentence, start) || (start < sentence.Quoted.Length && sentence.Quoted[start]);
}
