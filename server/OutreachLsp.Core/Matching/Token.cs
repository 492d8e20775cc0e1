namespace OutreachLsp.Core.Matching;

public enum TokenKind : byte
{
    Word,
    Number,
    /// <summary>Punctuation that ends a clause but not a sentence: , ; : — – ( ) "</summary>
    Break,
    /// <summary>Other punctuation and symbols.</summary>
    Symbol,
}

/// <summary>
/// A token of prose. <see cref="Norm"/> is lower-case with curly apostrophes straightened and
/// contractions expanded ("won't" gives "will" + "not"); <see cref="Stem"/> is a light stem so that
/// pattern words match their inflections. <see cref="NormId"/> and <see cref="StemId"/> are their
/// <see cref="WordIds"/> (0 when no pattern mentions the word). Start/End are offsets in the
/// <see cref="Drafts.ProseBlock"/> text.
/// </summary>
public readonly record struct Token
{
    public Token(TokenKind kind, string norm, string stem, int start, int end)
        : this(kind, norm, stem, start, end, WordIds.Find(norm), stem == norm ? -1 : WordIds.Find(stem))
    {
    }

    internal Token(TokenKind kind, string norm, string stem, int start, int end, int normId, int stemId)
    {
        Kind = kind;
        Norm = norm;
        Stem = stem;
        Start = start;
        End = end;
        NormId = normId;
        StemId = stemId < 0 ? normId : stemId;
    }

    public TokenKind Kind { get; }
    public string Norm { get; }
    public string Stem { get; }
    public int Start { get; }
    public int End { get; }
    public int NormId { get; }
    public int StemId { get; }
}
