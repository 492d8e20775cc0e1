namespace OutreachLsp.Core.Matching;

/// <summary>
/// Splits prose into tokens. Words split at hyphens and slashes ("pre-match" is "pre" "match",
/// "J-1/H-1B" is "j" "1" "h" "1b") so that spelling variants meet in patterns; curly apostrophes
/// count as straight ones; contractions expand to their words.
/// </summary>
public static class Tokenizer
{
    private static readonly HashSet<string> PronounsTakingIs = new(StringComparer.Ordinal)
    {
        "it", "that", "there", "here", "what", "where", "who", "he", "she", "this", "how", "when", "why", "which", "everything", "nothing", "something",
    };

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/> (a reused buffer).</summary>
    internal static void Tokenize(string text, List<Token> tokens)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsLetterOrDigit(c))
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start))) i++;
                AddWord(tokens, text, start, i);
                continue;
            }
            if (c == '#' && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                int start = i++;
                while (i < text.Length && char.IsDigit(text[i])) i++;
                tokens.Add(new Token(WordFormCache.Get(text.AsSpan(start, i - start)), start, i));
                continue;
            }
            // Punctuation and symbols are never pattern words: no id lookup.
            if (char.IsSurrogate(c) && i + 1 < text.Length) { tokens.Add(new Token(TokenKind.Symbol, text.Substring(i, 2), "", i, i + 2)); i += 2; continue; }
            tokens.Add(new Token(SymbolForms.Get(c, PunctuationKind(text, i)), i, i + 1));
            i++;
        }
    }

    /// <summary>
    /// The kind of the one-character punctuation token at <paramref name="i"/>: a clause break (, ; :
    /// dashes, brackets, quotation marks, a hyphen between spaces) or another symbol. Shared with
    /// <see cref="ClauseMarks"/>, which reads the same punctuation later from the text.
    /// </summary>
    internal static TokenKind PunctuationKind(string text, int i)
    {
        char c = text[i];
        if (c is ',' or ';' or ':' or '—' or '–' or '(' or ')' or '"' or '“' or '”' or '[' or ']') return TokenKind.Break;
        // A hyphen or dash between spaces is a clause break; inside a word it only separates parts.
        if (c == '-' && i > 0 && i + 1 < text.Length && char.IsWhiteSpace(text[i - 1]) && char.IsWhiteSpace(text[i + 1])) return TokenKind.Break;
        return TokenKind.Symbol;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘';

    private static void AddWord(List<Token> tokens, string text, int start, int end)
    {
        // Most words are plain (no apostrophe) and recur: their lower-case form, stem and ids come
        // from a shared cache instead of being allocated and stemmed again.
        var surface = text.AsSpan(start, end - start);
        if (surface.Length <= WordFormCache.MaxWordLength && surface.IndexOfAny('\'', '’', '‘') < 0)
        {
            if (WordFormCache.TryGetRecent(surface) is { } recent)
            {
                tokens.Add(new Token(recent, start, end));
                return;
            }
            Span<char> lower = stackalloc char[surface.Length];
            surface.ToLowerInvariant(lower);
            if (!lower.SequenceEqual("cannot"))
            {
                var forms = WordFormCache.Get(lower);
                if (lower.SequenceEqual(surface)) WordFormCache.Remember(forms);
                tokens.Add(new Token(forms, start, end));
                return;
            }
        }
        string raw = text[start..end].ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'');
        int apos = raw.IndexOf('\'');
        if (apos > 0)
        {
            string head = raw[..apos];
            string tail = raw[apos..];
            if (tail == "'t" && head.EndsWith('n'))
            {
                // won't -> will not, can't -> can not, don't -> do not
                string verb = head[..^1] switch { "wo" => "will", "ca" => "can", "sha" => "shall", "ai" => "am", var v => v };
                AddPlain(tokens, verb, start, start + apos - 1);
                AddPlain(tokens, "not", start + apos - 1, end);
                return;
            }
            string? expanded = tail switch
            {
                "'m" => "am",
                "'re" => "are",
                "'ve" => "have",
                "'ll" => "will",
                "'d" => "would",
                "'s" when head == "let" => "us",
                "'s" when PronounsTakingIs.Contains(head) => "is",
                "'s" => "'s",
                _ => null,
            };
            if (expanded is not null)
            {
                AddPlain(tokens, head, start, start + apos);
                AddPlain(tokens, expanded, start + apos, end);
                return;
            }
        }
        if (raw == "cannot")
        {
            AddPlain(tokens, "can", start, start + 3);
            AddPlain(tokens, "not", start + 3, end);
            return;
        }
        AddPlain(tokens, raw, start, end);
    }

    private static void AddPlain(List<Token> tokens, string norm, int start, int end) =>
        tokens.Add(new Token(WordFormCache.Get(norm), start, end));

    /// <summary>A number: starts with a digit, or is "#" and digits ("#1").</summary>
    internal static bool IsNumber(ReadOnlySpan<char> norm) =>
        norm.Length > 0 && (char.IsDigit(norm[0]) || (norm[0] == '#' && norm.Length > 1 && char.IsDigit(norm[1])));
}

/// <summary>
/// Plain words (no apostrophe) by lower-case form: normalised form, stem and <see cref="WordIds"/>,
/// shared by every tokenization in the process. Bounded: past <see cref="MaxEntries"/> words (a
/// hostile or enormous vocabulary) new words are computed each time and not kept. Entries made
/// before the vocabulary grew get their ids looked up again.
/// </summary>
internal static class WordFormCache
{
    public const int MaxWordLength = 48;
    private const int MaxEntries = 100_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, WordForms> Entries = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, WordForms>.AlternateLookup<ReadOnlySpan<char>> ByText =
        Entries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Words written in lower case (most of prose), by spelling, in a small direct-mapped table in
    /// front of the dictionary: a hit needs no lower-casing and no dictionary look-up. Slots are
    /// overwritten freely (a reference write is atomic and the forms are immutable); a slot answers
    /// only for its exact spelling and the current vocabulary generation.
    /// </summary>
    private static readonly WordForms?[] Recent = new WordForms?[4096];

    private static int Slot(ReadOnlySpan<char> word)
    {
        uint h = 2166136261;
        foreach (char c in word) h = (h ^ c) * 16777619;
        return (int)(h >> 20);
    }

    /// <summary>The forms of <paramref name="surface"/> when it is a lower-case word met recently, else null.</summary>
    public static WordForms? TryGetRecent(ReadOnlySpan<char> surface)
    {
        var forms = Recent[Slot(surface)];
        return forms is not null && forms.Generation == WordIds.Count && surface.SequenceEqual(forms.Norm) ? forms : null;
    }

    /// <summary>Keeps <paramref name="forms"/> for <see cref="TryGetRecent"/> (its spelling is its normalised form).</summary>
    public static void Remember(WordForms forms) => Recent[Slot(forms.Norm)] = forms;

    /// <summary>The forms of the word whose lower-case (normalised) form is <paramref name="lower"/>.</summary>
    public static WordForms Get(ReadOnlySpan<char> lower)
    {
        int generation = WordIds.Count;
        if (ByText.TryGetValue(lower, out var forms) && forms.Generation == generation) return forms;
        string norm = forms?.Norm ?? new string(lower);
        bool number = Tokenizer.IsNumber(norm);
        string stem = forms?.Stem ?? (number ? norm : Stemmer.Stem(norm));
        forms = WordForms.Create(number ? TokenKind.Number : TokenKind.Word, norm, stem);
        if (norm.Length <= MaxWordLength && (Entries.Count < MaxEntries || Entries.ContainsKey(norm))) Entries[norm] = forms;
        return forms;
    }
}

/// <summary>Shared forms of single-character punctuation tokens, by character and kind.</summary>
internal static class SymbolForms
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(char, TokenKind), WordForms> Entries = new();

    public static WordForms Get(char c, TokenKind kind) =>
        Entries.TryGetValue((c, kind), out var forms) ? forms : Add(c, kind);

    private static WordForms Add(char c, TokenKind kind)
    {
        var forms = new WordForms(kind, c.ToString(), "", 0, 0, 0);
        // Bounded like the word cache: a text of a million distinct symbols gets fresh forms past it.
        if (Entries.Count < 4096) Entries.TryAdd((c, kind), forms);
        return forms;
    }
}
