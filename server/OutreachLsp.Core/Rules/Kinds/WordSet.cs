using OutreachLsp.Core.Matching;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// A small set of words compared the way patterns compare them (by stem or by normalised form), for
/// a kind's cheap pre-filter: a sentence without any of them is not run through the patterns. An
/// empty set lets everything through.
/// </summary>
internal sealed class WordSet
{
    public static readonly WordSet All = new([]);

    private readonly int[] _ids;

    private readonly WordBits _set;

    private readonly int _vocabulary = WordIds.Count;

    private WordSet(int[] ids)
    {
        _ids = ids;
        _set = new WordBits(WordIds.Count);
        foreach (int id in ids) _set.Add(id);
    }

    public bool IsEmpty => _ids.Length == 0;

    public static WordSet Read(RuleYaml yaml, string key)
    {
        var forms = new HashSet<int>();
        foreach (var (word, node) in yaml.GetStrings(key))
        {
            var tokens = Tokenizer.Tokenize(word).Where(t => t.Kind is TokenKind.Word or TokenKind.Number).ToList();
            if (tokens.Count != 1)
            {
                yaml.Error(node, $"'{word}' must be a single word");
                continue;
            }
            forms.Add(WordIds.Intern(tokens[0].Norm));
            forms.Add(WordIds.Intern(tokens[0].Stem));
        }
        return forms.Count == 0 ? All : new WordSet([.. forms]);
    }

    /// <summary>True when a draft's words include one of the set (or the set is empty).</summary>
    public bool AnyIn(ProseAnalysis prose) => _ids.Length == 0 || prose.WordsAsOf(_vocabulary).ContainsAny(_ids);

    /// <summary>True when one of the sentence words is in the set (or the set is empty).</summary>
    public bool AnyIn(Sentence sentence) => _ids.Length == 0 || sentence.HasAny(_set);
}
