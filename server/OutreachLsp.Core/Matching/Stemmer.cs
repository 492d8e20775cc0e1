namespace OutreachLsp.Core.Matching;

/// <summary>
/// A deliberately light suffix stripper. It need not be linguistically right, only consistent:
/// patterns and text are stemmed the same way, so "rank" in a pattern matches "ranks", "ranked",
/// "ranking". Words of three letters or fewer are left alone ("is", "was", "us").
/// </summary>
public static class Stemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !IsLetters(word)) return word;
        string w = word;
        // Plural first, so that "rankings" reaches "rank" through "ranking".
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4) w = w[..^3] + "y";
        else if (w.EndsWith("es", StringComparison.Ordinal) && w.Length > 4 && IsSibilantStem(w[..^2])) w = w[..^2];
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal)) w = w[..^1];
        if (w.EndsWith("ied", StringComparison.Ordinal) && w.Length > 4) w = w[..^3] + "y";
        else if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5) w = UndoubleConsonant(w[..^3]);
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4) w = UndoubleConsonant(w[..^2]);
        if (w.Length > 3 && w.EndsWith('e')) w = w[..^1];
        return w;
    }

    private static bool IsSibilantStem(string stem) =>
        stem.EndsWith("ch", StringComparison.Ordinal) || stem.EndsWith("sh", StringComparison.Ordinal) ||
        stem.EndsWith('x') || stem.EndsWith('z') || stem.EndsWith("ss", StringComparison.Ordinal) || stem.EndsWith('o');

    private static string UndoubleConsonant(string stem)
    {
        if (stem.Length >= 3 && stem[^1] == stem[^2] && !"aeioulsz".Contains(stem[^1])) return stem[..^1];
        return stem;
    }

    private static bool IsLetters(string w)
    {
        foreach (char c in w) if (!char.IsLetter(c)) return false;
        return true;
    }
}
