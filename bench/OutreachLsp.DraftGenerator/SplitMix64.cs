namespace OutreachLsp.DraftGenerator;

/// <summary>
/// A tiny seeded generator (SplitMix64). Used instead of <see cref="Random"/> so the benchmark
/// inputs stay byte-for-byte the same across .NET versions: figures measured months apart must
/// describe the same documents.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public static SplitMix64 For(int seed, int stream) =>
        new(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xD1B54A32D192ED03UL ^ 0x5DEECE66DUL));

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, max).</summary>
    public int Next(int max) => max <= 0 ? 0 : (int)(NextUInt64() % (ulong)max);

    /// <summary>A value in [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
