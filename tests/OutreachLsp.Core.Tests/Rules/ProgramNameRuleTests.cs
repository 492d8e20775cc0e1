using static OutreachLsp.Core.Tests.Rules.KindTestKit;

namespace OutreachLsp.Core.Tests.Rules;

/// <summary>kind: program-name (rule program-name-mismatch) on real workspaces through the default engine.</summary>
public sealed class ProgramNameRuleTests
{
    private const string Rule = "program-name-mismatch";

    private const string HarborValley = """
        to_name: Dr. Raymond Oduya
        program: Harbor Valley Medical Center Internal Medicine Residency
        institution: Harbor Valley Medical Center
        aliases: [Harbor Valley, HVMC IM]
        type: thank-you
        """;

    private const string Lakeshore = """
        to_name: Dr. Miriam Feld
        program: Lakeshore Community Hospital Internal Medicine Residency
        institution: Lakeshore Community Hospital
        aliases: [Lakeshore, LCH Internal Medicine]
        type: thank-you
        """;

    private static readonly string LakeshoreDraft = Doc(Lakeshore, "Dear Dr. Feld,\n\nThank you for the interview at Lakeshore.\n");

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void CarriedOverName_IsReportedInItsContext_WithTheOtherDraftAsRelatedInformation(string eol)
    {
        string text = Doc(HarborValley, "Dear Dr. Oduya,\n\nI left convinced 🌟 that I would grow as a physician training at Lakeshore, surrounded by kind residents.\n", eol);
        var result = Lint([("hv.md", text), ("lakeshore.md", LakeshoreDraft)], Rule);
        Assert.Empty(result["lakeshore.md"]);
        var finding = Assert.Single(result["hv.md"]);
        Assert.Equal("training at Lakeshore", Slice(text, finding.Span));
        Assert.Contains("Lakeshore", finding.Message);
        var related = Assert.Single(finding.Related);
        Assert.Equal("lakeshore.md", related.DocumentId);
        Assert.StartsWith("aliases:", Slice(LakeshoreDraft, related.Span));
        Assert.Contains("Lakeshore", related.Message);

        var preferred = finding.Fixes.Single(f => f.IsPreferred);
        Assert.Equal("Harbor Valley", preferred.Edits[0].NewText);
        string fixedText = Apply(text, preferred);
        Assert.Equal(text.Replace("training at Lakeshore", "training at Harbor Valley", StringComparison.Ordinal), fixedText);
        Assert.Empty(Lint([("hv.md", fixedText), ("lakeshore.md", LakeshoreDraft)], Rule)["hv.md"]);
        Assert.Contains(finding.Fixes, f => f.Edits[0].NewText == "Harbor Valley Medical Center Internal Medicine Residency");
    }

    [Fact]
    public void InstitutionName_IsReplacedByTheDraftsOwnInstitution()
    {
        string text = Doc(HarborValley, "Dear Dr. Oduya,\n\nThank you for the interview day at Lakeshore Community Hospital.\n");
        var finding = Assert.Single(Lint([("hv.md", text), ("lakeshore.md", LakeshoreDraft)], Rule)["hv.md"]);
        Assert.Equal("Thank you for the interview day at Lakeshore Community Hospital", Slice(text, finding.Span));
        Assert.Equal("Harbor Valley Medical Center", finding.Fixes.Single(f => f.IsPreferred).Edits[0].NewText);
        Assert.Equal("Lakeshore Community Hospital", Slice(text, finding.Fixes[0].Edits[0].Span));
        Assert.StartsWith("institution:", Slice(LakeshoreDraft, Assert.Single(finding.Related).Span));
    }

    [Fact]
    public void ShortFormOfAnotherDraftsProgram_IsReported_AndPointsAtThatProgram()
    {
        string sonoran = Doc("program: Sonoran Desert Family Medicine Residency\ninstitution: Sonoran Regional Medical Center\ntype: update", "Dear Dr. Ortiz,\n\nAn update.\n");
        string text = Doc(HarborValley, "Dear Dr. Oduya,\n\nI would be proud to join Sonoran in July, and I hope to thrive at Sonoran Desert.\n");
        var findings = Lint([("hv.md", text), ("sonoran.md", sonoran)], Rule)["hv.md"];
        Assert.Equal(["join Sonoran", "thrive at Sonoran Desert"], findings.Select(f => Slice(text, f.Span)));
        Assert.All(findings, f => Assert.StartsWith("program:", Slice(sonoran, Assert.Single(f.Related).Span)));
        Assert.Equal("Harbor Valley", findings[0].Fixes.Single(f => f.IsPreferred).Edits[0].NewText);
    }

    [Theory]
    [InlineData("I would be proud to join Sonoran Hills Pediatrics in July.")]
    [InlineData("I grew up near the Sonoran Desert and love the heat.")]
    [InlineData("I hope to join Harbor Valley, far from the sonoran heat.")]
    public void ShortForms_ThatAreAnotherNameOrNoRecipientContext_AreNotReported(string sentence)
    {
        string sonoran = Doc("program: Sonoran Desert Family Medicine Residency\ntype: update", "An update.\n");
        string text = Doc(HarborValley, "Dear Dr. Oduya,\n\n" + sentence + "\n");
        Assert.Empty(Lint([("hv.md", text), ("sonoran.md", sonoran)], Rule)["hv.md"]);
    }

    [Fact]
    public void TheFinding_GoesAwayWhenTheOtherDraftGoesAway()
    {
        string text = Doc(HarborValley, "Dear Dr. Oduya,\n\nI can't wait to start at Lakeshore in July.\n");
        Assert.Single(Lint([("hv.md", text), ("lakeshore.md", LakeshoreDraft)], Rule)["hv.md"]);
        Assert.Empty(Lint([("hv.md", text)], Rule)["hv.md"]);
    }

    [Theory]
    [InlineData("During my observership at Lakeshore I learned how much continuity matters.")]
    [InlineData("My mentor at Lakeshore encouraged me to apply to Harbor Valley.")]
    [InlineData("I also interviewed at Lakeshore last week, and I have an offer from Lakeshore Community Hospital.")]
    [InlineData("I presented our poster at the Lakeshore conference.")]
    [InlineData("Your residents rotate at Lakeshore Community Hospital, your partner site.")]
    [InlineData("I hope to train at Harbor Valley, not anywhere else.")]
    [InlineData("lakeshore training at sunset is a local tradition.")]
    [InlineData("Most of your graduates match at Lakeshore for cardiology fellowship.")]
    [InlineData("I am currently training at Lakeshore as a preliminary intern.")]
    [InlineData("I would rather train here than at Lakeshore.")]
    public void PastAffiliationsPartnersConferencesAndOwnNames_AreNotReported(string sentence)
    {
        string text = Doc(HarborValley, "Dear Dr. Oduya,\n\n" + sentence + "\n");
        Assert.Empty(Lint([("hv.md", text), ("lakeshore.md", LakeshoreDraft)], Rule)["hv.md"]);
    }

    [Fact]
    public void UnknownHospital_InARecipientContext_IsReportedFromTheDocumentAlone()
    {
        string text = Doc(HarborValley, "Dear Dr. Oduya,\n\nI can already picture myself training at Mercy General Hospital.\n");
        var finding = Assert.Single(Lint(text, Rule));
        Assert.Equal("training at Mercy General Hospital", Slice(text, finding.Span));
        Assert.Empty(finding.Related);
        string fixedText = Apply(text, finding.Fixes.Single(f => f.IsPreferred));
        Assert.Contains("training at Harbor Valley Medical Center.", fixedText);
        Assert.Empty(Lint(fixedText, Rule));
    }

    /// <summary>Random drafts built from awkward fragments: every new kind must answer without throwing.</summary>
    [Fact]
    public void RandomDrafts_NeverMakeTheNewKindsThrow()
    {
        string[] fragments =
        [
            "Dear Dr. ", "Hi ", "Respected Sir", ",", "\r\n", "\n", "\r", "\n\n", "[", "]", "{{", "}}", "<", ">", "<!--", "-->", "`", "```", "> ",
            "Lakeshore", "Harbor Valley", "Mercy General Hospital", "training at ", "is my first choice", "I will rank you first", "no program will sit above ",
            "Sincerely", "AAMC ID: ", "12345678", "TODO", "XXX", "####", "😀", "\uD83D", "'s", " de la Cruz", "-", "—", "(", ")", ".", "?", "!", "  ", "\t",
        ];
        string[] metas = [HarborValley, Lakeshore, "", "program: X\naliases: [X]\nstage: pre-interview\ntype: interest", "to_name: \"\"\ncc: [\"\"]"];
        var random = new Random(20260320);
        for (int round = 0; round < 60; round++)
        {
            var drafts = new List<(string, string)>();
            for (int d = 0; d < 3; d++)
            {
                var body = new System.Text.StringBuilder();
                int n = random.Next(0, 40);
                for (int k = 0; k < n; k++) body.Append(fragments[random.Next(fragments.Length)]);
                string meta = metas[random.Next(metas.Length)];
                drafts.Add(($"d{d}.md", meta.Length == 0 ? body.ToString() : Doc(meta, body.ToString())));
            }
            // Analyze runs every rule of the pack; an exception in any kind fails the test.
            Assert.Equal(3, Lint(drafts, Rule, Profile()).Count);
        }
    }

    [Theory]
    [InlineData("I graduated from Ibadan University Hospital and would love to train at Harbor Valley.", null)]
    [InlineData("I would love to keep training at Ibadan University Hospital one day.", "University of Ibadan")]
    [InlineData("I can picture myself training at Harbor Valley University Hospital.", null)]
    [InlineData("Our abstract was accepted at the Stroke Society Program meeting.", null)]
    [InlineData("I was glad to hear that your residents train at Riverside County Hospital and the Bayview VA Hospital.", null)]
    [InlineData("I am currently training at Aga Khan University Hospital in Nairobi.", null)]
    [InlineData("Thank you for the tour of Riverside Children's Hospital, where I would rotate.", null)]
    public void DocumentSignal_SkipsOwnSchoolOwnNamesAndConferences(string sentence, string? school)
    {
        string text = Doc(HarborValley, "Dear Dr. Oduya,\n\n" + sentence + "\n");
        Assert.Empty(Lint(text, Rule, Profile(school: school)));
    }
}
