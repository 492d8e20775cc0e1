using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Rules;

namespace OutreachLsp.Core.Tests.Rules;

public sealed class ConditionTests
{
    private static DraftFacts Facts(FrontMatter meta) =>
        new(meta, meta.MatchYear ?? 2026, MatchCalendar.Nrmp2026, meta.Visa, meta.Step3, meta.EcfmgCertified);

    private static bool Eval(string condition, FrontMatter meta)
    {
        var c = Condition.Parse(condition, out var error);
        Assert.True(c is not null, error);
        return c!.Evaluate(Facts(meta));
    }

    [Fact]
    public void DateArithmetic_AgainstFields()
    {
        var meta = new FrontMatter { InterviewDate = new DateOnly(2025, 11, 3), SendDate = new DateOnly(2025, 11, 7) };
        Assert.True(Eval("days(send_date - interview_date) > 3", meta));
        Assert.False(Eval("days(send_date - interview_date) > 4", meta));
    }

    [Fact]
    public void CalendarNames_ResolveToTheDraftYear()
    {
        var meta = new FrontMatter { SendDate = new DateOnly(2026, 3, 2) };
        Assert.True(Eval("send_date > rol_deadline", meta));
        Assert.True(Eval("send_date < match_week_start", meta));
    }

    [Fact]
    public void MissingValues_MakePositiveTestsFalse_AndNegativeTestsTrue()
    {
        var meta = FrontMatter.Empty;
        Assert.False(Eval("type == thank-you", meta));
        Assert.False(Eval("type in [thank-you]", meta));
        Assert.True(Eval("type != reply", meta));
        Assert.True(Eval("program_initiated != true", meta));
        Assert.True(Eval("type is missing", meta));
        Assert.Equal("true", Eval("nrmp == unknown", meta) ? "true" : "false");
    }

    [Theory]
    [InlineData("j-1", "j-1", "true")]
    [InlineData("j-1 or h-1b", "h-1b", "true")]
    [InlineData("h-1b", "j-1", "false")]
    [InlineData("j-1", "none", "false")]
    public void VisaCovered_FollowsTheCatalogue(string need, string offered, string expected)
    {
        var meta = new FrontMatter { Visa = need, ProgramVisa = offered };
        Assert.True(Eval($"visa_covered == {expected}", meta));
    }

    [Fact]
    public void UnknownSponsorship_IsNeitherCoveredNorExcluded()
    {
        var meta = new FrontMatter { Visa = "j-1", ProgramVisa = "unknown" };
        Assert.True(Eval("visa_covered is missing", meta));
    }

    [Theory]
    [InlineData("type ~ x")]
    [InlineData("type in thank-you")]
    [InlineData("days(send_date) > 3")]
    public void MalformedConditions_AreRejectedWithAMessage(string text)
    {
        Assert.Null(Condition.Parse(text, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
