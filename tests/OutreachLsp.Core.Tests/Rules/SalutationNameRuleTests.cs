using static OutreachLsp.Core.Tests.Rules.KindTestKit;

namespace OutreachLsp.Core.Tests.Rules;

/// <summary>kind: salutation-name (rule salutation-name-mismatch) on real drafts through the default engine.</summary>
public sealed class SalutationNameRuleTests
{
    private const string Rule = "salutation-name-mismatch";

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void CarriedOverSalutation_IsReportedAndTheToNameSurnameSwappedIn(string eol)
    {
        string text = Doc("to_name: Dr. Leticia Moreno\nto_role: Program Director\nprogram: Oak Terrace Family Medicine Residency",
            "Dear Dr. Park,\n\nThank you very much for the interview yesterday 🎉.\n\nSincerely,\nJia-Hui Chen, MD\n", eol);
        var finding = Assert.Single(Lint(text, Rule));
        Assert.Equal("Dear Dr. Park,", Slice(text, finding.Span));
        Assert.Contains("Dr. Park", finding.Message);
        Assert.Contains("Dr. Leticia Moreno", finding.Message);
        var fix = Assert.Single(finding.Fixes);
        string fixedText = Apply(text, fix);
        Assert.Equal(text.Replace("Dear Dr. Park,", "Dear Dr. Moreno,", StringComparison.Ordinal), fixedText);
        Assert.Empty(Lint(fixedText, Rule));
    }

    [Fact]
    public void WrongPerson_WithAnotherTitle_GetsTheToNameTitle()
    {
        string text = Doc("to_name: Dr. Miriam Feld", "Dear Ms. Briggs,\n\nThank you.\n");
        var finding = Assert.Single(Lint(text, Rule));
        Assert.Equal("Dear Dr. Feld,\n\nThank you.\n", Apply(text, Assert.Single(finding.Fixes))[(text.IndexOf("Dear", StringComparison.Ordinal))..]);
    }

    [Theory]
    [InlineData("Dr. María de la Cruz", "Dear Dr. de la Cruz,")]
    [InlineData("Dr. Maria De La Cruz", "Dear Dr. Cruz,")]
    [InlineData("Dr. Omar Al-Hassan", "Dear Dr. Al-Hassan,")]
    [InlineData("Dr. Omar Al-Hassan, MD", "Dear Dr. Alhassan,")]
    [InlineData("Dr. Omar Al-Hassan", "Dear Dr. Hassan,")]
    [InlineData("Dr. Valentina Rodríguez Pardo", "Dear Dr. RODRIGUEZ,")]
    [InlineData("Dr. Valentina Rodríguez Pardo", "Dear Dr. Rodríguez Pardo,")]
    [InlineData("Dr. Siobhán O’Brien", "Dear Dr. O'Brien,")]
    [InlineData("Dr. Ana Ruiz", "Dear Ana,")]
    [InlineData("Ruiz", "Dear Dr. Ruiz,")]
    public void SameSurname_WrittenDifferently_IsNotAMismatch(string toName, string salutation)
    {
        Assert.Empty(Lint(Doc($"to_name: \"{toName}\"", salutation + "\n\nThank you.\n"), Rule));
    }

    [Fact]
    public void CoordinatorGreeted_WhileThePdIsNamedInTheBody_IsNotAMismatch()
    {
        string text = Doc("to_name: Ms. Tonya Briggs\nto_role: Program Coordinator",
            "Dear Ms. Briggs,\n\nI read that Dr. Feld encourages applicants to write with practical questions.\n");
        Assert.Empty(Lint(text, Rule));
    }

    [Theory]
    [InlineData("cc: [\"Dr. Wei Chen <wchen@example.org>\"]")]
    [InlineData("cc: [chen@example.org]")]
    [InlineData("cc: [Wei Chen]")]
    public void GreetedPersonInCc_IsNotAMismatch(string cc)
    {
        Assert.Empty(Lint(Doc("to_name: Dr. Ana Ruiz\n" + cc, "Dear Dr. Chen,\n\nThank you both.\n"), Rule));
    }

    [Theory]
    [InlineData("Dear Residency Coordinator,")]
    [InlineData("Dear Dr. {{last_name}},")]
    [InlineData("Dear Sir or Madam,")]
    [InlineData("Thank you for the interview.")]
    public void GenericOrTemplatedSalutations_AreLeftToOtherRules(string salutation)
    {
        Assert.Empty(Lint(Doc("to_name: Dr. Ana Ruiz", salutation + "\n\nThank you.\n"), Rule));
    }
}
