using System.Collections.Immutable;

namespace OutreachLsp.Core.Rules;

/// <summary>The rules in force: the default pack plus extra packs, later packs overriding ids.</summary>
public sealed class RuleSet
{
    private readonly ImmutableDictionary<string, Rule> _byId;

    public RuleSet(IEnumerable<Rule> rules)
    {
        var byId = ImmutableDictionary.CreateBuilder<string, Rule>(StringComparer.Ordinal);
        var ordered = new List<Rule>();
        foreach (var rule in rules)
        {
            if (byId.ContainsKey(rule.Id)) ordered.RemoveAll(r => r.Id == rule.Id);
            byId[rule.Id] = rule;
            ordered.Add(rule);
        }
        _byId = byId.ToImmutable();
        All = ordered.ToImmutableArray();
    }

    public ImmutableArray<Rule> All { get; }

    public Rule? Get(string id) => _byId.TryGetValue(id, out var r) ? r : null;

    public bool Contains(string id) => _byId.ContainsKey(id);
}
