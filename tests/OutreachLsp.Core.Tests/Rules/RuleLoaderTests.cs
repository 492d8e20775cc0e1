using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Rules;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Tests.Rules;

/// <summary>Rule packs are untrusted input: every mistake is a located finding, never an exception.</summary>
public sealed class RuleLoaderTests
{
    private static (List<Rule> Rules, ImmutableArray<Finding> Problems) Load(params (string Name, string Text)[] files)
    {
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var rules = RuleLoader.LoadFiles(files, problems);
        return (rules, problems.ToImmutable());
    }

    private static string At(string text, Finding f)
    {
        var pos = new SourceText(text).GetPosition(f.Span.Start);
        return $"{pos.Line + 1}:{pos.Character + 1}";
    }

    private const string Valid = """
        id: my-rule
        kind: phrase
        severity: warning
        description: Finds a phrase.
        message: Do not write that.
        patterns: ["forbidden phrase"]
        """;

    [Fact]
    public void ValidRule_Loads()
    {
        var (rules, problems) = Load(("my-rule.yaml", Valid));
        Assert.Empty(problems);
        Assert.Equal("my-rule", Assert.Single(rules).Id);
    }

    [Fact]
    public void BrokenYaml_IsReportedAtItsLine_AndOtherRulesStillLoad()
    {
        const string broken = "id: x\nkind: phrase\n  severity: [unclosed\n";
        var (rules, problems) = Load(("broken.yaml", broken), ("my-rule.yaml", Valid));
        Assert.Equal("my-rule", Assert.Single(rules).Id);
        var p = Assert.Single(problems);
        Assert.Equal("broken.yaml", p.DocumentId);
        Assert.Equal(WellKnownRuleIds.RulePack, p.RuleId);
        Assert.StartsWith("3:", At(broken, p));
    }

    [Fact]
    public void UnknownKind_SuggestsTheClosest()
    {
        var text = Valid.Replace("kind: phrase", "kind: phrse");
        var (rules, problems) = Load(("r.yaml", text));
        Assert.Empty(rules);
        var p = Assert.Single(problems);
        Assert.Contains("did you mean 'phrase'", p.Message);
        Assert.Equal("2:7", At(text, p));
    }

    [Fact]
    public void UnknownField_IsLocatedWithSuggestion()
    {
        var text = Valid + "\npaterns: [x]\n";
        var (_, problems) = Load(("r.yaml", text));
        var p = Assert.Single(problems);
        Assert.Contains("unknown field 'paterns'", p.Message);
        Assert.Contains("did you mean 'patterns'", p.Message);
        Assert.Equal("7:1", At(text, p));
    }

    [Fact]
    public void BadPattern_IsLocatedOnThePattern()
    {
        var text = Valid.Replace("\"forbidden phrase\"", "\"forbidden (phrase\"");
        var (rules, problems) = Load(("r.yaml", text));
        Assert.Empty(rules);
        var p = Assert.Single(problems, p => p.Message.Contains("missing ')'"));
        Assert.Equal("6:12", At(text, p));
    }

    [Fact]
    public void BadCondition_AndBadSeverity_AreReported()
    {
        var text = Valid.Replace("severity: warning", "severity: loud") + "\nwhen: [\"type ~ thank-you\"]\n";
        var (_, problems) = Load(("r.yaml", text));
        Assert.Contains(problems, p => p.Message.Contains("severity must be error, warning or info"));
        Assert.Contains(problems, p => p.Message.Contains("bad condition 'type ~ thank-you'"));
    }

    [Fact]
    public void HostileRegex_IsRefusedOrRunsWithoutBacktracking()
    {
        var text = Valid.Replace("patterns: [\"forbidden phrase\"]", "regex: [\"(a+)+$\", \"(?<=x)y\", \"(a)\\\\1\"]");
        var (rules, problems) = Load(("r.yaml", text));
        // Lookbehinds and backreferences need backtracking: refused, located, the rest of the rule kept out.
        Assert.Contains(problems, p => p.Message.Contains("bad regular expression"));
        var only = Load(("r2.yaml", Valid.Replace("patterns: [\"forbidden phrase\"]", "regex: [\"(a+)+$\"]")));
        Assert.Empty(only.Problems);
        var regex = SafeRegex.Create("(a+)+$", out _)!;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(SafeRegex.Match(regex, new string('a', 50_000) + "!"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void FailingExample_InAWorkspacePack_IsReportedWhereItIsWritten()
    {
        var dir = Directory.CreateTempSubdirectory("outreach-pack-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "my-rule.yaml"), Valid + "\nexamples:\n  fire:\n    - \"this text has nothing\"\n  pass:\n    - \"a forbidden phrase here\"\n");
            var problems = ImmutableArray.CreateBuilder<Finding>();
            var rules = RuleLoader.LoadFolder(IO.PhysicalFileSystem.Instance, dir.FullName, problems).ToList();
            Assert.Single(rules);
            Assert.Equal(2, problems.Count);
            Assert.Contains(problems, p => p.Message.StartsWith("Example should make 'my-rule' fire"));
            Assert.Contains(problems, p => p.Message.StartsWith("Example must not make 'my-rule' fire"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void MissingPackFolder_IsAConfigProblem()
    {
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var rules = RuleLoader.LoadFolder(IO.PhysicalFileSystem.Instance, "/nonexistent/outreach-pack", problems);
        Assert.Empty(rules);
        Assert.Equal(WellKnownRuleIds.Config, Assert.Single(problems).RuleId);
    }
}

public sealed class RuleLoaderHostileYamlTests
{
    [Fact]
    public void DeeplyNestedRuleFile_IsRefusedWithoutStackOverflow()
    {
        var text = "id: x\nkind: phrase\npatterns: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var rules = RuleLoader.LoadFiles([("deep.yaml", text)], problems);
        Assert.Empty(rules);
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(WellKnownRuleIds.RulePack, p.RuleId));
    }

    [Fact]
    public void AliasBomb_InARuleFile_IsRefused()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (int i = 0; i < 9; i++) lines.Add($"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}]");
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var rules = RuleLoader.LoadFiles([("bomb.yaml", string.Join("\n", lines))], problems);
        Assert.Empty(rules);
        Assert.NotEmpty(problems);
    }
}
