using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Rules;
using static OutreachLsp.Core.Tests.Rules.KindTestKit;

namespace OutreachLsp.Core.Tests.Rules;

/// <summary>kind: message-budget (rule over-emailing) on real workspaces through the default engine.</summary>
public sealed class MessageBudgetRuleTests
{
    private const string Rule = "over-emailing";

    private static string Kingsbridge(string type, string? sendDate, string to = "nalbrecht@kingsbridge.example.org", string? interview = null) =>
        Doc($"""
            to: {to}
            program: Kingsbridge University Neurology Residency
            aliases: [Kingsbridge]
            type: {type}
            match_year: 2026
            {(interview is null ? "" : "interview_date: " + interview)}
            {(sendDate is null ? "" : "send_date: " + sendDate)}
            """, "Dear Dr. Albrecht,\n\nA message.\n");

    /// <summary>The haddad-neuro scenario (RULES.md 18 and 19).</summary>
    private static (string Id, string Text)[] Haddad() =>
    [
        ("01.md", Kingsbridge("interest", "2025-09-25")),
        ("02.md", Kingsbridge("follow-up", "2025-09-29")),
        ("03.md", Kingsbridge("visa-inquiry", "2025-10-15", to: "neurology.residency@kingsbridge.example.org")),
        ("04.md", Kingsbridge("thank-you", "2025-11-07", interview: "2025-11-06")),
        ("05.md", Kingsbridge("thank-you", "2025-11-09", interview: "2025-11-06")),
        ("06.md", Kingsbridge("update", "2026-01-22")),
        ("07.md", Kingsbridge("reply", "2026-01-27", to: "neurology.residency@kingsbridge.example.org")),
    ];

    [Fact]
    public void HaddadScenario_FlagsTheQuickFollowUpAndTheSixthMessageOnly()
    {
        var drafts = Haddad();
        var result = Lint(drafts, Rule);
        Assert.Equal(["02.md", "06.md"], result.Where(kv => kv.Value.Length > 0).Select(kv => kv.Key).Order());

        var followUp = Assert.Single(result["02.md"]);
        Assert.Equal("send_date: 2025-09-29", Slice(drafts[1].Text, followUp.Span));
        Assert.Contains("4 day(s)", followUp.Message);
        var previous = Assert.Single(followUp.Related);
        Assert.Equal("01.md", previous.DocumentId);
        Assert.Equal("send_date: 2025-09-25", Slice(drafts[0].Text, previous.Span));

        var sixth = Assert.Single(result["06.md"]);
        Assert.Equal("send_date: 2026-01-22", Slice(drafts[5].Text, sixth.Span));
        Assert.Contains("message 6", sixth.Message);
        Assert.Equal(["01.md", "02.md", "03.md", "04.md", "05.md"], sixth.Related.Select(r => r.DocumentId));
    }

    [Fact]
    public void UndatedDraft_CountsAfterTheDatedOnes_AndIsLocatedOnItsType()
    {
        (string, string)[] drafts =
        [
            ("a.md", Kingsbridge("interest", "2025-09-01")),
            ("b.md", Kingsbridge("visa-inquiry", "2025-09-20")),
            ("c.md", Kingsbridge("thank-you", "2025-11-07", interview: "2025-11-06")),
            ("d.md", Kingsbridge("update", "2026-01-10")),
            ("0-undated.md", Kingsbridge("update", null)),
        ];
        var result = Lint(drafts, Rule);
        var finding = Assert.Single(result["0-undated.md"]);
        Assert.Equal("type: update", Slice(drafts[4].Item2, finding.Span));
        Assert.All(new[] { "a.md", "b.md", "c.md", "d.md" }, id => Assert.Empty(result[id]));
    }

    [Fact]
    public void Limits_AreReadFromTheRuleFile()
    {
        const string yaml = """
            id: tight-budget
            kind: message-budget
            severity: info
            description: d
            message: m
            max_messages: 1
            min_days: 0
            exclude_types: [reply]
            gap_types: []
            """;
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var rule = Assert.Single(RuleLoader.LoadFiles([("pack/tight-budget.yaml", yaml)], problems));
        Assert.Empty(problems);
        var example = new RuleExample(true, [
            new ExampleDraft("One.", "program: Pinecrest\ntype: interest\nmatch_year: 2026\nsend_date: 2025-09-01\n"),
            new ExampleDraft("Two.", "program: Pinecrest\ntype: cancellation\nmatch_year: 2026\nsend_date: 2025-12-01\n"),
            new ExampleDraft("Three.", "program: Pinecrest\ntype: reply\nmatch_year: 2026\nsend_date: 2025-12-02\n"),
        ], default, "test");
        var finding = Assert.Single(ExampleRunner.Run(rule, example));
        Assert.Equal("example-2.md", finding.DocumentId);
        Assert.Contains("message 2", finding.Message);
    }
}
