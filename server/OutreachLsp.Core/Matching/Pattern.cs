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
    private readonly HashSet<string> _firstStems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _firstNorms = new(StringComparer.Ordinal);
    private readonly WordTest[] _firstOtherTests;
    private readonly bool _matchesEmpty;

    internal Pattern(string source, Node[] program, int start, ImmutableArray<string>? requiredAnyOf)
    {
        Source = source;
        Program = program;
        Start = start;
        RequiredAnyOf = requiredAnyOf;
        // The first set: the word tests reachable from the start without consuming a word.
        var first = new List<WordTest>();
        var visited = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            int p = stack.Pop();
            if (!visited.Add(p)) continue;
            var node = program[p];
            if (node.Kind == NodeKind.Split) { stack.Push(node.Alt); stack.Push(node.Next); }
            else if (node.Kind == NodeKind.Accept) _matchesEmpty = true;
            else if (!first.Contains(node.Test!)) first.Add(node.Test!);
        }
        var others = new List<WordTest>();
        foreach (var test in first)
        {
            switch (test)
            {
                case StemTest st:
                    _firstStems.Add(st.Stem);
                    _firstNorms.Add(st.NormForm);
                    break;
                case ExactTest et:
                    _firstNorms.Add(et.Norm);
                    break;
                default:
                    others.Add(test);
                    break;
            }
        }
        _firstOtherTests = others.ToArray();
    }

    public string Source { get; }

    internal Node[] Program { get; }

    internal int Start { get; }

    /// <summary>Every match contains at least one of these stems (null: no such guarantee).</summary>
    public ImmutableArray<string>? RequiredAnyOf { get; }

    /// <summary>Cheap test: can this pattern possibly match a draft with these stems?</summary>
    public bool CanMatch(HashSet<string> stems)
    {
        if (RequiredAnyOf is not { } any) return true;
        foreach (var s in any) if (stems.Contains(s)) return true;
        return false;
    }

    /// <summary>The leftmost-longest match in <paramref name="words"/> at or after <paramref name="from"/>, as [Start, End) word indices.</summary>
    public (int Start, int End)? Match(Token[] words, int from = 0)
    {
        // Each thread is a program counter plus the word index where its match began. States are
        // deduplicated per step, keeping the earliest start, so the work per word is bounded by
        // the program size. A new thread starts only where the word can begin a match (the first
        // set, computed once), which skips most positions of most sentences.
        // Most patterns cannot start anywhere in most sentences: find the first word that can begin
        // a match before paying for any buffers.
        if (!_matchesEmpty)
        {
            while (from < words.Length && !CanStartAt(words[from])) from++;
            if (from >= words.Length) return null;
        }

        // Buffers come from the shared pools (bounded per core), so matching allocates nothing and
        // leaves nothing behind per thread.
        int size = Program.Length;
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
                var node = Program[pc];
                if (node.Kind == NodeKind.Accept)
                {
                    if (best is null || start < best.Value.Start || (start == best.Value.Start && i > best.Value.End)) best = (start, i);
                    continue;
                }
                if (i < words.Length && node.Kind == NodeKind.Match && node.Test!.Matches(words[i]))
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
        // Hash lookups for the usual word tests; only prefix or wildcard starts need a scan.
        if (_firstStems.Contains(word.Stem) || _firstNorms.Contains(word.Norm)) return true;
        foreach (var test in _firstOtherTests) if (test.Matches(word)) return true;
        return false;
    }

    private int AddThread((int, int)[] list, int count, int[] seen, int generation, int pc, int start, int[] stack)
    {
        // Iterative epsilon closure; Split nodes fan out, Match and Accept nodes are recorded.
        int top = 0;
        stack[top++] = pc;
        while (top > 0)
        {
            int p = stack[--top];
            if (seen[p] == generation) continue;
            seen[p] = generation;
            var node = Program[p];
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

internal sealed class Node
{
    public NodeKind Kind;
    public WordTest? Test;
    public int Next = -1;
    public int Alt = -1;
}

internal abstract class WordTest
{
    public abstract bool Matches(in Token token);
}

internal sealed class StemTest(string stem, string norm) : WordTest
{
    public readonly string Stem = stem;
    public readonly string NormForm = norm;
    public override bool Matches(in Token token) => token.Stem == Stem || token.Norm == NormForm;
}

internal sealed class ExactTest(string norm) : WordTest
{
    public readonly string Norm = norm;
    public override bool Matches(in Token token) => token.Norm == Norm;
}

internal sealed class PrefixTest(string prefix) : WordTest
{
    public override bool Matches(in Token token) => token.Norm.StartsWith(prefix, StringComparison.Ordinal);
}

internal sealed class AnyTest : WordTest
{
    public static readonly AnyTest Instance = new();
    public override bool Matches(in Token token) => true;
}
