using static OutreachLsp.Core.Tests.Rules.KindTestKit;

namespace OutreachLsp.Core.Tests.Rules;

/// <summary>kind: signature-id (rule missing-applicant-id) on real drafts through the default engine.</summary>
public sealed class SignatureIdRuleTests
{
    private const string Rule = "missing-applicant-id";
    private const string PreInterview = "stage: pre-interview\ntype: visa-inquiry\nto_name: Dr. Ana Ruiz";

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void SignatureWithoutId_IsReportedOnTheSignature_AndTheFixAddsTheIdLine(string eol)
    {
        string text = Doc(PreInterview, "Dear Dr. Ruiz,\n\nDoes the program sponsor J-1 visas? 🙏\n\nSincerely,\nJane Applicant, MD\nLima, Peru\n", eol);
        var finding = Assert.Single(Lint(text, Rule, Profile()));
        Assert.Equal($"Sincerely,{eol}Jane Applicant, MD{eol}Lima, Peru", Slice(text, finding.Span));
        var fix = Assert.Single(finding.Fixes);
        Assert.True(fix.IsSafe);
        Assert.True(fix.IsPreferred);
        string fixedText = Apply(text, fix);
        Assert.Equal(text.Replace($"Lima, Peru{eol}", $"Lima, Peru{eol}AAMC ID: 12345678{eol}", StringComparison.Ordinal), fixedText);
        Assert.Empty(Lint(fixedText, Rule, Profile()));
    }

    [Fact]
    public void NoSignature_IsReportedOnTheLastLineOfTheBody()
    {
        string text = Doc(PreInterview, "Dear Dr. Ruiz,\n\nDoes the program sponsor J-1 visas?");
        var finding = Assert.Single(Lint(text, Rule, Profile()));
        Assert.Equal("Does the program sponsor J-1 visas?", Slice(text, finding.Span));
        string fixedText = Apply(text, Assert.Single(finding.Fixes));
        Assert.EndsWith("visas?\nAAMC ID: 12345678", fixedText);
    }

    [Fact]
    public void WithoutAnAamcIdInTheProfile_TheFixInsertsASlotAndIsNotSafe()
    {
        string text = Doc(PreInterview, "Dear Dr. Ruiz,\n\nA question.\n\nBest regards,\nJane\n");
        var fix = Assert.Single(Assert.Single(Lint(text, Rule, Profile(aamcId: null))).Fixes);
        Assert.False(fix.IsSafe);
        Assert.Contains("AAMC ID: [AAMC ID]", fix.Edits[0].NewText);
    }

    [Theory]
    [InlineData("Sincerely,\nJane Applicant\nAAMC ID: 12345678")]
    [InlineData("Best regards,\nJane Applicant\nERAS ID 2026-0012345")]
    [InlineData("Respectfully,\nDmytro Kovalenko, MD\nNRMP ID: N0412375")]
    [InlineData("Regards,\nJane Applicant (AAMC #12345678)")]
    [InlineData("Thank you,\nJane Applicant\nAAMC: 12345678")]
    [InlineData("With thanks and best wishes,\nRitika Sharma, MBBS\nAAMC ID: 16204418")]
    public void SignatureWithAnId_IsFine(string signature)
    {
        Assert.Empty(Lint(Doc(PreInterview, "Dear Dr. Ruiz,\n\nA question.\n\n" + signature + "\n"), Rule, Profile()));
    }

    [Fact]
    public void IdInTheBodyOrInANote_DoesNotCount()
    {
        string text = Doc(PreInterview, "Dear Dr. Ruiz,\n\nMy AAMC ID is 12345678.\n\nKind regards,\nJane\n<!-- AAMC ID: 12345678 -->\n");
        var finding = Assert.Single(Lint(text, Rule, Profile()));
        Assert.Equal("Kind regards,\nJane", Slice(text, finding.Span));
    }

    [Fact]
    public void TheLastClosingLine_StartsTheSignature()
    {
        string text = Doc(PreInterview, "Dear Dr. Ruiz,\n\nThank you,\nfor reading this.\n\nThank you for your time.\n\nBest,\nJane\n");
        var finding = Assert.Single(Lint(text, Rule, Profile()));
        Assert.Equal("Best,\nJane", Slice(text, finding.Span));
    }

    [Theory]
    [InlineData("stage: post-interview\ntype: visa-inquiry")]
    [InlineData("stage: pre-interview\ntype: thank-you")]
    [InlineData("type: interest")]
    public void OtherStagesAndTypes_AreNotChecked(string meta)
    {
        Assert.Empty(Lint(Doc(meta, "Dear Dr. Ruiz,\n\nA question.\n\nSincerely,\nJane\n"), Rule, Profile()));
    }
}
