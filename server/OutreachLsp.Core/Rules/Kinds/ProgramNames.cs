using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Matching;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>A program, institution or alias name of one draft, as folded words.</summary>
internal sealed record ProgramNameEntry(string[] Words, string Display, string Field, DocumentContext Owner, HashSet<string> Significant);

/// <summary>A name found in a sentence: words [Start, End) of <see cref="Sentence.Words"/>.</summary>
internal sealed record NameMention(int Start, int End, ProgramNameEntry? Entry, string Display);

/// <summary>
/// Program names in prose. The first-choice and program-name kinds rewrite a mention of the draft's
/// own program (its <c>program</c>, <c>institution</c> or an alias) as the single word
/// <see cref="OwnToken"/>, and a mention of another program as <see cref="OtherToken"/>, so that the
/// pack's patterns can say <c>@own_program</c> and <c>@other_program</c> (lexicon entries).
/// </summary>
internal static class ProgramNames
{
    public const string OwnToken = "thisprogramname";
    public const string OtherToken = "otherprogramname";

    /// <summary>The names a draft's front matter gives its program, with the field each came from.</summary>
    public static IEnumerable<ProgramNameEntry> NamesOf(DocumentContext context)
    {
        var meta = context.Draft.Meta;
        if (Entry(meta.Program, "program", context) is { } p) yield return p;
        if (Entry(meta.Institution, "institution", context) is { } i) yield return i;
        foreach (var alias in meta.Aliases)
            if (Entry(alias, "aliases", context) is { } a) yield return a;
    }

    private static ProgramNameEntry? Entry(string? name, string field, DocumentContext owner)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var words = KindText.NameWords(name);
        if (words.Length == 0) return null;
        return new ProgramNameEntry(words, name.Trim(), field, owner, KindText.SignificantWords(words).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Sentence words folded for name comparison.</summary>
    public static string[] Fold(Sentence sentence)
    {
        var folded = new string[sentence.Words.Length];
        for (int i = 0; i < folded.Length; i++) folded[i] = KindText.Fold(sentence.Words[i].Norm);
        return folded;
    }

    /// <summary>
    /// A sentence whose words [Start, End) of each replacement are one synthetic word: patterns match
    /// it as one word, and its document span is that of the words it replaces.
    /// </summary>
    public static Sentence Rewrite(Sentence sentence, IReadOnlyList<(int Start, int End, string Norm)> replacements, out int[] map)
    {
        var words = sentence.Words;
        var newWords = new List<Token>(words.Length);
        var clauses = new List<int>(words.Length);
        var quoted = new List<bool>(words.Length);
        map = new int[words.Length + 1];
        var ordered = replacements.OrderBy(r => r.Start).ToList();
        int r = 0;
        for (int i = 0; i < words.Length;)
        {
            while (r < ordered.Count && ordered[r].Start < i) r++;
            if (r < ordered.Count && ordered[r].Start == i && ordered[r].End > i)
            {
                var (start, end, norm) = ordered[r];
                end = Math.Min(end, words.Length);
                for (int k = start; k < end; k++) map[k] = newWords.Count;
                newWords.Add(new Token(TokenKind.Word, norm, norm, words[start].Start, words[end - 1].End));
                clauses.Add(sentence.ClauseIds[start]);
                quoted.Add(IsQuoted(sentence, start));
                i = end;
                r++;
                continue;
            }
            map[i] = newWords.Count;
            newWords.Add(words[i]);
            clauses.Add(sentence.ClauseIds[i]);
            quoted.Add(IsQuoted(sentence, i));
            i++;
        }
        map[words.Length] = newWords.Count;
        return new Sentence(sentence.Block, sentence.BlockIndex, newWords.ToArray(), clauses.ToArray(), quoted.ToArray(), sentence.TextStart, sentence.TextEnd, sentence.IsQuestion);
    }

    private static bool IsQuoted(Sentence sentence, int i) => i < sentence.Quoted.Length && sentence.Quoted[i];

    /// <summary>Non-overlapping, longest-first mentions of the names in <paramref name="index"/>, left to right.</summary>
    public static List<NameMention> Find(string[] folded, NameIndex index, Func<ProgramNameEntry, int, bool>? accept = null)
    {
        var result = new List<NameMention>();
        for (int i = 0; i < folded.Length;)
        {
            var entry = index.LongestAt(folded, i, accept);
            if (entry is null) { i++; continue; }
            result.Add(new NameMention(i, i + entry.Words.Length, entry, entry.Display));
            i += entry.Words.Length;
        }
        return result;
    }

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "and", "the", "for", "de", "la", "del", "'s", "y", "at" };

    /// <summary>
    /// Mentions of the draft's own program: its full names (longest first), then short forms the
    /// front matter does not list, such as "Corran Valley" or "St. Columba's" for "Corran Valley
    /// Medical Center Internal Medicine Residency": runs of capitalised words that hold at least one
    /// significant word of the draft's own names and no significant word that is not one of them.
    /// </summary>
    public static List<NameMention> FindOwn(Sentence sentence, string[] folded, NameIndex own, HashSet<string> ownSignificant)
    {
        var mentions = Find(folded, own);
        if (ownSignificant.Count == 0) return mentions;
        var taken = new bool[folded.Length];
        foreach (var m in mentions) for (int k = m.Start; k < m.End; k++) taken[k] = true;
        for (int i = 0; i < folded.Length;)
        {
            if (taken[i] || !IsCapitalized(sentence, i) || Connectors.Contains(folded[i]))
            {
                i++;
                continue;
            }
            int j = i;
            bool ownWord = false, foreignWord = false;
            int lastCapital = i;
            while (j < folded.Length && !taken[j] && (IsCapitalized(sentence, j) || (Connectors.Contains(folded[j]) && j + 1 < folded.Length && IsCapitalized(sentence, j + 1)) || folded[j] == "'s"))
            {
                if (ownSignificant.Contains(folded[j])) ownWord = true;
                else if (!KindText.GenericNameWords.Contains(folded[j]) && folded[j].Length > 1) foreignWord = true;
                if (IsCapitalized(sentence, j) || folded[j] == "'s") lastCapital = j;
                j++;
            }
            if (ownWord && !foreignWord)
            {
                mentions.Add(new NameMention(i, lastCapital + 1, null, sentence.Block.Text[sentence.Words[i].Start..sentence.Words[lastCapital].End]));
                for (int k = i; k <= lastCapital; k++) taken[k] = true;
            }
            i = Math.Max(j, i + 1);
        }
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    /// <summary>The word starts with a capital letter (or a digit) in the prose.</summary>
    public static bool IsCapitalized(Sentence sentence, int i)
    {
        var word = sentence.Words[i];
        var text = sentence.Block.Text;
        return word.Start < text.Length && (char.IsUpper(text[word.Start]) || char.IsDigit(text[word.Start]));
    }

    /// <summary>A stem set with the synthetic words added, for the patterns' pre-filter.</summary>
    public static HashSet<string> StemsWithTokens(HashSet<string> stems)
    {
        var copy = new HashSet<string>(stems, StringComparer.Ordinal) { OwnToken, OtherToken };
        return copy;
    }
}

/// <summary>Names by first word, for longest-match lookup in a sentence.</summary>
internal sealed class NameIndex
{
    private readonly Dictionary<string, List<ProgramNameEntry>> _byFirst = new(StringComparer.Ordinal);

    public NameIndex(IEnumerable<ProgramNameEntry> entries)
    {
        foreach (var e in entries)
        {
            if (!_byFirst.TryGetValue(e.Words[0], out var list)) _byFirst[e.Words[0]] = list = [];
            list.Add(e);
        }
        foreach (var list in _byFirst.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    public bool IsEmpty => _byFirst.Count == 0;

    /// <summary>Every entry whose words are exactly <paramref name="words"/>.</summary>
    public IEnumerable<ProgramNameEntry> WithWords(string[] words) =>
        _byFirst.TryGetValue(words[0], out var list) ? list.Where(e => e.Words.AsSpan().SequenceEqual(words)) : [];

    public ProgramNameEntry? LongestAt(string[] folded, int i, Func<ProgramNameEntry, int, bool>? accept = null)
    {
        if (!_byFirst.TryGetValue(folded[i], out var list)) return null;
        foreach (var e in list)
        {
            if (i + e.Words.Length > folded.Length) continue;
            bool ok = true;
            for (int k = 1; k < e.Words.Length; k++)
            {
                if (folded[i + k] != e.Words[k]) { ok = false; break; }
            }
            if (ok && (accept is null || accept(e, i))) return e;
        }
        return null;
    }
}

/// <summary>
/// Drafts grouped by program: the same normalised <c>program</c> (else <c>institution</c>), or a
/// shared alias, is the same program. Names made only of generic words ("IM Residency") do not join
/// programs.
/// </summary>
internal sealed class ProgramGroups
{
    private readonly Dictionary<string, int> _groupOf;
    private readonly Dictionary<int, string> _display;

    private ProgramGroups(Dictionary<string, int> groupOf, Dictionary<int, string> display)
    {
        _groupOf = groupOf;
        _display = display;
    }

    public static ProgramGroups Build(IReadOnlyList<DocumentContext> documents)
    {
        var parent = new int[documents.Count];
        for (int i = 0; i < parent.Length; i++) parent[i] = i;
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        var firstWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var hasKey = new bool[documents.Count];
        for (int i = 0; i < documents.Count; i++)
        {
            foreach (var key in Keys(documents[i].Draft.Meta))
            {
                hasKey[i] = true;
                if (firstWithKey.TryGetValue(key, out int j)) parent[Find(i)] = Find(j);
                else firstWithKey[key] = i;
            }
        }
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var display = new Dictionary<int, string>();
        for (int i = 0; i < documents.Count; i++)
        {
            if (!hasKey[i]) continue;
            int g = Find(i);
            groupOf[documents[i].Draft.DocumentId] = g;
            if (!display.ContainsKey(g)) display[g] = DisplayName(documents[g].Draft.Meta);
        }
        return new ProgramGroups(groupOf, display);
    }

    /// <summary>The draft's program group, or null when its front matter names no program.</summary>
    public int? GroupOf(DocumentContext context) => _groupOf.TryGetValue(context.Draft.DocumentId, out int g) ? g : null;

    public string DisplayNameOf(int group) => _display.TryGetValue(group, out var name) ? name : "another program";

    public static string DisplayName(FrontMatter meta) =>
        meta.Program ?? meta.Institution ?? (meta.Aliases.IsDefaultOrEmpty ? "another program" : meta.Aliases[0]);

    private static IEnumerable<string> Keys(FrontMatter meta)
    {
        string? main = meta.Program ?? meta.Institution;
        if (Key(main) is { } k) yield return k;
        foreach (var alias in meta.Aliases)
            if (Key(alias) is { } a) yield return a;
    }

    private static string? Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var words = KindText.NameWords(name);
        if (!KindText.SignificantWords(words).Any()) return null;
        return string.Join(' ', words);
    }
}
