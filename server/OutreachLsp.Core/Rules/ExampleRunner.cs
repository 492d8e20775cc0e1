using System.Collections.Immutable;
using System.Text;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Text;
using YamlDotNet.RepresentationModel;

namespace OutreachLsp.Core.Rules;

/// <summary>
/// One draft of an example: a body and optional front matter. Workspace examples have several.
/// </summary>
public sealed record ExampleDraft(string Body, string? FrontMatterYaml);

/// <summary>A rule's own test case: these drafts must (or must not) make the rule fire.</summary>
public sealed record RuleExample(bool ShouldFire, ImmutableArray<ExampleDraft> Drafts, TextSpan Location, string Origin)
{
    public string Describe() => Drafts.Length == 1 ? Drafts[0].Body.Trim() : $"{Drafts.Length} drafts: " + string.Join(" / ", Drafts.Select(d => d.Body.Trim()));
}

/// <summary>
/// Reads a rule's <c>examples: {fire: [...], pass: [...]}</c> and runs them. An entry is a body
/// string, or <c>{text, meta}</c> where meta is front matter, or <c>{drafts: [{text, meta}, ...]}</c>
/// for workspace rules.
/// </summary>
public static class ExampleRunner
{
    public static ImmutableArray<RuleExample> Read(RuleYaml yaml)
    {
        var map = yaml.GetMapping("examples");
        if (map is null) return ImmutableArray<RuleExample>.Empty;
        var nested = yaml.Nested(map);
        var result = ImmutableArray.CreateBuilder<RuleExample>();
        foreach (var (key, fires) in new[] { ("fire", true), ("pass", false) })
        {
            var seq = nested.GetSequence(key);
            if (seq is null) continue;
            foreach (var item in seq.Children)
            {
                var drafts = ReadEntry(nested, item);
                if (drafts.IsDefaultOrEmpty) continue;
                result.Add(new RuleExample(fires, drafts, yaml.SpanOf(item), yaml.Origin));
            }
        }
        nested.ReportUnknownKeys();
        return result.ToImmutable();
    }

    private static ImmutableArray<ExampleDraft> ReadEntry(RuleYaml yaml, YamlNode item)
    {
        switch (item)
        {
            case YamlScalarNode s:
                return [new ExampleDraft(s.Value ?? "", null)];
            case YamlMappingNode m:
                var entry = yaml.Nested(m);
                var draftsNode = entry.GetSequence("drafts");
                if (draftsNode is not null)
                {
                    entry.ReportUnknownKeys();
                    var list = ImmutableArray.CreateBuilder<ExampleDraft>();
                    foreach (var d in draftsNode.Children)
                    {
                        if (d is YamlMappingNode dm) list.Add(ReadOne(yaml.Nested(dm)));
                        else yaml.Error(d, "each workspace example draft is {text, meta}");
                    }
                    return list.ToImmutable();
                }
                var one = ReadOne(entry);
                return [one];
            default:
                yaml.Error(item, "an example is a text, {text, meta} or {drafts: [...]}");
                return ImmutableArray<ExampleDraft>.Empty;
        }
    }

    private static ExampleDraft ReadOne(RuleYaml entry)
    {
        string text = entry.GetString("text") ?? "";
        var meta = entry.GetMapping("meta");
        entry.ReportUnknownKeys();
        string? yamlText = null;
        if (meta is not null)
        {
            var sb = new StringBuilder();
            foreach (var (k, v) in meta.Children)
            {
                string value = v switch
                {
                    YamlScalarNode s => Quote(s.Value ?? ""),
                    YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.OfType<YamlScalarNode>().Select(x => Quote(x.Value ?? ""))) + "]",
                    _ => "",
                };
                sb.Append(((YamlScalarNode)k).Value).Append(": ").Append(value).Append('\n');
            }
            yamlText = sb.ToString();
        }
        return new ExampleDraft(text, yamlText);
    }

    private static string Quote(string value) =>
        value.Length > 0 && (value.Contains(':') || value.Contains('#') || value.StartsWith('[') || value.StartsWith('{') || value.StartsWith('*') || value.StartsWith('&'))
            ? "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""
            : value;

    /// <summary>The text of an example draft as a file.</summary>
    public static string Compose(ExampleDraft draft) =>
        draft.FrontMatterYaml is null ? draft.Body : "---\n" + draft.FrontMatterYaml + "---\n" + draft.Body;

    /// <summary>Runs one example through one rule; returns the rule's findings.</summary>
    public static ImmutableArray<Finding> Run(Rule rule, RuleExample example, Config.WorkspaceConfig? config = null)
    {
        var drafts = example.Drafts.Select((d, i) => DraftParser.Parse($"example-{i + 1}.md", Compose(d))).ToList();
        var snapshot = WorkspaceSnapshot.Create(drafts, config ?? Config.WorkspaceConfig.Default);
        var context = new WorkspaceContext(snapshot);
        var findings = new List<Finding>();
        var sink = new FindingSink(rule, findings);
        if (rule.IsWorkspaceRule) rule.CheckWorkspace(context, sink);
        else foreach (var d in drafts) rule.CheckDocument(context.GetDocument(d), sink);
        return findings.ToImmutableArray();
    }

    /// <summary>Checks every example of a rule; each failure is a rule-pack finding located at the example.</summary>
    public static void Verify(Rule rule, ImmutableArray<Finding>.Builder problems)
    {
        foreach (var example in ExamplesOf(rule))
        {
            bool fired = Run(rule, example).Length > 0;
            if (fired == example.ShouldFire) continue;
            problems.Add(new Finding(WellKnownRuleIds.RulePack, Severity.Error, example.Origin, example.Location,
                example.ShouldFire
                    ? $"Example should make '{rule.Id}' fire but it does not: {Shorten(example.Describe())}"
                    : $"Example must not make '{rule.Id}' fire but it does: {Shorten(example.Describe())}"));
        }
    }

    public static ImmutableArray<RuleExample> ExamplesOf(Rule rule) => rule is IHasExamples e ? e.Examples : ImmutableArray<RuleExample>.Empty;

    private static string Shorten(string s) => s.Length <= 120 ? s : s[..117] + "...";
}

/// <summary>Rules expose the examples they were loaded with.</summary>
public interface IHasExamples
{
    ImmutableArray<RuleExample> Examples { get; }
}
