using System.Buffers;
using System.Collections.Immutable;

namespace OutreachLsp.Core.Matching;

/// <summary>
/// A compiled phrase pattern: a small regular language over word tokens, matched by a Pike VM
/// (a breadth-first NFA simulation). Matching is linear in the sentence length times the pattern
/// size, whatever the pattern: a hostile pattern cannot backtrack its way into a hang.
///
/// Syntax (see docs/rule-packs.md):
///   rank          the word or any inflection (ranks, ranked, ranking): stems are compared
///   =news         exactly this word form
///   guarantee*    any word starting with "guarantee"
///   (a|b c|d)     alternatives, each a sequence
///   x?  (a b)?    optional
///   ...           a gap of 0 to 4 words;  ..N  a gap of 0 to N words (N at most 12)
///   @name         a lexicon entry (a named pattern shared by the pack)
///   #1  1st  3    numbers and "#n" tokens literally
/// Words are tokenized like prose: "won't" is "will not", "pre-match" is "pre match".
/// </summary>
public sealed class Pattern
{
    private readonly WordBits _firstStems;
    private readonly WordBits _firstNorms;
    private readonly WordTest[] _firstOtherTests;
    private readonly bool _startsAnywhere;
    private readonly bool _matchesEmpty;
    private readonly int[][] _required;

    /// <summary>
    /// <see cref="_required"/> as bit sets, for scanning a draft's ids against a large group; made on
    /// first use (most groups are small, and a pack compiles thousands of them at start-up).
    /// </summary>
    private readonly WordBits?[] _requiredSets;

    internal Pattern(string source, Node[] program, int start, int[][] required)
    {
        Source = source;
        Program = program;
        Start = start;
        _required = required;
        _requiredSets = new WordBits?[required.Length];
        // The first set: the word tests reachable from the start without consuming a word.
        _firstStems = new WordBits(WordIds.Count);
        _firstNorms = new WordBits(WordIds.Count);
        var others = new List<WordTest>();
        var visited = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            int p = stack.Pop();
            if (!visited.Add(p)) continue;
            var node = program[p];
            if (node.Kind == NodeKind.Split) { stack.Push(node.Alt); stack.Push(node.Next); continue; }
            if (node.Kind == NodeKind.Accept) { _matchesEmpty = true; continue; }
            switch (node.Test.Kind)
            {
                case TestKind.Stem:
                    _firstStems.Add(node.Test.StemId);
                    _firstNorms.Add(node.Test.NormId);
                    break;
                case TestKind.Exact:
                    _firstNorms.Add(node.Test.NormId);
                    break;
                case TestKind.Any:
                    _startsAnywhere = true;
                    break;
                default:
                    if (!others.Contains(node.Test)) others.Add(node.Test);
                    break;
            }
        }
        _firstOtherTests = others.ToArray();
        _vocabulary = WordIds.Count;
    }

    /// <summary>The vocabulary generation this pattern's words belong to (see <see cref="Sentence.WordsAsOf"/>).</summary>
    private readonly int _vocabulary;

    /// <summary>The vocabulary generation a sentence's words must have for this pattern's ids.</summary>
    internal int Vocabulary => _vocabulary;

    public string Source { get; }

    internal Node[] Program { get; }

    internal int Start { get; }

    /// <summary>
    /// Cheap test: can this pattern possibly match a sentence (or draft) with these words? Every
    /// match contains, for each of the pattern's required groups, at least one word of the group
    /// ("(ask|inquire) ... where ... rank" needs ask-or-inquire, where, and rank).
    /// </summary>
    public bool CanMatch(Sentence sentence) => CanMatch(sentence.WordsAsOf(_vocabulary).Bits);

    /// <summary>As <see cref="CanMatch(Sentence)"/>, for a whole draft.</summary>
    public bool CanMatch(ProseAnalysis prose) => CanMatch(prose.WordsAsOf(_vocabulary));

    /// <summary>As <see cref="CanMatch(Sentence)"/> on ids at least as new as <see cref="Vocabulary"/>.</summary>
    internal bool CanMatch(WordBits words)
    {
        foreach (var group in _required)
            if (!words.ContainsAny(group)) return false;
        return true;
    }

    /// <summary>
    /// Adds the sentences holding a word of required group <paramref name="group"/>: a search per id
    /// for a small group, one pass over the draft's ids for a group larger than a quarter of them
    /// (a lexicon entry of a hundred words against a short draft).
    /// </summary>
    private void AddCandidates(SentenceIndex index, int group, SentenceSet into)
    {
        var ids = _required[group];
        if (ids.Length * 4 < index.DistinctIds)
        {
            index.AddSentencesWithAny(ids, into);
            return;
        }
        var set = _requiredSets[group];
        if (set is null)
        {
            set = new WordBits(WordIds.Count);
            foreach (int id in ids) set.Add(id);
            _requiredSets[group] = set;
        }
        index.AddSentencesWithAny(set, into);
    }

    /// <summary>
    /// The sentences of <paramref name="prose"/> that hold a word of every required group: the only
    /// ones this pattern can match (every sentence when it has no required group).
    /// </summary>
    public SentenceSet Candidates(ProseAnalysis prose)
    {
        var index = prose.IndexAsOf(_vocabulary);
        if (_required.Length == 0) return SentenceSet.All(index.SentenceCount);
        var result = new SentenceSet(index.SentenceCount);
        AddCandidates(index, 0, result);
        if (_required.Length == 1 || result.IsEmpty) return result;
        var group = new SentenceSet(index.SentenceCount);
        for (int g = 1; g < _required.Length; g++)
        {
            group.Clear();
            AddCandidates(index, g, group);
            result.IntersectWith(group);
            if (result.IsEmpty) break;
        }
        return result;
    }

    /// <summary>The leftmost-longest match in the sentence at or after word <paramref name="from"/>; the required-words pre-filter runs first.</summary>
    public (int Start, int End)? Match(Sentence sentence, int from = 0)
    {
        var words = sentence.WordsAsOf(_vocabulary);
        return CanMatch(words.Bits) ? Match(words.Tokens, from) : null;
    }

    /// <summary>
    /// As <see cref="Match(Sentence, int)"/> for a sentence already known to hold the required words
    /// (one of the pattern's <see cref="Candidates"/>): no pre-filter, no id set built.
    /// </summary>
    internal (int Start, int End)? MatchCandidate(Sentence sentence) => Match(sentence.WordsAsOf(_vocabulary).Tokens);

    /// <summary>
    /// The leftmost-longest match in <paramref name="words"/> at or after <paramref name="from"/>, as
    /// [Start, End) word indices. The tokens must be made after the pattern was compiled (their word
    /// ids are looked up when they are made); <see cref="Match(Sentence, int)"/> takes care of that.
    /// </summary>
    public (int Start, int End)? Match(Token[] words, int from = 0)
    {
        // Each thread is a program counter plus the word index where its match began. States are
        // deduplicated per step, keeping the earliest start, so the work per word is bounded by
        // the program size. A new thread starts only where the word can begin a match (the first
        // set, computed once), which skips most positions of most sentences.
        // Most patterns cannot start anywhere in most sentences: find the first word that can begin
        // a match before paying for any buffers.
        if (!_matchesEmpty && !_startsAnywhere)
        {
            while (from < words.Length && !CanStartAt(words[from])) from++;
            if (from >= words.Length) return null;
        }

        // Buffers come from the shared pools (bounded per core), so matching allocates nothing and
        // leaves nothing behind per thread.
        var program = Program;
        int size = program.Length;
        var current = ArrayPool<(int, int)>.Shared.Rent(size);
        var next = ArrayPool<(int, int)>.Shared.Rent(size);
        var seen = ArrayPool<int>.Shared.Rent(size);
        var stack = ArrayPool<int>.Shared.Rent(size * 2 + 2);
        Array.Clear(seen, 0, size);
        int currentCount = 0, nextCount;
        int generation = 1;
        (int Start, int End)? best = null;

        for (int i = from; i <= words.Length; i++)
        {
            if (best is null && (_matchesEmpty || (i < words.Length && CanStartAt(words[i]))))
                currentCount = AddThread(current, currentCount, seen, generation, Start, i, stack);
            generation++;
            nextCount = 0;
            for (int t = 0; t < currentCount; t++)
            {
                var (pc, start) = current[t];
                ref readonly var node = ref program[pc];
                if (node.Kind == NodeKind.Accept)
                {
                    if (best is null || start < best.Value.Start || (start == best.Value.Start && i > best.Value.End)) best = (start, i);
                    continue;
                }
                if (i < words.Length && node.Test.Matches(words[i]))
                {
                    if (best is null || start <= best.Value.Start) nextCount = AddThread(next, nextCount, seen, generation, node.Next, start, stack);
                }
            }
            (current, next) = (next, current);
            currentCount = nextCount;
            if (currentCount == 0 && best is not null) break;
        }
        ArrayPool<(int, int)>.Shared.Return(current);
        ArrayPool<(int, int)>.Shared.Return(next);
        ArrayPool<int>.Shared.Return(seen);
        ArrayPool<int>.Shared.Return(stack);
        return best;
    }

    private bool CanStartAt(in Token word)
    {
        // Bit tests for the usual word tests; only prefix starts need a scan.
        if (_startsAnywhere || _firstStems.Contains(word.StemId) || _firstNorms.Contains(word.NormId)) return true;
        foreach (var test in _firstOtherTests) if (test.Matches(word)) return true;
        return false;
    }

    private int AddThread((int, int)[] list, int count, int[] seen, int generation, int pc, int start, int[] stack)
    {
        // Iterative epsilon closure; Split nodes fan out, Match and Accept nodes are recorded.
        var program = Program;
        int top = 0;
        stack[top++] = pc;
        while (top > 0)
        {
            int p = stack[--top];
            if (seen[p] == generation) continue;
            seen[p] = generation;
            ref readonly var node = ref program[p];
            if (node.Kind == NodeKind.Split)
            {
                stack[top++] = node.Alt;
                stack[top++] = node.Next;
            }
            else
            {
                list[count++] = (p, start);
            }
        }
        return count;
    }

    public override string ToString() => Source;
}

internal enum NodeKind : byte { Match, Split, Accept }

internal struct Node
{
    public NodeKind Kind;
    public WordTest Test;
    public int Next;
    public int Alt;
}

internal enum TestKind : byte { Stem, Exact, Prefix, Any }

/// <summary>
/// What one pattern word accepts. Stem: the word or an inflection (same stem or same form); Exact:
/// this form only; Prefix: any form starting with <see cref="Prefix"/>; Any: every word (gaps).
/// Stem and form comparisons are between <see cref="WordIds"/>.
/// </summary>
internal readonly record struct WordTest(TestKind Kind, int NormId, int StemId, string? Prefix)
{
    public static readonly WordTest Any = new(TestKind.Any, 0, 0, null);

    public static WordTest ForStem(string stem, string norm) => new(TestKind.Stem, WordIds.Intern(norm), WordIds.Intern(stem), null);

    public static WordTest ForExact(string norm) => new(TestKind.Exact, WordIds.Intern(norm), 0, null);

    public static WordTest ForPrefix(string prefix) => new(TestKind.Prefix, 0, 0, prefix);

    public bool Matches(in Token token) => Kind switch
    {
        TestKind.Stem => token.StemId == StemId || token.NormId == NormId,
        TestKind.Exact => token.NormId == NormId,
        TestKind.Prefix => token.Norm.StartsWith(Prefix!, StringComparison.Ordinal),
        _ => true,
    };
}
