using System.Collections.Immutable;
using System.Numerics;

namespace OutreachLsp.Core.Matching;

/// <summary>
/// An inverted index of a draft's sentences: for each pattern word id (form or stem) present in the
/// draft, the sentences that contain it, in order. A pattern's required words then name its candidate
/// sentences directly (<see cref="Pattern.Candidates"/>), so a rule looks only at the few sentences
/// that can match instead of testing every sentence of a long draft.
///
/// Layout: the distinct ids, sorted; for id number k, its sentences are
/// <c>_sentences[_starts[k].._starts[k + 1]]</c>. Only ids a pattern mentions are indexed (prose words
/// have id 0 otherwise), so the index is a fraction of the text's size. Immutable once built.
/// </summary>
public sealed class SentenceIndex
{
    private readonly int[] _ids;
    private readonly int[] _starts;
    private readonly int[] _sentences;

    // The ids present, as bits: most ids a pattern asks about are absent from a draft, and a bit
    // test answers them before any search.
    private readonly WordBits _present;

    private SentenceIndex(int[] ids, int[] starts, int[] sentences, int sentenceCount, int vocabulary)
    {
        _present = new WordBits(vocabulary);
        foreach (int id in ids) _present.Add(id);
        _ids = ids;
        _starts = starts;
        _sentences = sentences;
        SentenceCount = sentenceCount;
        Vocabulary = vocabulary;
    }

    /// <summary>The number of sentences indexed (sentence numbers are 0 to this, exclusive).</summary>
    public int SentenceCount { get; }

    /// <summary>The vocabulary generation of the ids: words added to the vocabulary later are absent.</summary>
    public int Vocabulary { get; }

    /// <summary>The sentences that contain <paramref name="id"/>, in order, each once.</summary>
    public ReadOnlySpan<int> SentencesWith(int id)
    {
        if (!_present.Contains(id)) return [];
        int k = Array.BinarySearch(_ids, id);
        return k < 0 ? [] : _sentences.AsSpan(_starts[k], _starts[k + 1] - _starts[k]);
    }

    /// <summary>True when some sentence contains <paramref name="id"/>.</summary>
    public bool Contains(int id) => _present.Contains(id);

    /// <summary>The sentences that contain any of <paramref name="ids"/>, added to <paramref name="into"/>.</summary>
    public void AddSentencesWithAny(ReadOnlySpan<int> ids, SentenceSet into)
    {
        foreach (int id in ids)
            foreach (int s in SentencesWith(id)) into.Add(s);
    }

    /// <summary>The number of distinct ids present in the draft.</summary>
    internal int DistinctIds => _ids.Length;

    /// <summary>The sentences that contain any id of <paramref name="idSet"/>: one pass over the draft's ids.</summary>
    internal void AddSentencesWithAny(WordBits idSet, SentenceSet into)
    {
        for (int k = 0; k < _ids.Length; k++)
        {
            if (!idSet.Contains(_ids[k])) continue;
            for (int p = _starts[k]; p < _starts[k + 1]; p++) into.Add(_sentences[p]);
        }
    }

    [ThreadStatic]
    private static int[]? t_seenIn;

    [ThreadStatic]
    private static int[]? t_cursor;

    /// <summary>
    /// Indexes <paramref name="sentences"/> by their word ids as of vocabulary generation
    /// <paramref name="vocabulary"/>. Two passes over the tokens (count, then fill); the per-id
    /// scratch arrays are per thread and reset after use, so a small draft allocates only its index.
    /// </summary>
    internal static SentenceIndex Build(ImmutableArray<Sentence> sentences, int vocabulary)
    {
        var seenIn = Scratch(ref t_seenIn, vocabulary);
        var cursor = Scratch(ref t_cursor, vocabulary);
        var touched = new List<int>();
        int total = 0;
        // Pass 1: how many sentences hold each id. seenIn[id] is 1 + the last sentence counted for id.
        for (int s = 0; s < sentences.Length; s++)
        {
            foreach (ref readonly var t in sentences[s].WordsAsOf(vocabulary).Tokens.AsSpan())
            {
                Count(t.NormId, s);
                if (t.StemId != t.NormId) Count(t.StemId, s);
            }
        }
        touched.Sort();
        var ids = touched.ToArray();
        var starts = new int[ids.Length + 1];
        for (int k = 0; k < ids.Length; k++)
        {
            int id = ids[k];
            starts[k + 1] = starts[k] + cursor[id];
            cursor[id] = starts[k];
            seenIn[id] = 0;
        }
        // Pass 2: write each id's sentences at its cursor.
        var postings = new int[total];
        for (int s = 0; s < sentences.Length; s++)
        {
            foreach (ref readonly var t in sentences[s].WordsAsOf(vocabulary).Tokens.AsSpan())
            {
                Fill(t.NormId, s);
                if (t.StemId != t.NormId) Fill(t.StemId, s);
            }
        }
        foreach (int id in ids) seenIn[id] = cursor[id] = 0;
        return new SentenceIndex(ids, starts, postings, sentences.Length, vocabulary);

        void Count(int id, int s)
        {
            if (id <= 0 || id >= vocabulary || seenIn[id] == s + 1) return;
            seenIn[id] = s + 1;
            if (cursor[id]++ == 0) touched.Add(id);
            total++;
        }

        void Fill(int id, int s)
        {
            if (id <= 0 || id >= vocabulary || seenIn[id] == s + 1) return;
            seenIn[id] = s + 1;
            postings[cursor[id]++] = s;
        }
    }

    /// <summary>A zeroed per-thread array of at least <paramref name="length"/> ints (callers zero what they touch).</summary>
    private static int[] Scratch(ref int[]? slot, int length)
    {
        if (slot is null || slot.Length < length) slot = new int[Math.Max(length, 2048)];
        return slot;
    }
}

/// <summary>A set of sentence numbers of one draft, as bits: candidates for a pattern or a rule.</summary>
public sealed class SentenceSet
{
    private readonly ulong[] _bits;

    public SentenceSet(int capacity)
    {
        _bits = new ulong[(capacity + 63) >> 6];
        Capacity = capacity;
    }

    /// <summary>Sentence numbers run from 0 to this, exclusive.</summary>
    public int Capacity { get; }

    /// <summary>Every sentence of a draft with <paramref name="capacity"/> sentences.</summary>
    public static SentenceSet All(int capacity)
    {
        var set = new SentenceSet(capacity);
        set._bits.AsSpan().Fill(ulong.MaxValue);
        int spare = set._bits.Length * 64 - capacity;
        if (spare > 0) set._bits[^1] >>= spare;
        return set;
    }

    public bool Contains(int sentence) => (uint)sentence < (uint)Capacity && (_bits[sentence >> 6] & (1UL << sentence)) != 0;

    public void Add(int sentence) => _bits[sentence >> 6] |= 1UL << sentence;

    public bool IsEmpty
    {
        get
        {
            foreach (ulong word in _bits) if (word != 0) return false;
            return true;
        }
    }

    public void UnionWith(SentenceSet other)
    {
        var o = other._bits;
        for (int i = 0; i < _bits.Length; i++) _bits[i] |= o[i];
    }

    public void IntersectWith(SentenceSet other)
    {
        var o = other._bits;
        for (int i = 0; i < _bits.Length; i++) _bits[i] &= o[i];
    }

    public void Clear() => Array.Clear(_bits);

    /// <summary>
    /// A new set holding every member and the <paramref name="count"/> sentences after each (for
    /// entries whose patterns may match up to that many sentences before the one reported).
    /// </summary>
    public SentenceSet SpreadForward(int count)
    {
        var spread = new SentenceSet(Capacity);
        var to = spread._bits;
        Array.Copy(_bits, to, _bits.Length);
        for (int k = 1; k <= count && k < 64; k++)
        {
            ulong carry = 0;
            for (int i = 0; i < _bits.Length; i++)
            {
                ulong word = _bits[i];
                to[i] |= (word << k) | carry;
                carry = word >> (64 - k);
            }
        }
        int spare = to.Length * 64 - Capacity;
        if (spare > 0) to[^1] &= ulong.MaxValue >> spare;
        return spread;
    }

    /// <summary>The smallest member at or after <paramref name="from"/>, or -1.</summary>
    public int NextFrom(int from)
    {
        if (from < 0) from = 0;
        int w = from >> 6;
        if (w >= _bits.Length) return -1;
        ulong word = _bits[w] & (ulong.MaxValue << from);
        while (true)
        {
            if (word != 0) return (w << 6) + BitOperations.TrailingZeroCount(word);
            if (++w >= _bits.Length) return -1;
            word = _bits[w];
        }
    }
}
