using static OutreachLsp.Core.Tests.Rules.KindTestKit;

namespace OutreachLsp.Core.Tests.Rules;

/// <summary>kind: salutation-format (rule salutation-format) on real drafts through the default engine.</summary>
public sealed class SalutationFormatRuleTests
{
    private const string Rule = "salutation-format";

    [Theory]
    [InlineData("Respected Sir,\n\nMyself Dr. Ritika Sharma.", "to_name: Dr. Alan Whitcomb\nto_role: Program Director", "Respected Sir,", "Dear Dr. Whitcomb,")]
    [InlineData("Esteemed Professor, I hope you are well.", "to_name: Prof. Jane Smith", "Esteemed Professor,", "Dear Prof. Smith,")]
    [InlineData("Hi Dr. Greene! Thank you for the interview.", "to_name: Dr. Alan Greene", "Hi Dr. Greene!", "Dear Dr. Greene,")]
    [InlineData("Hey Samantha,\n\nJust checking in.", "to_name: Dr. Samantha Cole\nto_role: Program Director", "Hey Samantha,", "Dear Dr. Cole,")]
    [InlineData("Dear Susan,\n\nThank you.", "to_name: Dr. Susan Park\nto_role: Program Director", "Dear Susan,", "Dear Dr. Park,")]
    [InlineData("To whom it may concern,\n\nA question.", "to_name: Ms. Dana Whitley", "To whom it may concern,", "Dear Ms. Whitley,")]
    [InlineData("Dear Sir or Madam:\n\nA question.", "to_name: Dr. María de la Cruz", "Dear Sir or Madam:", "Dear Dr. de la Cruz,")]
    public void Salutation_IsReportedAndRewrittenFromToName(string body, string meta, string expectedSpan, string expectedFix)
    {
        foreach (var eol in new[] { "\n", "\r\n" })
        {
            string text = Doc(meta, body + " 🙂\n\nSincerely,\nJane\n", eol);
            var finding = Assert.Single(Lint(text, Rule));
            Assert.Equal(expectedSpan, Slice(text, finding.Span));
            var fix = Assert.Single(finding.Fixes);
            Assert.True(fix.IsPreferred);
            string fixedText = Apply(text, fix);
            Assert.Equal(text[..finding.Span.Start] + expectedFix + text[finding.Span.End..], fixedText);
            Assert.Empty(Lint(fixedText, Rule));
        }
    }

    [Fact]
    public void Salutation_AfterANoteToSelf_IsStillTheFirstProseLine()
    {
        string text = Doc("to_name: Dr. Susan Park", "<!-- TODO: attach CV -->\nHi Dr. Park,\n\nThank you.\n");
        var finding = Assert.Single(Lint(text, Rule));
        Assert.Equal("Hi Dr. Park,", Slice(text, finding.Span));
    }

    [Fact]
    public void InformalOpener_WithoutToName_IsReportedWithoutAFix()
    {
        string text = Doc("type: interest", "Hello,\n\nI have a question about J-1 sponsorship.\n");
        var finding = Assert.Single(Lint(text, Rule));
        Assert.Equal("Hello,", Slice(text, finding.Span));
        Assert.Empty(finding.Fixes);
    }

    [Theory]
    [InlineData("Dear Residency Coordinator,", "to_role: Program Coordinator")]
    [InlineData("Dear Sir or Madam,", "type: visa-inquiry")]
    [InlineData("Dear Dr. Park,", "to_name: Dr. Susan Park\nto_role: Program Director")]
    [InlineData("Dear Dana,", "to_name: Ms. Dana Whitley\nto_role: Program Coordinator")]
    [InlineData("Dear Professor Smith,", "to_name: Prof. Jane Smith")]
    [InlineData("Dear Dr. Park and Dr. Lee,", "to_name: Dr. Susan Park")]
    [InlineData("Thank you for the interview yesterday.", "to_name: Dr. Susan Park")]
    [InlineData("Respectfully, I would like to ask one question.", "to_name: Dr. Susan Park")]
    public void FormalOrUnknownSalutations_AreNotReported(string firstLine, string meta)
    {
        Assert.Empty(Lint(Doc(meta, firstLine + "\n\nThank you.\n"), Rule));
    }
}
