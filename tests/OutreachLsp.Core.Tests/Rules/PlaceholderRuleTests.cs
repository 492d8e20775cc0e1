using OutreachLsp.Core.Drafts;
using static OutreachLsp.Core.Tests.Rules.KindTestKit;

namespace OutreachLsp.Core.Tests.Rules;

/// <summary>kind: placeholder (rule unfilled-placeholder) on real drafts through the default engine.</summary>
public sealed class PlaceholderRuleTests
{
    private const string Rule = "unfilled-placeholder";

    private const string Meta = """
        to_name: Dr. María de la Cruz
        program: Pinecrest Internal Medicine Residency
        institution: Pinecrest Medical Center
        specialty: Internal Medicine
        """;

    [Fact]
    public void Placeholders_InBodyAndSubject_AreReportedOnTheTokenItself()
    {
        string text = Doc(Meta + "\nsubject: \"Thank you – [Program Name] interview\"",
            "Dear Dr. {{last_name}},\n\nI loved the [name of rotation] rotation and <Interviewer Name>'s talk. TODO: check XXX-XXX-XXXX and the date (TBD).\n");
        var findings = Lint(text, Rule, Profile());
        Assert.Equal(
            ["[Program Name]", "{{last_name}}", "[name of rotation]", "<Interviewer Name>", "TODO", "XXX-XXX-XXXX", "TBD"],
            findings.Select(f => Slice(text, f.Span)));
        Assert.All(findings, f => Assert.Contains("template slot", f.Message));
    }

    [Fact]
    public void NotesCodeQuotesLinksReferencesAndTaskBoxes_AreNotPlaceholders()
    {
        string body = """
            <!-- TODO: attach CV v3; [ ] check title; reuse for [Program Name]? -->
            Dear Dr. de la Cruz,

            I presented a [poster](https://example.org/[id]/poster.pdf) and cite a trial [1], [2, 3].
            The brochure promises care "for every [sic] patient" [...] and my template says `{{last_name}}`.
            See the [program website][site] and [site]. Line<br>break, <b>bold</b>, <jane@example.org>, <https://example.org>.

            > Dear [Applicant Name], thank you for applying.

            ```
            Dear Dr. [Last Name], TODO
            ```

            - [x] attach CV
            - [ ] proofread

            [site]: https://example.org

            Todo lists aside, thank you. <!-- XXX
            still a note --> Sincerely,
            """;
        string text = Doc(Meta, body);
        Assert.Empty(Lint(text, Rule, Profile()));
    }

    [Theory]
    [InlineData("[Program Name]", "Pinecrest Internal Medicine Residency", "\n")]
    [InlineData("[PD's Last Name]", "de la Cruz", "\r\n")]
    [InlineData("{{pd_last_name}}", "de la Cruz", "\n")]
    [InlineData("[Your Name]", "Jane Applicant", "\r\n")]
    [InlineData("<AAMC ID>", "12345678", "\n")]
    [InlineData("[specialty]", "Internal Medicine", "\r\n")]
    [InlineData("[Hospital Name]", "Pinecrest Medical Center", "\n")]
    public void KnownPlaceholder_IsFilledSafely_AndTheRestOfTheTextIsUntouched(string token, string value, string eol)
    {
        string text = Doc(Meta, $"Dear Dr. de la Cruz,\n\nI look forward to {token} 😀 and to the clinic.\n\nSincerely,\nJane\n", eol);
        var finding = Assert.Single(Lint(text, Rule, Profile()));
        Assert.Equal(token, Slice(text, finding.Span));
        var fix = Assert.Single(finding.Fixes);
        Assert.True(fix.IsSafe);
        Assert.True(fix.IsPreferred);
        string fixedText = Apply(text, fix);
        Assert.Equal(text.Replace(token, value, StringComparison.Ordinal), fixedText);
        Assert.Empty(Lint(fixedText, Rule, Profile()));
    }

    [Fact]
    public void UnknownPlaceholder_HasNoFillFix()
    {
        string text = Doc(Meta, "I especially enjoyed hearing about [specific curriculum feature].\n");
        var finding = Assert.Single(Lint(text, Rule, Profile()));
        Assert.Equal("[specific curriculum feature]", Slice(text, finding.Span));
        Assert.Empty(finding.Fixes);
    }

    [Fact]
    public void KnownPlaceholder_WithoutAValue_HasNoFillFix()
    {
        string text = Doc(Meta, "Sincerely,\n[Your Name]\n");
        var finding = Assert.Single(Lint(text, Rule, Profile(name: null)));
        Assert.Empty(finding.Fixes);
    }

    [Theory]
    [InlineData("subject: \"Thank you – [Program Name] interview\"")]
    [InlineData("subject: 'Thank you – [Program Name] interview'")]
    public void SubjectFix_KeepsTheFrontMatterValid(string subjectLine)
    {
        string meta = Meta.Replace("Pinecrest Internal Medicine Residency", "St. Brendan's \"IM\" Residency", StringComparison.Ordinal);
        string text = Doc(meta + "\n" + subjectLine, "Dear Dr. de la Cruz,\n\nThank you.\n");
        var finding = Assert.Single(Lint(text, Rule, Profile()));
        Assert.Equal("[Program Name]", Slice(text, finding.Span));
        string fixedText = Apply(text, Assert.Single(finding.Fixes));
        var draft = DraftParser.Parse("draft.md", fixedText);
        Assert.Equal("Thank you – St. Brendan's \"IM\" Residency interview", draft.Meta.Subject);
        Assert.DoesNotContain(draft.ParseFindings, f => f.RuleId == "front-matter");
        Assert.Empty(Lint(fixedText, Rule, Profile()));
    }

    [Fact]
    public void SameTodo_IsFineInAComment_ButNotInTheBody()
    {
        string text = Doc(Meta, "<!-- TODO: attach CV -->\nDear Dr. de la Cruz,\n\nTODO: attach CV\n");
        var finding = Assert.Single(Lint(text, Rule, Profile()));
        Assert.Equal(text.LastIndexOf("TODO", StringComparison.Ordinal), finding.Span.Start);
    }

    [Theory]
    [InlineData("<!-- never closed [Program Name]")]
    [InlineData("```\n[Program Name]")]
    [InlineData("[[[ {{ { < <a <!- `` ]]] }} > #### [")]
    [InlineData("\r\r\n\n[x]\r[ ]\t[\u0000]")]
    [InlineData("")]
    public void MalformedBodies_DoNotThrow(string body)
    {
        var findings = Lint(Doc(Meta, body), Rule, Profile());
        Assert.True(findings.Length >= 0);
    }
}
