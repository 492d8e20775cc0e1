using System.Globalization;
using System.Text;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Matching;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// Small text helpers shared by the name-, salutation- and signature-aware kinds: case and
/// diacritic folding, name words, line bounds, and the document's line-ending style.
/// </summary>
internal static class KindText
{
    /// <summary>
    /// Words that say what kind of place a name is, not which one: two names that share only these
    /// ("Medical Center", "Internal Medicine Residency") are not the same place.
    /// </summary>
    public static readonly HashSet<string> GenericNameWords = new(StringComparer.Ordinal)
    {
        "the", "of", "and", "at", "for", "in", "a", "an", "de", "la", "del", "y", "s", "'s", "st", "saint", "mt", "mount",
        "medical", "medicine", "center", "centre", "hospital", "hospitals", "health", "healthcare", "system", "systems", "university",
        "college", "school", "institute", "clinic", "clinics", "regional", "community", "general", "memorial", "county", "city",
        "residency", "residencies", "program", "programme", "programs", "training", "graduate", "education", "gme", "department",
        "internal", "family", "pediatric", "pediatrics", "paediatric", "paediatrics", "neurology", "surgery", "surgical", "psychiatry",
        "im", "fm", "peds", "em", "obgyn", "ob", "gyn", "categorical", "preliminary", "prelim", "track", "pathway", "global",
        "children", "childrens", "children's", "women", "womens", "women's", "campus", "network", "partners", "group", "foundation",
        "north", "south", "east", "west", "central", "new", "va", "veterans", "affairs", "state",
    };

    /// <summary>Lower case, accents removed, curly apostrophes straightened ("Clínica" → "clinica").</summary>
    public static string Fold(string s)
    {
        bool ascii = true, upper = false;
        foreach (char c in s)
        {
            if (c > 127) { ascii = false; break; }
            upper |= c is >= 'A' and <= 'Z';
        }
        // Token norms are already lower case: most words come back as they are, without a copy.
        if (ascii) return upper ? s.ToLowerInvariant() : s;
        // Normalize throws on a lone surrogate (a half-typed emoji); such a character cannot be part of a name.
        var decomposed = WithoutLoneSurrogates(s).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c is '’' or '‘' ? '\'' : c);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    private static string WithoutLoneSurrogates(string s)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool paired = char.IsHighSurrogate(c) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(s[i - 1]));
            if (paired)
            {
                sb?.Append(c);
                continue;
            }
            sb ??= new StringBuilder(s, 0, i, s.Length);
            sb.Append('\uFFFD');
        }
        return sb?.ToString() ?? s;
    }

    /// <summary>The folded word tokens of a name, as prose tokenizes them ("St. Brendan's" → st, brendan, 's).</summary>
    public static string[] NameWords(string name)
    {
        var tokens = Tokenizer.Tokenize(name);
        var words = new List<string>(tokens.Count);
        foreach (var t in tokens)
            if (t.Kind is TokenKind.Word or TokenKind.Number) words.Add(Fold(t.Norm));
        return words.ToArray();
    }

    /// <summary>The words of a name that identify it (not "Medical", "Center", "Residency"...).</summary>
    public static IEnumerable<string> SignificantWords(IEnumerable<string> foldedWords) =>
        foldedWords.Where(w => w.Length > 1 && !GenericNameWords.Contains(w) && !char.IsDigit(w[0]));

    /// <summary>The start of the line containing <paramref name="offset"/>.</summary>
    public static int LineStart(string text, int offset)
    {
        int i = Math.Clamp(offset, 0, text.Length);
        while (i > 0 && text[i - 1] is not ('\n' or '\r')) i--;
        return i;
    }

    /// <summary>The end of the line's content (before its line break).</summary>
    public static int LineEnd(string text, int offset)
    {
        int i = Math.Clamp(offset, 0, text.Length);
        int found = text.AsSpan(i).IndexOfAny('\n', '\r');
        return found < 0 ? text.Length : i + found;
    }

    /// <summary>The start of the next line (after the line break), or the text end.</summary>
    public static int NextLineStart(string text, int lineEnd)
    {
        int i = lineEnd;
        if (i < text.Length && text[i] == '\r') i++;
        if (i < text.Length && text[i] == '\n' && (i == lineEnd || text[i - 1] == '\r')) i++;
        return i;
    }

    /// <summary>The line break the document uses ("\r\n" when its first break is CRLF), for inserted lines.</summary>
    public static string LineBreak(string text)
    {
        int n = text.IndexOf('\n');
        if (n > 0 && text[n - 1] == '\r') return "\r\n";
        if (n < 0 && text.Contains('\r')) return "\r";
        return "\n";
    }

    /// <summary>Trims spaces and tabs from both ends of [start, end).</summary>
    public static TextSpan TrimSpan(string text, int start, int end)
    {
        while (start < end && text[start] is ' ' or '\t') start++;
        while (end > start && text[end - 1] is ' ' or '\t') end--;
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>The span from a front-matter key through its value ("send_date: 2025-11-04").</summary>
    public static TextSpan? FieldSpan(Draft draft, string key) =>
        draft.Meta.GetField(key) is { } f ? TextSpan.FromBounds(f.KeySpan.Start, Math.Max(f.KeySpan.End, f.ValueSpan.End)) : null;

    /// <summary>Where a workspace finding about the draft as a whole goes: the first of these fields present, else the body's first line.</summary>
    public static TextSpan LocateOnFields(Draft draft, params string[] keys)
    {
        foreach (var key in keys)
            if (FieldSpan(draft, key) is { } span) return span;
        return BodyLocator.FirstLine(draft);
    }

    public static string FileName(string documentId)
    {
        int slash = Math.Max(documentId.LastIndexOf('/'), documentId.LastIndexOf('\\'));
        return slash >= 0 && slash + 1 < documentId.Length ? documentId[(slash + 1)..] : documentId;
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no send date";

    public static string Shorten(string s, int max = 60) => s.Length <= max ? s : s[..(max - 3)] + "...";
}
