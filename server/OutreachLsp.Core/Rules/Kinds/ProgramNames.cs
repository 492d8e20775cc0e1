using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Matching;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>A program, institution or alias name of one draft, as folded words.</summary>
internal sealed record ProgramNameEntry(string[] Words, string Display, string Field, DocumentContext Owner, HashSet<string> Significant);

/// <summary>A name found in a sentence: words [Start, End) of <see cref="Sentence.Words"/>.</summary>
internal sealed record NameMention(int Start, int End, ProgramNameEntry? Entry, string Display, bool Short = false);

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

    /// <summary>The names a draft's front matter gives its program, with the field each came from (computed once per analysis).</summary>
    public static IReadOnlyList<ProgramNameEntry> NamesOf(DocumentContext context) =>
        context.Memo("program-names", static c => ComputeNamesOf(c).ToArray());

    private static IEnumerable<ProgramNameEntry> ComputeNamesOf(DocumentContext context)
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
        return new Sentence(sentence.Block, sentence.BlockIndex, newWords.ToArray(), sentence.Vocabulary, clauses.ToArray(), quoted.ToArray(), sentence.TextStart, sentence.TextEnd, sentence.IsQuestion);
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

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "and", "the", "for", "de", "la", "del", "'s", "y" };

    /// <summary>
    /// Mentions of the draft's own program: its full names (longest first), then short forms the
    /// front matter does not list, such as "Corran Valley" or "St. Columba's" for "Corran Valley
    /// Medical Center Internal Medicine Residency" (see <see cref="ExpandName"/>).
    /// </summary>
    public static List<NameMention> FindOwn(Sentence sentence, string[] folded, NameIndex own, HashSet<string> ownSignificant)
    {
        var mentions = Find(folded, own);
        if (ownSignificant.Count == 0) return mentions;
        var taken = new bool[folded.Length];
        foreach (var m in mentions) for (int k = m.Start; k < m.End; k++) taken[k] = true;
        for (int i = 0; i < folded.Length; i++)
        {
            if (taken[i] || !ownSignificant.Contains(folded[i]) || !IsCapitalized(sentence, i)) continue;
            if (ExpandName(sentence, folded, taken, i, ownSignificant) is not { } span) continue;
            mentions.Add(new NameMention(span.Start, span.End, null, sentence.Block.Text[sentence.Words[span.Start].Start..sentence.Words[span.End - 1].End]));
            for (int k = span.Start; k < span.End; k++) taken[k] = true;
            i = span.End - 1;
        }
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    /// <summary>
    /// The capitalised name around word <paramref name="i"/> (itself one of <paramref name="nameWords"/>):
    /// left over generic words ("St.", "Mount"), right over more of the name words, generic words
    /// ("Medical Center") and connectors ("of", "'s"). Null when the name runs on into a capitalised
    /// word that is neither ("Corran Hills Hospital" is not "Corran Valley"): it is some other name.
    /// </summary>
    public static (int Start, int End)? ExpandName(Sentence sentence, string[] folded, bool[] taken, int i, IReadOnlySet<string> nameWords)
    {
        int start = i;
        while (start > 0 && !taken[start - 1] && IsCapitalized(sentence, start - 1) && KindText.GenericNameWords.Contains(folded[start - 1]) && folded[start - 1] is not ("the" or "i")) start--;
        int end = i + 1;
        while (end < folded.Length && !taken[end])
        {
            string w = folded[end];
            bool capital = IsCapitalized(sentence, end);
            if (capital && (nameWords.Contains(w) || KindText.GenericNameWords.Contains(w))) { end++; continue; }
            if (w == "'s") { end++; continue; }
            if (Connectors.Contains(w) && end + 1 < folded.Length && IsCapitalized(sentence, end + 1) && (nameWords.Contains(folded[end + 1]) || KindText.GenericNameWords.Contains(folded[end + 1])))
            {
                end++;
                continue;
            }
            if (capital && w != "i" && w.Length > 1) return null;
            break;
        }
        // A possessive after the name is not part of it ("Sonoran's program"); inside it, it is ("St. Brendan's Hospital").
        if (end - 1 > i && folded[end - 1] == "'s") end--;
        return (start, end);
    }

    /// <summary>The word starts with a capital letter (or a digit) in the prose.</summary>
    public static bool IsCapitalized(Sentence sentence, int i)
    {
        var word = sentence.Words[i];
        var text = sentence.Block.Text;
        return word.Start < text.Length && (char.IsUpper(text[word.Start]) || char.IsDigit(text[word.Start]));
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

    /// <summary>True when some entry satisfies <paramref name="predicate"/>.</summary>
    public bool Any(Func<ProgramNameEntry, bool> predicate)
    {
        foreach (var list in _byFirst.Values)
            foreach (var e in list)
                if (predicate(e)) return true;
        return false;
    }

    /// <summary>Some name starts with this folded word.</summary>
    public bool StartsAName(string folded) => _byFirst.ContainsKey(folded);

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
            foreach (var key in KeysOf(documents[i]))
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

    /// <summary>The draft's grouping keys (computed once per analysis: several workspace rules group programs).</summary>
    private static string[] KeysOf(DocumentContext context) =>
        context.Memo("program-keys", static c => Keys(c.Draft.Meta).ToArray());

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

/// <summary>
/// The other programs of a workspace by their significant words, for short mentions that no front
/// matter lists: "Sonoran" for "Sonoran Desert Family Medicine Residency". A short mention must
/// start with one of the program's significant words and hold only its words, generic words and
/// connectors (see <see cref="ProgramNames.ExpandName"/>).
/// </summary>
internal sealed class ShortNames
{
    internal sealed record Program(HashSet<string> Significant, List<ProgramNameEntry> Entries);

    private readonly Dictionary<string, List<Program>> _byWord = new(StringComparer.Ordinal);

    public ShortNames(IReadOnlyList<DocumentContext> documents, ProgramGroups groups)
    {
        var byKey = new Dictionary<string, Program>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            var names = ProgramNames.NamesOf(doc).ToList();
            var main = names.FirstOrDefault(n => n.Field == "program") ?? names.FirstOrDefault(n => n.Field == "institution") ?? names.FirstOrDefault();
            if (main is null) continue;
            string key = groups.GroupOf(doc) is { } g ? "g" + g : "d" + doc.Draft.DocumentId;
            if (!byKey.TryGetValue(key, out var program)) byKey[key] = program = new Program(new HashSet<string>(StringComparer.Ordinal), []);
            foreach (var n in names) program.Significant.UnionWith(n.Significant);
            program.Entries.Add(main);
        }
        foreach (var program in byKey.Values)
        {
            foreach (var word in program.Significant)
            {
                if (!_byWord.TryGetValue(word, out var list)) _byWord[word] = list = [];
                list.Add(program);
            }
        }
    }

    public bool IsEmpty => _byWord.Count == 0;

    /// <summary>True when some program's entry satisfies <paramref name="predicate"/>.</summary>
    public bool AnyEntry(Func<ProgramNameEntry, bool> predicate)
    {
        foreach (var list in _byWord.Values)
            foreach (var program in list)
                foreach (var e in program.Entries)
                    if (predicate(e)) return true;
        return false;
    }

    /// <summary>The programs one of whose significant words is <paramref name="word"/>.</summary>
    public IReadOnlyList<Program> WithWord(string word) => _byWord.TryGetValue(word, out var list) ? list : [];
}
