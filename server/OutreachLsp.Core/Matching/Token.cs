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
///
/// Sixteen bytes: everything but the position lives in a <see cref="WordForms"/> shared by every
/// occurrence of the word (a long draft holds hundreds of thousands of tokens and a few thousand
/// distinct words).
/// </summary>
public readonly struct Token
{
    private readonly WordForms _forms;

    public Token(TokenKind kind, string norm, string stem, int start, int end)
        : this(WordForms.Create(kind, norm, stem), start, end)
    {
    }

    internal Token(WordForms forms, int start, int end)
    {
        _forms = forms;
        Start = start;
        End = end;
    }

    public TokenKind Kind => _forms.Kind;
    public string Norm => _forms.Norm;
    public string Stem => _forms.Stem;
    public int Start { get; }
    public int End { get; }
    public int NormId => _forms.NormId;
    public int StemId => _forms.StemId;

    public override string ToString() => $"{Kind} '{Norm}' [{Start}, {End})";
}

/// <summary>
/// What a token is apart from where it is: kind, normalised form, stem and their <see cref="WordIds"/>
/// as of vocabulary generation <see cref="Generation"/>. Shared between tokens (see
/// <see cref="WordFormCache"/>); immutable.
/// </summary>
internal sealed class WordForms(TokenKind kind, string norm, string stem, int normId, int stemId, int generation)
{
    public TokenKind Kind { get; } = kind;
    public string Norm { get; } = norm;
    public string Stem { get; } = stem;
    public int NormId { get; } = normId;
    public int StemId { get; } = stemId;
    public int Generation { get; } = generation;

    public bool IsNumber => Kind == TokenKind.Number;

    /// <summary>Forms with their ids looked up now (punctuation has none).</summary>
    public static WordForms Create(TokenKind kind, string norm, string stem)
    {
        int generation = WordIds.Count;
        if (kind is TokenKind.Break or TokenKind.Symbol) return new WordForms(kind, norm, stem, 0, 0, generation);
        int normId = WordIds.Find(norm);
        return new WordForms(kind, norm, stem, normId, stem == norm ? normId : WordIds.Find(stem), generation);
    }
}
