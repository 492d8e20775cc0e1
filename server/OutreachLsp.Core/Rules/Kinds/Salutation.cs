using System.Collections.Immutable;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Matching;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// A person's name as written in <c>to_name</c> or <c>cc</c>: title, given name and surname, with
/// folded forms for comparison. Handles titles (Dr., Prof., Ms.), trailing degrees ("MD", ", PhD"),
/// particles ("de la Cruz", "van Dijk"), hyphens ("Al-Hassan"), case and diacritics.
/// </summary>
internal sealed class PersonName
{
    internal static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "dr", "doctor", "drs", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "madam", "madame", "dame", "messrs",
    };

    private static readonly HashSet<string> Degrees = new(StringComparer.Ordinal)
    {
        "md", "do", "phd", "mph", "mbbs", "mbchb", "mbbch", "facp", "faafp", "faap", "facs", "frcp", "frcs", "frcpc", "msc", "mba", "mha", "ms",
        "rn", "np", "pa", "dnp", "mpp", "mmed", "jr", "sr", "ii", "iii", "iv", "mscr", "facog", "facep",
    };

    internal static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "del", "della", "der", "den", "di", "da", "dos", "das", "du", "la", "le", "van", "von", "al", "el", "bin", "ibn", "ter", "ten",
        "abu", "ben", "y", "mac", "st",
    };

    private PersonName(string? title, string? given, string surname, string[] folded)
    {
        Title = title;
        Given = given;
        Surname = surname;
        Folded = folded;
    }

    /// <summary>The title as written ("Dr."), or null.</summary>
    public string? Title { get; }

    /// <summary>The first given name as written, or null when only one name is given.</summary>
    public string? Given { get; }

    /// <summary>The surname as written ("de la Cruz", "Al-Hassan", "Park").</summary>
    public string Surname { get; }

    /// <summary>Every name word folded (titles and degrees removed), in order.</summary>
    public string[] Folded { get; }

    public static PersonName? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim();
        int cut = s.IndexOfAny([',', '(', '<', ';']);
        if (cut > 0) s = s[..cut];
        var tokens = s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        string? title = null;
        while (tokens.Count > 0 && Titles.Contains(FoldWord(tokens[0])))
        {
            title ??= tokens[0];
            tokens.RemoveAt(0);
        }
        while (tokens.Count > 1 && Degrees.Contains(FoldWord(tokens[^1])) && tokens[^1].Count(char.IsUpper) >= 2) tokens.RemoveAt(tokens.Count - 1);
        tokens.RemoveAll(t => FoldWord(t).Length == 0);
        if (tokens.Count == 0) return null;
        string? given = tokens.Count >= 2 ? tokens[0] : null;
        string surname = tokens[^1];
        for (int p = 1; p < tokens.Count - 1; p++)
        {
            if (!Particles.Contains(FoldWord(tokens[p]))) continue;
            surname = string.Join(' ', tokens.Skip(p));
            break;
        }
        return new PersonName(title, given, surname, tokens.Select(FoldWord).ToArray());
    }

    /// <summary>A name word folded for comparison: lower case, no accents, no periods or apostrophes.</summary>
    public static string FoldWord(string word)
    {
        var folded = KindText.Fold(word);
        var sb = new System.Text.StringBuilder(folded.Length);
        foreach (char c in folded)
            if (char.IsLetterOrDigit(c) || c == '-') sb.Append(c);
        return sb.ToString().Trim('-');
    }

    /// <summary>The forms this person's surname can take in a salutation ("delacruz", "cruz", "alhassan", "hassan").</summary>
    private HashSet<string> SurnameForms()
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        int first = Folded.Length == 1 ? 0 : 1;
        for (int k = first; k < Folded.Length; k++)
        {
            forms.Add(string.Concat(Folded.Skip(k)).Replace("-", "", StringComparison.Ordinal));
            if (Particles.Contains(Folded[k])) continue;
            forms.Add(Folded[k].Replace("-", "", StringComparison.Ordinal));
            foreach (var part in Folded[k].Split('-', StringSplitOptions.RemoveEmptyEntries))
                if (part.Length > 1 && !Particles.Contains(part)) forms.Add(part);
        }
        return forms;
    }

    /// <summary>Whether the greeted name words (folded) name this person: by surname, or by given name alone.</summary>
    public bool IsNamedBy(IReadOnlyList<string> greeted)
    {
        if (greeted.Count == 0) return false;
        if (IsGivenNameOnly(greeted)) return true;
        var forms = SurnameForms();
        for (int j = 0; j < greeted.Count; j++)
        {
            if (forms.Contains(string.Concat(greeted.Skip(j)).Replace("-", "", StringComparison.Ordinal))) return true;
        }
        foreach (var part in greeted[^1].Split('-', StringSplitOptions.RemoveEmptyEntries))
            if (part.Length > 1 && !Particles.Contains(part) && forms.Contains(part)) return true;
        return false;
    }

    /// <summary>"Dear Susan," to Dr. Susan Park: the given name alone.</summary>
    public bool IsGivenNameOnly(IReadOnlyList<string> greeted) =>
        greeted.Count == 1 && Given is not null && FoldWord(Given) == greeted[0] && Folded.Length >= 2 && greeted[0] != Folded[^1];
}

/// <summary>A person greeted in a salutation: the title and name as written, and where.</summary>
internal sealed record GreetedPerson(TextSpan Span, string? Title, ImmutableArray<string> Words, ImmutableArray<string> Folded, bool IsGeneric);

/// <summary>
/// The salutation: the first prose line of the body up to its closing punctuation ("Dear Dr. Park,"),
/// with its words tokenized (for the kinds' patterns) and the people it greets.
/// </summary>
internal sealed class SalutationLine
{
    private static readonly HashSet<string> GreetingWords = new(StringComparer.Ordinal)
    {
        "dear", "hi", "hello", "hey", "hiya", "respected", "esteemed", "honoured", "honored", "revered", "greetings", "good", "morning",
        "afternoon", "evening", "my", "most", "very", "much", "respectable", "honourable", "honorable", "beloved", "again", "once",
    };

    private static readonly HashSet<string> GenericAddressees = new(StringComparer.Ordinal)
    {
        "sir", "sirs", "madam", "madame", "maam", "ma'am", "all", "team", "committee", "colleague", "colleagues", "program", "programme", "residency",
        "director", "directors", "coordinator", "coordinators", "selection", "admissions", "admission", "faculty", "members", "member", "everyone",
        "friends", "there", "doctor", "doctors", "professor", "professors", "chief", "chiefs", "resident", "residents", "manager", "hiring", "gme",
        "office", "staff", "whom", "concern", "search", "recruitment", "board", "panel", "interviewers", "interviewer", "department", "academic",
        "associate", "assistant", "hr", "administrator", "administrators", "sirmadam", "or", "to", "it", "may", "pd", "apd", "folks", "future",
    };

    private SalutationLine(TextSpan span, string text, Token[] words, ImmutableArray<GreetedPerson> people, bool hasPlaceholder)
    {
        Span = span;
        Text = text;
        Words = words;
        People = people;
        HasPlaceholder = hasPlaceholder;
    }

    /// <summary>The salutation in the document, through its closing comma, colon or exclamation mark.</summary>
    public TextSpan Span { get; }

    public string Text { get; }

    /// <summary>Word tokens of <see cref="Text"/> (offsets relative to <see cref="Span"/>).</summary>
    public Token[] Words { get; }

    public ImmutableArray<GreetedPerson> People { get; }

    /// <summary>The salutation still holds a template slot ([..], {..}, &lt;..&gt;): the placeholder rule's business.</summary>
    public bool HasPlaceholder { get; }

    /// <summary>True when the words from the start match <paramref name="pattern"/>.</summary>
    public bool StartsWith(Pattern pattern) => pattern.Match(Words) is { Start: 0 };

    /// <summary>True when <paramref name="pattern"/> matches all the words.</summary>
    public bool IsExactly(Pattern pattern) => pattern.Match(Words) is { Start: 0 } m && m.End == Words.Length;

    public static SalutationLine? Find(Draft draft)
    {
        if (draft.Prose.IsDefaultOrEmpty) return null;
        var text = draft.Text;
        int start = draft.Prose[0].SourceSpan.Start;
        if (start < 0 || start >= text.Length) return null;
        int lineEnd = KindText.LineEnd(text, start);
        while (start < lineEnd && text[start] is ' ' or '\t' or '*' or '_' or '#' or '>') start++;
        if (start >= lineEnd) return null;
        int end = FindEnd(text, start, lineEnd, out int wordsEnd);
        if (end <= start) return null;
        var span = TextSpan.FromBounds(start, end);
        string slice = text[start..end];
        var words = Tokenizer.Tokenize(slice).Where(t => t.Kind is TokenKind.Word or TokenKind.Number).ToArray();
        if (words.Length == 0) return null;
        bool placeholder = slice.IndexOfAny(['[', '{', '<']) >= 0 || slice.Contains("XXX", StringComparison.Ordinal);
        var people = ReadPeople(text, start, wordsEnd);
        return new SalutationLine(span, slice, words, people, placeholder);
    }

    /// <summary>The end of the salutation: after , ; : ! or ?, before a dash, or the trimmed line end.</summary>
    private static int FindEnd(string text, int start, int lineEnd, out int wordsEnd)
    {
        for (int i = start; i < lineEnd; i++)
        {
            char c = text[i];
            if (c is ',' or ';' or ':' or '!' or '?')
            {
                wordsEnd = i;
                return i + 1;
            }
            if (c is '—' or '–' || (c == '-' && i > start && text[i - 1] == ' ' && i + 1 < lineEnd && text[i + 1] == ' '))
            {
                wordsEnd = TrimEndMarkup(text, start, i);
                return wordsEnd;
            }
            if (c == '.' && !IsAbbreviationPeriod(text, start, i))
            {
                wordsEnd = i;
                return i + 1;
            }
        }
        wordsEnd = TrimEndMarkup(text, start, lineEnd);
        return wordsEnd;
    }

    private static int TrimEndMarkup(string text, int start, int end)
    {
        while (end > start && text[end - 1] is ' ' or '\t' or '*' or '_') end--;
        return end;
    }

    private static bool IsAbbreviationPeriod(string text, int start, int dot)
    {
        int w = dot;
        while (w > start && char.IsLetter(text[w - 1])) w--;
        string word = KindText.Fold(text[w..dot]);
        return word.Length == 1 || PersonName.Titles.Contains(word) || word is "st" or "jr" or "sr" or "mt";
    }

    /// <summary>The people after the greeting words ("Dear Dr. Park and Dr. Lee" → two).</summary>
    private static ImmutableArray<GreetedPerson> ReadPeople(string text, int start, int end)
    {
        var raw = new List<(int Start, int End)>();
        int i = start;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i])) i++;
            int s = i;
            while (i < end && !char.IsWhiteSpace(text[i])) i++;
            if (i > s) raw.Add((s, i));
        }
        int k = 0;
        bool greeted = false;
        while (k < raw.Count && GreetingWords.Contains(PersonName.FoldWord(text[raw[k].Start..raw[k].End])))
        {
            k++;
            greeted = true;
        }
        if (!greeted && !(k < raw.Count && PersonName.Titles.Contains(PersonName.FoldWord(text[raw[k].Start..raw[k].End])))) return ImmutableArray<GreetedPerson>.Empty;
        var people = ImmutableArray.CreateBuilder<GreetedPerson>();
        var current = new List<(int Start, int End)>();
        for (; k <= raw.Count; k++)
        {
            string word = k < raw.Count ? text[raw[k].Start..raw[k].End] : "";
            bool separator = k == raw.Count || word is "and" or "&" or "/" or "or";
            if (!separator)
            {
                current.Add(raw[k]);
                continue;
            }
            if (current.Count > 0) people.Add(MakePerson(text, current));
            current.Clear();
        }
        return people.ToImmutable();
    }

    private static GreetedPerson MakePerson(string text, List<(int Start, int End)> words)
    {
        string? title = null;
        int n = 0;
        while (n < words.Count && PersonName.Titles.Contains(PersonName.FoldWord(text[words[n].Start..words[n].End])))
        {
            title ??= text[words[n].Start..words[n].End];
            n++;
        }
        var nameWords = ImmutableArray.CreateBuilder<string>();
        var folded = ImmutableArray.CreateBuilder<string>();
        bool generic = false;
        int spanEnd = words[^1].End;
        while (spanEnd > words[0].Start && text[spanEnd - 1] is '.' or '*' or '_' or '"' or '\'' or ')') spanEnd--;
        for (int i = n; i < words.Count; i++)
        {
            string w = text[words[i].Start..words[i].End];
            string f = PersonName.FoldWord(w);
            if (f.Length == 0) continue;
            if (GenericAddressees.Contains(f) || f.Split('-').Any(GenericAddressees.Contains) || !char.IsLetter(f[0])) generic = true;
            nameWords.Add(w.TrimEnd('.', '*', '_', '"', '\'', ')'));
            folded.Add(f);
        }
        if (title is not null && PersonName.FoldWord(title) is "sir" or "madam" or "madame") generic = true;
        if (folded.Count == 0) generic = true;
        var span = TextSpan.FromBounds(words[0].Start, Math.Max(words[0].Start, spanEnd));
        return new GreetedPerson(span, title, nameWords.ToImmutable(), folded.ToImmutable(), generic);
    }
}
