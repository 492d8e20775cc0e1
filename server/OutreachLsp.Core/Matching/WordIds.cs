using System.Collections.Concurrent;

namespace OutreachLsp.Core.Matching;

/// <summary>
/// Integer ids for the words that patterns mention (their stems and normalised forms), so that
/// matching compares integers and tests set membership with bits instead of hashing strings for
/// every pattern and every word. Id 0 means "no pattern mentions this word".
///
/// One vocabulary for the process: every pattern of every pack shares it, and tokens carry the ids
/// looked up when they were made. It only grows, and only when a pattern is compiled (pack loads):
/// prose words are looked up, never added, so text cannot grow it. Its size is bounded by the packs'
/// own limits (pattern size, file count). <see cref="Count"/> doubles as a generation: prose analysed
/// before a pack added words has its ids looked up again (see <see cref="Sentence.WordsAsOf"/>).
/// </summary>
public static class WordIds
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SpanIds = Ids.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Lock Gate = new();
    private static int _count = 1;

    /// <summary>One more than the largest id handed out; changes whenever a word is added.</summary>
    public static int Count => Volatile.Read(ref _count);

    /// <summary>The id of a word some pattern mentions, else 0.</summary>
    public static int Find(string word) => Ids.TryGetValue(word, out int id) ? id : 0;

    /// <inheritdoc cref="Find(string)"/>
    public static int Find(ReadOnlySpan<char> word) => SpanIds.TryGetValue(word, out int id) ? id : 0;

    /// <summary>The id of a pattern word, adding it when new. Only pattern compilation calls this.</summary>
    public static int Intern(string word)
    {
        if (Ids.TryGetValue(word, out int id)) return id;
        lock (Gate)
        {
            if (Ids.TryGetValue(word, out id)) return id;
            id = _count;
            Ids[word] = id;
            Volatile.Write(ref _count, id + 1);
            return id;
        }
    }
}

/// <summary>
/// A set of word ids as bits: the words of a sentence or a draft, for the patterns' pre-filters.
/// Ids at or beyond the capacity are absent (they were added to the vocabulary after the set was made).
/// </summary>
public sealed class WordBits
{
    private readonly ulong[] _bits;

    public WordBits(int capacity)
    {
        _bits = new ulong[(capacity + 63) >> 6];
        Vocabulary = capacity;
    }

    /// <summary>
    /// The vocabulary generation the ids were taken from: words the vocabulary gained later are
    /// absent from this set even when present in the text.
    /// </summary>
    public int Vocabulary { get; private init; }

    /// <summary>The ids of these tokens, whose ids were looked up at vocabulary generation <paramref name="vocabulary"/>.</summary>
    public static WordBits Of(ReadOnlySpan<Token> words, int vocabulary)
    {
        var bits = new WordBits(WordIds.Count) { Vocabulary = vocabulary };
        foreach (ref readonly var w in words)
        {
            bits.Add(w.NormId);
            bits.Add(w.StemId);
        }
        return bits;
    }

    /// <summary>
    /// The ids of a fixed set of words a kind looks for outside its patterns (clause openers, head
    /// words), interned so that tokens made from now on carry them.
    /// </summary>
    internal static WordBits Interned(params string[] words)
    {
        var ids = words.Select(WordIds.Intern).ToArray();
        var bits = new WordBits(WordIds.Count);
        foreach (int id in ids) bits.Add(id);
        return bits;
    }

    public void Add(int id)
    {
        if (id > 0 && (id >> 6) < _bits.Length) _bits[id >> 6] |= 1UL << id;
    }

    public void UnionWith(WordBits other)
    {
        var o = other._bits;
        for (int i = 0; i < o.Length && i < _bits.Length; i++) _bits[i] |= o[i];
    }

    public bool Contains(int id) => id > 0 && (id >> 6) < _bits.Length && (_bits[id >> 6] & (1UL << id)) != 0;

    /// <summary>True when any id of <paramref name="ids"/> is in the set.</summary>
    public bool ContainsAny(int[] ids)
    {
        foreach (int id in ids) if (Contains(id)) return true;
        return false;
    }
}
