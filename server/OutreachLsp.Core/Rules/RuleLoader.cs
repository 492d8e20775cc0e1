using System.Collections.Immutable;
using System.Reflection;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.IO;
using OutreachLsp.Core.Matching;
using OutreachLsp.Core.Rules.Kinds;
using OutreachLsp.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OutreachLsp.Core.Rules;

/// <summary>
/// Loads rule packs: folders of YAML files, one rule each, plus an optional <c>_lexicon.yaml</c>
/// of named patterns. Never throws: a broken file becomes a <see cref="WellKnownRuleIds.RulePack"/>
/// finding located in that file and the other rules still load.
/// </summary>
public static class RuleLoader
{
    /// <summary>Where rule documentation lives; a rule's help link is this plus '#' and its id.</summary>
    public const string DocsBaseUri = "https://github.com/outreachlsp/outreachlsp/blob/main/docs/rules.md";

    private const string DefaultPackPrefix = "OutreachLsp.Packs.default.";
    private const int MaxRuleFileBytes = 256 * 1024;

    private static readonly Lazy<(ImmutableArray<Rule> Rules, ImmutableArray<Finding> Problems)> DefaultPack = new(LoadDefaultPackUncached);

    /// <summary>The kinds a rule may name, one class each.</summary>
    public static readonly ImmutableDictionary<string, Func<RuleCommon, RuleYaml, Rule?>> Kinds =
        new Dictionary<string, Func<RuleCommon, RuleYaml, Rule?>>(StringComparer.Ordinal)
        {
            ["phrase"] = PhraseRule.Create,
            ["metadata"] = MetadataRule.Create,
            ["placeholder"] = PlaceholderRule.Create,
            ["salutation-format"] = SalutationFormatRule.Create,
            ["salutation-name"] = SalutationNameRule.Create,
            ["program-name"] = ProgramNameRule.Create,
            ["signature-id"] = SignatureIdRule.Create,
            ["first-choice"] = FirstChoiceRule.Create,
            ["message-budget"] = MessageBudgetRule.Create,
            ["duplicate-message"] = DuplicateMessageRule.Create,
        }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The shipped pack (parsed once per process; the rules are immutable).</summary>
    public static IEnumerable<Rule> LoadDefaultPack(ImmutableArray<Finding>.Builder problems)
    {
        var (rules, packProblems) = DefaultPack.Value;
        problems.AddRange(packProblems);
        return rules;
    }

    private static (ImmutableArray<Rule>, ImmutableArray<Finding>) LoadDefaultPackUncached()
    {
        var assembly = typeof(RuleLoader).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(DefaultPackPrefix, StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => (Name: "default/" + n[DefaultPackPrefix.Length..], Text: ReadResource(assembly, n)))
            .ToList();
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var rules = LoadFiles(files, problems, trusted: true);
        return (rules.ToImmutableArray(), problems.ToImmutable());
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads every *.yaml / *.yml file of a folder (not recursive).</summary>
    public static IEnumerable<Rule> LoadFolder(IFileSystem fs, string folder, ImmutableArray<Finding>.Builder problems)
    {
        if (!fs.DirectoryExists(folder))
        {
            problems.Add(new Finding(WellKnownRuleIds.Config, Severity.Error, folder, default, $"Rule pack folder '{folder}' does not exist."));
            return [];
        }
        var files = new List<(string, string)>();
        foreach (var path in fs.EnumerateFiles(folder, "*.y*ml", recursive: false).OrderBy(p => p, StringComparer.Ordinal))
        {
            if (!(path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))) continue;
            var bytes = fs.ReadAllBytes(path, out var error);
            if (bytes is null)
            {
                problems.Add(new Finding(WellKnownRuleIds.RulePack, Severity.Error, path, default, $"Cannot read rule file: {error}"));
                continue;
            }
            if (bytes.Length > MaxRuleFileBytes)
            {
                problems.Add(new Finding(WellKnownRuleIds.RulePack, Severity.Error, path, default, $"Rule file is larger than {MaxRuleFileBytes / 1024} KB; skipped."));
                continue;
            }
            files.Add((path, new System.Text.UTF8Encoding(false, false).GetString(bytes)));
        }
        var rules = LoadFiles(files, problems);
        // Rules from the workspace are untrusted and unreviewed: their own examples are checked on load.
        foreach (var rule in rules) ExampleRunner.Verify(rule, problems);
        return rules;
    }

    /// <summary>
    /// Loads rules from (origin, text) pairs; the lexicon file, if any, is read first. Files from a
    /// workspace are untrusted: their YAML goes through the guarded reader and each lexicon entry is
    /// compiled alone so a broken one is reported where it is written. The embedded default pack is
    /// <paramref name="trusted"/> (its tests check all of that), so start-up skips both.
    /// </summary>
    public static List<Rule> LoadFiles(IReadOnlyList<(string Origin, string Text)> files, ImmutableArray<Finding>.Builder problems, bool trusted = false)
    {
        var lexicon = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (origin, text) in files.Where(f => IsLexicon(f.Origin)))
            ReadLexicon(origin, text, lexicon, problems, trusted);
        var compiler = new PatternCompiler(lexicon);
        var rules = new List<Rule>();
        foreach (var (origin, text) in files.Where(f => !IsLexicon(f.Origin)))
        {
            var rule = LoadRule(origin, text, compiler, problems, trusted);
            if (rule is not null) rules.Add(rule);
        }
        return rules;
    }

    private static bool IsLexicon(string origin) => Path.GetFileName(origin).StartsWith('_');

    private static YamlMappingNode? ParseMapping(string origin, SourceText text, ImmutableArray<Finding>.Builder problems, bool trusted)
    {
        // A rule file from the workspace: the guarded reader refuses alias bombs and deep nesting
        // before YamlDotNet's recursive representation model ever sees the text.
        if (!trusted)
        {
            var guarded = Yaml.SafeYaml.Parse(text.Text, origin, WellKnownRuleIds.RulePack, Yaml.SafeYamlLimits.RulePack);
            if (guarded.Failed)
            {
                problems.AddRange(guarded.Problems);
                return null;
            }
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text.Text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                problems.Add(new Finding(WellKnownRuleIds.RulePack, Severity.Error, origin, default, "A rule file must be a YAML mapping (id: ..., kind: ..., ...)."));
                return null;
            }
            return map;
        }
        catch (YamlException ex)
        {
            int offset = text.GetOffset(new LinePosition((int)Math.Max(0, ex.Start.Line - 1), (int)Math.Max(0, ex.Start.Column - 1)));
            problems.Add(new Finding(WellKnownRuleIds.RulePack, Severity.Error, origin, new TextSpan(offset, 0), $"Invalid YAML: {ex.Message}"));
            return null;
        }
    }

    private static void ReadLexicon(string origin, string text, Dictionary<string, string> lexicon, ImmutableArray<Finding>.Builder problems, bool trusted)
    {
        var source = new SourceText(text);
        var map = ParseMapping(origin, source, problems, trusted);
        if (map is null) return;
        var yaml = new RuleYaml(origin, source, map, problems);
        var entries = yaml.GetMapping("lexicon");
        yaml.ReportUnknownKeys();
        if (entries is null) return;
        foreach (var (key, value) in entries.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } body }) lexicon[name] = body;
            else if (key is YamlScalarNode { Value: { } listName } && value is YamlSequenceNode seq)
                lexicon[listName] = string.Join(" | ", seq.Children.OfType<YamlScalarNode>().Select(s => "(" + s.Value + ")"));
            else yaml.Error(value, "a lexicon entry is a name and a pattern (or a list of patterns)");
        }
        // Compile each entry once so that a broken entry is reported where it is written.
        if (trusted) return;
        var compiler = new PatternCompiler(lexicon);
        foreach (var (key, value) in entries.Children)
        {
            if (key is not YamlScalarNode { Value: { } name }) continue;
            if (compiler.Compile("@" + name, out var error) is null) yaml.Error(value, $"lexicon entry '{name}': {error!.Message}");
        }
    }

    private static Rule? LoadRule(string origin, string text, PatternCompiler compiler, ImmutableArray<Finding>.Builder problems, bool trusted)
    {
        var source = new SourceText(text);
        var map = ParseMapping(origin, source, problems, trusted);
        if (map is null) return null;
        var yaml = new RuleYaml(origin, source, map, problems);
        int before = problems.Count;
        string? id = yaml.GetString("id", required: true);
        string? kind = yaml.GetString("kind", required: true);
        var severity = ReadSeverity(yaml, "severity", required: true) ?? Severity.Warning;
        string? description = yaml.GetString("description", required: true);
        string? message = yaml.GetString("message", required: true);
        string? rationale = yaml.GetString("rationale");
        bool advisory = yaml.GetBool("advisory") ?? false;
        string? doc = yaml.GetString("doc");
        var compliant = yaml.GetStrings("compliant").Select(c => c.Value).ToImmutableArray();
        var sources = ReadSources(yaml);
        var when = ConditionSet.Read(yaml, "when");
        var severityWhen = ReadSeverityWhen(yaml);
        var examples = ExampleRunner.Read(yaml);
        if (id is not null && !IsValidId(id)) yaml.Error(yaml.Get("id"), $"rule id '{id}' must be lower-case words joined by '-'");
        if (id is null || kind is null || description is null || message is null) return null;
        if (!Kinds.TryGetValue(kind, out var factory))
        {
            var suggestion = Suggest.Closest(kind, Kinds.Keys);
            yaml.Error(yaml.Get("kind"), $"unknown rule kind '{kind}'" + (suggestion is null ? $"; the kinds are {string.Join(", ", Kinds.Keys.Order())}" : $"; did you mean '{suggestion}'?"));
            return null;
        }
        var info = new RuleInfo
        {
            Id = id,
            Kind = kind,
            Severity = severity,
            Description = description,
            Message = message,
            Rationale = rationale,
            Advisory = advisory,
            Compliant = compliant,
            Sources = sources,
            HelpUri = doc ?? $"{DocsBaseUri}#{id}",
            Origin = origin,
        };
        var common = new RuleCommon(info, when, severityWhen, examples, compiler);
        var rule = factory(common, yaml);
        yaml.ReportUnknownKeys();
        return problems.Count > before ? null : rule;
    }

    private static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') && !id.StartsWith('-') && !id.EndsWith('-');

    internal static Severity? ReadSeverity(RuleYaml yaml, string key, bool required)
    {
        var value = yaml.GetString(key, required);
        if (value is null) return null;
        if (TryParseSeverity(value, out var s)) return s;
        yaml.Error(yaml.Get(key), $"severity must be error, warning or info, not '{value}'");
        return null;
    }

    public static bool TryParseSeverity(string value, out Severity severity)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": severity = Severity.Warning; return true;
            case "info": case "information": case "hint": severity = Severity.Info; return true;
            default: severity = Severity.Info; return false;
        }
    }

    private static ImmutableArray<RuleSource> ReadSources(RuleYaml yaml)
    {
        var seq = yaml.GetSequence("sources");
        if (seq is null) return ImmutableArray<RuleSource>.Empty;
        var result = ImmutableArray.CreateBuilder<RuleSource>();
        foreach (var item in seq.Children)
        {
            switch (item)
            {
                case YamlScalarNode s when s.Value is not null:
                    result.Add(new RuleSource(s.Value, null));
                    break;
                case YamlMappingNode m:
                    var nested = yaml.Nested(m);
                    var title = nested.GetString("title", required: true);
                    var url = nested.GetString("url");
                    nested.ReportUnknownKeys();
                    if (title is not null) result.Add(new RuleSource(title, url));
                    break;
                default:
                    yaml.Error(item, "a source is a title, or {title, url}");
                    break;
            }
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<(ConditionSet When, Severity Severity)> ReadSeverityWhen(RuleYaml yaml)
    {
        var seq = yaml.GetSequence("severity_when");
        if (seq is null) return ImmutableArray<(ConditionSet, Severity)>.Empty;
        var result = ImmutableArray.CreateBuilder<(ConditionSet, Severity)>();
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m)
            {
                yaml.Error(item, "each severity_when entry is {when: [...], severity: ...}");
                continue;
            }
            var nested = yaml.Nested(m);
            var when = ConditionSet.Read(nested, "when");
            var severity = ReadSeverity(nested, "severity", required: true);
            nested.ReportUnknownKeys();
            if (severity is { } s) result.Add((when, s));
        }
        return result.ToImmutable();
    }
}

/// <summary>What every rule kind gets from the loader besides its own fields.</summary>
public sealed record RuleCommon(
    RuleInfo Info,
    ConditionSet When,
    ImmutableArray<(ConditionSet When, Severity Severity)> SeverityWhen,
    ImmutableArray<RuleExample> Examples,
    PatternCompiler Compiler)
{
    /// <summary>Whether the rule applies to this draft's metadata (calendar rules need a calendar).</summary>
    public bool Applies(DraftFacts facts) => (!When.UsesCalendar || facts.Calendar is not null) && When.Holds(facts);

    /// <summary>The severity for this draft: the first matching severity_when, else the rule's.</summary>
    public Severity SeverityFor(DraftFacts facts)
    {
        foreach (var (when, severity) in SeverityWhen)
            if ((!when.UsesCalendar || facts.Calendar is not null) && when.Holds(facts)) return severity;
        return Info.Severity;
    }

    /// <summary>Compiles the patterns under <paramref name="key"/>, reporting bad ones where they are written.</summary>
    public ImmutableArray<Pattern> ReadPatterns(RuleYaml yaml, string key)
    {
        var node = yaml.Get(key);
        return node is null ? ImmutableArray<Pattern>.Empty : ReadPatterns(yaml, node, key);
    }

    public ImmutableArray<Pattern> ReadPatterns(RuleYaml yaml, YamlNode node, string what)
    {
        var result = ImmutableArray.CreateBuilder<Pattern>();
        foreach (var (text, itemNode) in yaml.ReadStrings(node, what))
        {
            var p = Compiler.Compile(text, out var error);
            if (p is null) yaml.Error(itemNode, $"bad pattern '{text}': {error!.Message} (at character {error.Offset + 1})");
            else result.Add(p);
        }
        return result.ToImmutable();
    }
}
