using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OutreachLsp.Core.Rules;

/// <summary>
/// Read access to one rule file's YAML mapping that turns every mistake into a located
/// <see cref="Finding"/> instead of an exception, and notices keys nobody read (unknown fields).
/// </summary>
public sealed class RuleYaml
{
    private readonly YamlMappingNode _map;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly ImmutableArray<Finding>.Builder _problems;

    internal RuleYaml(string origin, SourceText text, YamlMappingNode map, ImmutableArray<Finding>.Builder problems)
    {
        Origin = origin;
        Text = text;
        _map = map;
        _problems = problems;
    }

    public string Origin { get; }

    internal SourceText Text { get; }

    public YamlMappingNode Node => _map;

    /// <summary>Problems reported through this reader so far.</summary>
    public int ProblemCount { get; private set; }

    public TextSpan SpanOf(YamlNode node)
    {
        int start = OffsetOf(node.Start);
        int end = Math.Max(start, OffsetOf(node.End));
        return TextSpan.FromBounds(start, end);
    }

    private int OffsetOf(Mark mark) =>
        Text.GetOffset(new LinePosition((int)Math.Max(0, mark.Line - 1), (int)Math.Max(0, mark.Column - 1)));

    public void Error(YamlNode? node, string message)
    {
        ProblemCount++;
        _problems.Add(new Finding(WellKnownRuleIds.RulePack, Severity.Error, Origin, node is null ? new TextSpan(0, 0) : SpanOf(node), message));
    }

    public YamlNode? Get(string key)
    {
        _read.Add(key);
        return _map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
    }

    public string? GetString(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required) Error(_map, $"missing required field '{key}'");
            return null;
        }
        if (node is YamlScalarNode s) return s.Value;
        Error(node, $"'{key}' must be a single value, not a {Describe(node)}");
        return null;
    }

    public bool? GetBool(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: "true" or "yes" }) return true;
        if (node is YamlScalarNode { Value: "false" or "no" }) return false;
        Error(node, $"'{key}' must be true or false");
        return null;
    }

    public int? GetInt(string key, int min, int max)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode s && int.TryParse(s.Value, out int v) && v >= min && v <= max) return v;
        Error(node, $"'{key}' must be a whole number from {min} to {max}");
        return null;
    }

    /// <summary>A list of strings; a single string counts as a list of one.</summary>
    public ImmutableArray<(string Value, YamlNode Node)> GetStrings(string key)
    {
        var node = Get(key);
        return node is null ? ImmutableArray<(string, YamlNode)>.Empty : ReadStrings(node, key);
    }

    public ImmutableArray<(string Value, YamlNode Node)> ReadStrings(YamlNode node, string what)
    {
        if (node is YamlScalarNode s) return [(s.Value ?? "", node)];
        if (node is YamlSequenceNode seq)
        {
            var result = ImmutableArray.CreateBuilder<(string, YamlNode)>();
            foreach (var item in seq.Children)
            {
                if (item is YamlScalarNode si) result.Add((si.Value ?? "", item));
                else Error(item, $"each entry of '{what}' must be a string, not a {Describe(item)}");
            }
            return result.ToImmutable();
        }
        Error(node, $"'{what}' must be a string or a list of strings");
        return ImmutableArray<(string, YamlNode)>.Empty;
    }

    public YamlSequenceNode? GetSequence(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlSequenceNode seq) return seq;
        Error(node, $"'{key}' must be a list");
        return null;
    }

    public YamlMappingNode? GetMapping(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlMappingNode m) return m;
        Error(node, $"'{key}' must be a mapping of keys to values");
        return null;
    }

    /// <summary>A reader over a nested mapping (same file, same problem list).</summary>
    public RuleYaml Nested(YamlMappingNode map) => new(Origin, Text, map, _problems);

    /// <summary>Reports every key that no one asked for, with a suggestion.</summary>
    public void ReportUnknownKeys()
    {
        foreach (var (keyNode, _) in _map.Children)
        {
            if (keyNode is not YamlScalarNode k || k.Value is null || _read.Contains(k.Value)) continue;
            var suggestion = Suggest.Closest(k.Value, _read);
            Error(keyNode, $"unknown field '{k.Value}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
        }
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "value",
    };
}
