using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Rules;
using Xunit.Abstractions;

namespace OutreachLsp.Core.Tests.Rules;

/// <summary>
/// The shipped pack is data, and every rule carries its own must-fire and must-not-fire examples.
/// These tests load the pack and run every example, so a rule edit that breaks an example fails here.
/// </summary>
public sealed class DefaultPackTests(ITestOutputHelper output)
{
    /// <summary>The 30 rule ids of RULES.md section 3: the product's stable ids.</summary>
    public static readonly string[] CatalogueIds =
    [
        "rank-inquiry", "match-guarantee-request", "reciprocal-ranking-deal", "binding-commitment", "multiple-first-choice",
        "past-tense-rank-claim", "prematch-request-nrmp", "outside-match-acceptance-nrmp", "nrmp-status-unknown",
        "outside-match-acceptance-timing", "soap-unsolicited-contact", "competing-offer-leverage", "apologetic-visa-framing",
        "h1b-without-step3", "visa-fact-error", "intent-without-visa-confirmation", "credential-contradiction", "over-emailing",
        "duplicate-thank-you", "thank-you-timing", "post-certification-contact", "program-opted-out",
        "interview-cancellation-notice", "desperate-tone", "salutation-format", "stock-phrasing", "unfilled-placeholder",
        "program-name-mismatch", "salutation-name-mismatch", "missing-applicant-id",
    ];

    private static (ImmutableArray<Rule> Rules, ImmutableArray<Finding> Problems) Load()
    {
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var rules = RuleLoader.LoadDefaultPack(problems).ToImmutableArray();
        return (rules, problems.ToImmutable());
    }

    [Fact]
    public void DefaultPack_LoadsWithoutProblems()
    {
        var (_, problems) = Load();
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Select(p => $"{p.DocumentId} {p.Span}: {p.Message}")));
    }

    [Fact]
    public void DefaultPack_PassesTheChecksItsTrustedLoadSkips()
    {
        // The embedded pack loads without the guarded YAML reader and without compiling each lexicon
        // entry alone (start-up time). Loaded as an untrusted workspace pack it must be just as clean.
        string folder = Path.Combine(TestPaths.RepoRoot, "server", "OutreachLsp.Core", "Packs", "default");
        var files = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToList();
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var rules = RuleLoader.LoadFiles(files, problems, trusted: false);
        Assert.Empty(problems.Select(p => $"{p.DocumentId}: {p.Message}"));
        Assert.Equal(Load().Rules.Select(r => r.Id).Order(), rules.Select(r => r.Id).Order());
    }

    [Fact]
    public void DefaultPack_HasExactlyTheCatalogueIds()
    {
        var (rules, _) = Load();
        Assert.Equal(CatalogueIds.Order(), rules.Select(r => r.Id).Order());
    }

    [Fact]
    public void EveryRule_HasMessageRationaleSourceAndExamplesBothWays()
    {
        var (rules, _) = Load();
        foreach (var rule in rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Info.Rationale), $"{rule.Id} has no rationale");
            Assert.NotEmpty(rule.Info.Sources);
            var examples = ExampleRunner.ExamplesOf(rule);
            Assert.True(examples.Count(e => e.ShouldFire) >= 2, $"{rule.Id} has fewer than 2 must-fire examples");
            Assert.True(examples.Count(e => !e.ShouldFire) >= 2, $"{rule.Id} has fewer than 2 must-not-fire examples");
        }
    }

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in CatalogueIds) data.Add(id);
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RuleExamples_FireAndPassAsWritten(string ruleId)
    {
        var (rules, _) = Load();
        var rule = rules.SingleOrDefault(r => r.Id == ruleId);
        Assert.NotNull(rule);
        var failures = new List<string>();
        foreach (var example in ExampleRunner.ExamplesOf(rule!))
        {
            var findings = ExampleRunner.Run(rule!, example);
            bool fired = findings.Length > 0;
            if (fired != example.ShouldFire)
                failures.Add($"{(example.ShouldFire ? "MISSED" : "FALSE POSITIVE")}: {example.Describe()}");
        }
        foreach (var f in failures) output.WriteLine(f);
        Assert.True(failures.Count == 0, $"{ruleId}: {failures.Count} example(s) failed:\n" + string.Join("\n", failures));
    }
}
