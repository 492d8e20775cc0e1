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
/// pattern words match their inflections. Start/End are offsets in the <see cref="Drafts.ProseBlock"/> text.
/// </summary>
public readonly record struct Token(TokenKind Kind, string Norm, string Stem, int Start, int End);
