using System.Collections.Immutable;
using OutreachLsp.Core.Matching;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// A small set of words compared the way patterns compare them (by stem or by normalised form), for
/// a kind's cheap pre-filter: a sentence without any of them is not run through the patterns. An
/// empty set lets everything through.
/// </summary>
internal sealed class WordSet
{
    public static readonly WordSet All = new(ImmutableHashSet<string>.Empty);

    private readonly ImmutableHashSet<string> _forms;

    private WordSet(ImmutableHashSet<string> forms) => _forms = forms;

    public bool IsEmpty => _forms.IsEmpty;

    public static WordSet Read(RuleYaml yaml, string key)
    {
        var forms = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var (word, node) in yaml.GetStrings(key))
        {
            var tokens = Tokenizer.Tokenize(word).Where(t => t.Kind is TokenKind.Word or TokenKind.Number).ToList();
            if (tokens.Count != 1)
            {
                yaml.Error(node, $"'{word}' must be a single word");
                continue;
            }
            forms.Add(tokens[0].Norm);
            forms.Add(tokens[0].Stem);
        }
        return forms.Count == 0 ? All : new WordSet(forms.ToImmutable());
    }

    /// <summary>True when a draft's stem set holds one of the words (or the set is empty).</summary>
    public bool AnyIn(HashSet<string> stems)
    {
        if (_forms.IsEmpty) return true;
        foreach (var f in _forms) if (stems.Contains(f)) return true;
        return false;
    }

    /// <summary>True when one of the sentence words is in the set (or the set is empty).</summary>
    public bool AnyIn(Token[] words)
    {
        if (_forms.IsEmpty) return true;
        foreach (var w in words) if (_forms.Contains(w.Norm) || _forms.Contains(w.Stem)) return true;
        return false;
    }
}
