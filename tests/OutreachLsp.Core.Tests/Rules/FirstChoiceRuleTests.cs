using static OutreachLsp.Core.Tests.Rules.KindTestKit;

namespace OutreachLsp.Core.Tests.Rules;

/// <summary>kind: first-choice (rule multiple-first-choice) on real workspaces through the default engine.</summary>
public sealed class FirstChoiceRuleTests
{
    private const string Rule = "multiple-first-choice";

    private static string Lakeshore(string body, string eol = "\n") => Doc("""
        program: Lakeshore Community Hospital Internal Medicine Residency
        institution: Lakeshore Community Hospital
        aliases: [Lakeshore, LCH Internal Medicine]
        type: letter-of-intent
        match_year: 2026
        """, body, eol);

    private static string HarborValley(string body, string eol = "\n") => Doc("""
        program: Harbor Valley Medical Center Internal Medicine Residency
        institution: Harbor Valley Medical Center
        aliases: [Harbor Valley, HVMC IM]
        type: update
        match_year: 2026
        """, body, eol);

    private static string Elmwood(string body, int year = 2026) => Doc($"""
        program: Elmwood Neurology Residency
        aliases: [Elmwood]
        type: update
        match_year: {year}
        """, body);

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void ClaimsToTwoPrograms_AreBothReported_EachPointingAtTheOther(string eol)
    {
        string a = Lakeshore("Dear Dr. Feld,\n\nI am writing 😊 to let you know that Lakeshore is my first choice, and I intend to rank it\nnumber one on my rank order list.\n", eol);
        string b = HarborValley("Dear Dr. Oduya,\n\nAfter a great deal of reflection, I also wanted you to know plainly that no program will sit above Harbor Valley when I certify my list.\n", eol);
        var result = Lint([("a.md", a), ("b.md", b)], Rule);
        var fa = Assert.Single(result["a.md"]);
        var fb = Assert.Single(result["b.md"]);
        Assert.Equal($"Lakeshore is my first choice, and I intend to rank it{eol}number one on my rank order list", Slice(a, fa.Span));
        Assert.Equal("no program will sit above Harbor Valley when I certify my list", Slice(b, fb.Span));
        var ra = Assert.Single(fa.Related);
        Assert.Equal("b.md", ra.DocumentId);
        Assert.Equal(fb.Span, ra.Span);
        var rb = Assert.Single(fb.Related);
        Assert.Equal("a.md", rb.DocumentId);
        Assert.Equal(fa.Span, rb.Span);
        Assert.Contains("Harbor Valley Medical Center Internal Medicine Residency", fa.Message);
        Assert.Contains("Lakeshore Community Hospital Internal Medicine Residency", fb.Message);
    }

    [Fact]
    public void ClaimsToThreePrograms_RelateEachClaimToTheOtherTwo()
    {
        var result = Lint([
            ("a.md", Lakeshore("You are my first choice.\n")),
            ("b.md", HarborValley("Your program will head my rank order list.\n")),
            ("c.md", Elmwood("Nowhere else comes close — you're it for me.\n")),
        ], Rule);
        foreach (var id in new[] { "a.md", "b.md", "c.md" })
        {
            var finding = Assert.Single(result[id]);
            Assert.Equal(2, finding.Related.Length);
            Assert.DoesNotContain(finding.Related, r => r.DocumentId == id);
        }
    }

    [Fact]
    public void EditingOneClaimAway_ClearsTheOther()
    {
        string a = Lakeshore("You are my first choice.\n");
        string b = HarborValley("I will rank you #1.\n");
        Assert.Single(Lint([("a.md", a), ("b.md", b)], Rule)["a.md"]);
        string b2 = HarborValley("Harbor Valley remains one of my top choices, and I plan to rank it very highly.\n");
        var after = Lint([("a.md", a), ("b.md", b2)], Rule);
        Assert.Empty(after["a.md"]);
        Assert.Empty(after["b.md"]);
    }

    [Fact]
    public void ShortFormOfTheDraftsOwnProgram_CountsAsAClaimTarget()
    {
        string corran = Doc("program: Corran Valley Medical Center Internal Medicine Residency\ntype: update\nmatch_year: 2026",
            "Dear Dr. Ames,\n\nAfter my visit, Corran Valley is my first choice.\n");
        var result = Lint([("a.md", Lakeshore("You are my first choice.\n")), ("c.md", corran)], Rule);
        Assert.Equal("Corran Valley is my first choice", Slice(corran, Assert.Single(result["c.md"]).Span));
    }

    [Fact]
    public void TwoDraftsToOneProgram_ByNameOrAlias_AreOneProgram()
    {
        string b = Doc("program: Lakeshore\ntype: update\nmatch_year: 2026", "I intend to rank Lakeshore first.\n");
        var result = Lint([("a.md", Lakeshore("You are my first choice.\n")), ("b.md", b)], Rule);
        Assert.Empty(result["a.md"]);
        Assert.Empty(result["b.md"]);
    }

    [Fact]
    public void DifferentMatchYears_DoNotConflict()
    {
        var result = Lint([("a.md", Lakeshore("You are my first choice.\n")), ("c.md", Elmwood("You are my first choice.\n", 2025))], Rule);
        Assert.Empty(result["a.md"]);
        Assert.Empty(result["c.md"]);
    }

    [Theory]
    [InlineData("You are my first choice.", true)]
    [InlineData("I am going to put your program in first position.", true)]
    [InlineData("Your program will head my rank order list.", true)]
    [InlineData("No other program will sit above yours on my list.", true)]
    [InlineData("Nowhere else comes close — you're it for me.", true)]
    [InlineData("Elmwood is my top program.", true)]
    [InlineData("First place on my rank list goes to your program.", true)]
    [InlineData("My list begins with Elmwood.", true)]
    [InlineData("Elmwood will be the first name on my rank order list.", true)]
    [InlineData("I have decided that Elmwood will occupy the top spot on my rank order list.", true)]
    [InlineData("I cannot imagine ranking any program above Elmwood.", true)]
    [InlineData("I would not hesitate to rank Elmwood first.", true)]
    [InlineData("Elmwood continues to be my first choice.", true)]
    [InlineData("There is no program I would rather train at.", true)]
    [InlineData("When I certify my list, Elmwood will be at the top.", true)]
    [InlineData("I would not hesitate to ask if I had questions.", false)]
    [InlineData("Elmwood is one of my first choices.", false)]
    [InlineData("I will keep your advice at the top of my mind.", false)]
    [InlineData("Elmwood remains one of my top choices.", false)]
    [InlineData("Elmwood is among my top three programs.", false)]
    [InlineData("If I rank you first, will I match?", false)]
    [InlineData("If I put Elmwood first on my list, can I be sure that I will end there in July?", false)]
    [InlineData("You would be my first choice if you sponsored the H-1B.", false)]
    [InlineData("Should the committee place me among the applicants it expects to match, I would put Elmwood at the head of my list.", false)]
    [InlineData("You are not my first choice.", false)]
    [InlineData("My advisor told me to say that you are my first choice.", false)]
    [InlineData("Your website calls patient safety \"our number one value\".", false)]
    [InlineData("Your #1 priority is wellness.", false)]
    [InlineData("Internal medicine was my first choice of specialty.", false)]
    [InlineData("Your stroke unit is #1 in the state.", false)]
    [InlineData("Mount Alder will be very high on my rank list.", false)]
    [InlineData("It is my first choice to work with underserved patients.", false)]
    [InlineData("My top priority is that my patients understand their care.", false)]
    public void OnlyFirstChoiceClaims_Count(string sentence, bool isClaim)
    {
        var result = Lint([("a.md", Lakeshore("You are my first choice.\n")), ("c.md", Elmwood("Dear Dr. Huang,\n\n" + sentence + "\n"))], Rule);
        Assert.Equal(isClaim, result["c.md"].Length == 1);
        Assert.Equal(isClaim, result["a.md"].Length == 1);
    }
}
