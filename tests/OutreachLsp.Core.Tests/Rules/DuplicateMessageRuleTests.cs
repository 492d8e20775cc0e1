using static OutreachLsp.Core.Tests.Rules.KindTestKit;

namespace OutreachLsp.Core.Tests.Rules;

/// <summary>kind: duplicate-message (rule duplicate-thank-you) on real workspaces through the default engine.</summary>
public sealed class DuplicateMessageRuleTests
{
    private const string Rule = "duplicate-thank-you";

    private static string ThankYou(string? to, string? toName, string sendDate, string interview = "2025-11-03", string program = "Bellmont Family Medicine Residency", string eol = "\n") =>
        Doc($"""
            {(to is null ? "" : "to: " + to)}
            {(toName is null ? "" : "to_name: " + toName)}
            program: {program}
            type: thank-you
            match_year: 2026
            interview_date: {interview}
            send_date: {sendDate}
            """, "Dear Dr. Park,\n\nThank you for the interview 🙏.\n", eol);

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void SameDayCopies_AreBothFlagged_EachPointingAtTheOther(string eol)
    {
        string a = ThankYou("spark@bellmont.example.org", "Dr. Susan Park", "2025-11-04", eol: eol);
        string b = ThankYou("SPark@bellmont.example.org", "Dr. Susan Park", "2025-11-04", eol: eol);
        var result = Lint([("01.md", a), ("07.md", b)], Rule);
        var fa = Assert.Single(result["01.md"]);
        var fb = Assert.Single(result["07.md"]);
        Assert.Equal("send_date: 2025-11-04", Slice(a, fa.Span));
        Assert.Equal("send_date: 2025-11-04", Slice(b, fb.Span));
        Assert.Equal("07.md", Assert.Single(fa.Related).DocumentId);
        Assert.Equal("01.md", Assert.Single(fb.Related).DocumentId);
        Assert.Equal("send_date: 2025-11-04", Slice(b, fa.Related[0].Span));
        Assert.Contains("Dr. Susan Park", fa.Message);
    }

    [Fact]
    public void LaterNote_IsTheOnlyOneFlagged()
    {
        string first = ThankYou("nalbrecht@kingsbridge.example.org", "Dr. Nathan Albrecht", "2025-11-07", "2025-11-06");
        string second = ThankYou("nalbrecht@kingsbridge.example.org", "Dr. Nathan Albrecht", "2025-11-09", "2025-11-06");
        var result = Lint([("04.md", first), ("05.md", second)], Rule);
        Assert.Empty(result["04.md"]);
        var finding = Assert.Single(result["05.md"]);
        Assert.Equal("send_date: 2025-11-09", Slice(second, finding.Span));
        Assert.Equal("04.md", Assert.Single(finding.Related).DocumentId);
    }

    [Fact]
    public void WithoutTo_NotesToTheSameProgramAreCompared()
    {
        var result = Lint([("a.md", ThankYou(null, null, "2025-11-04")), ("b.md", ThankYou(null, null, "2025-11-05"))], Rule);
        Assert.Empty(result["a.md"]);
        Assert.Single(result["b.md"]);
    }

    [Theory]
    [InlineData("roduya@hvmc.example.org", "Dr. Raymond Oduya", "pvenkat@hvmc.example.org", "Dr. Priya Venkat")]
    [InlineData("residency@elmwood.example.org", "Dr. Grace Huang", "residency@elmwood.example.org", "Dr. Omar Saleh")]
    public void NotesToDifferentInterviewers_AreNotDuplicates(string toA, string nameA, string toB, string nameB)
    {
        var result = Lint([("a.md", ThankYou(toA, nameA, "2025-11-19")), ("b.md", ThankYou(toB, nameB, "2025-11-19"))], Rule);
        Assert.Empty(result["a.md"]);
        Assert.Empty(result["b.md"]);
    }

    [Fact]
    public void DifferentInterviews_AreNotDuplicates()
    {
        var result = Lint([
            ("a.md", ThankYou("spark@bellmont.example.org", null, "2025-11-04", "2025-11-03")),
            ("b.md", ThankYou("spark@bellmont.example.org", null, "2026-01-21", "2026-01-20")),
        ], Rule);
        Assert.All(result.Values, findings => Assert.Empty(findings));
    }
}
