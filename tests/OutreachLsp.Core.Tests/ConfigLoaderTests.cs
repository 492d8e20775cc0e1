using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Tests;

public class ConfigLoaderTests
{
    private const string Path = "/ws/.outreach.yaml";

    private static (int Line, int Character) At(string text, int offset)
    {
        var p = LineIndex.Create(text).GetPosition(offset);
        return (p.Line, p.Character);
    }

    private static Finding Only(string text, WorkspaceConfig config, Severity severity, int line, int character, string covered)
    {
        var f = Assert.Single(config.Problems);
        Assert.Equal(WellKnownRuleIds.Config, f.RuleId);
        Assert.Equal(Path, f.DocumentId);
        Assert.Equal(severity, f.Severity);
        Assert.Equal((line, character), At(text, f.Span.Start));
        Assert.Equal(covered, text.Substring(f.Span.Start, f.Span.Length));
        return f;
    }

    private const string FullConfig = """
        profile:
          name: Jane Applicant
          degree: MD
          aamc_id: 12345678
          email: jane@example.org
          phone: "+1 555 0100"
          school: University of Nairobi
          specialty: Internal Medicine
          visa: J-1 or H-1B
          step3: scheduled
          ecfmg_certified: true
        match_year: 2027
        calendars:
          2027: {rank_open: 2027-01-14, rol_deadline: 2027-02-24, match_week_start: 2027-03-15, soap_end: 2027-03-18, match_day: 2027-03-19}
        rules:
          stock-phrasing: off
          desperate-tone: warning
          rank-inquiry: Error
          salutation-format: info
        packs: [./my-rules, ../shared-rules]
        ignore: ["archive/**", "notes/*.md"]
        """;

    [Theory]
    [InlineData(2026, "2025-10-03", 2026)]   // interview season of the configured Match
    [InlineData(2026, "2026-03-18", 2026)]   // Match Week itself
    [InlineData(2026, "2026-03-21", 2026)]   // after Match Day, before the next cycle opens: still 2026
    [InlineData(2026, "2026-11-26", 2027)]   // the next cycle: the config was left at last year's Match
    [InlineData(2027, "2026-11-26", 2027)]   // configured ahead (no calendar for 2027 yet)
    [InlineData(2030, "2026-11-26", 2030)]
    [InlineData(null, "2026-11-26", 2027)]   // no match_year: the cycle the date falls in
    [InlineData(null, "2026-02-01", 2026)]
    public void MatchYearFor_NewDrafts_FollowsTheCycleOnceTheConfiguredMatchIsOver(int? configured, string sendDate, int expected)
    {
        var config = WorkspaceConfig.Default with { DefaultMatchYear = configured };
        Assert.Equal(expected, config.MatchYearFor(DateOnly.Parse(sendDate, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void AFullConfig_IsReadWithoutProblems()
    {
        var config = ConfigLoader.Load(Path, FullConfig);
        Assert.Empty(config.Problems);
        Assert.Equal(Path, config.Path);
        var p = config.Profile;
        Assert.Equal(("Jane Applicant", "MD", "12345678", "jane@example.org", "+1 555 0100"), (p.Name, p.Degree, p.AamcId, p.Email, p.Phone));
        Assert.Equal(("University of Nairobi", "Internal Medicine"), (p.School, p.Specialty));
        Assert.Equal(("j-1 or h-1b", "scheduled", (bool?)true), (p.Visa, p.Step3, p.EcfmgCertified));
        Assert.Equal(2027, config.DefaultMatchYear);
        Assert.Equal(new MatchCalendar(2027, new(2027, 1, 14), new(2027, 2, 24), new(2027, 3, 15), new(2027, 3, 18), new(2027, 3, 19)), config.GetCalendar(2027));
        Assert.Equal(MatchCalendar.Nrmp2026, config.GetCalendar(2026)); // the built-in one stays
        Assert.Null(config.RuleOverrides["stock-phrasing"]);
        Assert.Equal(Severity.Warning, config.RuleOverrides["desperate-tone"]);
        Assert.Equal(Severity.Error, config.RuleOverrides["rank-inquiry"]);
        Assert.Equal(Severity.Info, config.RuleOverrides["salutation-format"]);
        Assert.Equal<string>(["/ws/my-rules", "/shared-rules"], config.Packs);
        Assert.Equal<string>(["archive/**", "notes/*.md"], config.Ignore);
    }

    [Fact]
    public void EmptyConfig_IsDefaultsWithItsPath()
    {
        var config = ConfigLoader.Load(Path, "# nothing yet\n");
        Assert.Empty(config.Problems);
        Assert.Equal(Path, config.Path);
        Assert.Equal(MatchCalendar.BuiltIn, config.Calendars);
    }

    [Fact]
    public void ACalendarOverridingTheBuiltInYear_Replaces2026()
    {
        var config = ConfigLoader.Load(Path, "calendars:\n  2026: {rank_open: 2026-01-16, rol_deadline: 2026-02-26, match_week_start: 2026-03-16, soap_end: 2026-03-19, match_day: 2026-03-20}\n");
        Assert.Empty(config.Problems);
        Assert.Equal(new DateOnly(2026, 1, 16), config.GetCalendar(2026)!.RankOpen);
    }

    [Fact]
    public void UnknownTopLevelKey_IsAWarningOnTheKey_WithDidYouMean()
    {
        string text = "profile:\n  name: Jane\nrule:\n  stock-phrasing: off\n";
        var f = Only(text, ConfigLoader.Load(Path, text), Severity.Warning, 2, 0, "rule");
        Assert.Contains("Did you mean 'rules'?", f.Message, StringComparison.Ordinal);
        Assert.Equal("rules", f.Fixes[0].Edits[0].NewText);
    }

    [Fact]
    public void UnknownProfileKey_IsAWarning_WithDidYouMean()
    {
        string text = "profile:\n  aamcid: 123\n";
        var config = ConfigLoader.Load(Path, text);
        var f = Only(text, config, Severity.Warning, 1, 2, "aamcid");
        Assert.Contains("Did you mean 'aamc_id'?", f.Message, StringComparison.Ordinal);
        Assert.True(f.Fixes[0].IsSafe);
    }

    [Fact]
    public void BadProfileValues_AreErrorsOnTheValues()
    {
        string text = "profile:\n  visa: green card\n  ecfmg_certified: soon\n  step3: passed\n";
        var config = ConfigLoader.Load(Path, text);
        Assert.Equal(2, config.Problems.Length);
        Assert.Equal((1, 8), At(text, config.Problems[0].Span.Start));
        Assert.Equal((2, 19), At(text, config.Problems[1].Span.Start));
        Assert.Equal("passed", config.Profile.Step3);
        Assert.Null(config.Profile.Visa);
    }

    [Theory]
    [InlineData("warn", "warning")]
    [InlineData("err", "error")]
    [InlineData("of", "off")]
    [InlineData("infos", "info")]
    public void BadSeverityWord_IsAnErrorOnTheValue_WithDidYouMean(string word, string suggestion)
    {
        string text = $"rules:\n  stock-phrasing: {word}\n  desperate-tone: off\n";
        var config = ConfigLoader.Load(Path, text);
        var f = Only(text, config, Severity.Error, 1, 18, word);
        Assert.Contains("use off, info, warning or error", f.Message, StringComparison.Ordinal);
        Assert.Contains($"Did you mean '{suggestion}'?", f.Message, StringComparison.Ordinal);
        Assert.False(config.RuleOverrides.ContainsKey("stock-phrasing"));
        Assert.True(config.RuleOverrides.ContainsKey("desperate-tone"));
    }

    [Fact]
    public void SeverityWithoutAValue_IsAnErrorOnTheRuleId()
    {
        string text = "rules:\n  stock-phrasing:\n";
        Only(text, ConfigLoader.Load(Path, text), Severity.Error, 1, 2, "stock-phrasing");
    }

    [Fact]
    public void CalendarWithAMissingField_IsAnErrorOnTheYear_AndNotUsed()
    {
        string text = "calendars:\n  2027:\n    rank_open: 2027-01-14\n    rol_deadline: 2027-02-24\n    match_week_start: 2027-03-15\n    match_day: 2027-03-19\n";
        var config = ConfigLoader.Load(Path, text);
        var f = Only(text, config, Severity.Error, 1, 2, "2027");
        Assert.Contains("missing soap_end", f.Message, StringComparison.Ordinal);
        Assert.Null(config.GetCalendar(2027));
    }

    [Fact]
    public void CalendarWithANonDate_IsAnErrorOnThatValue()
    {
        string text = "calendars:\n  2027: {rank_open: mid January, rol_deadline: 2027-02-24, match_week_start: 2027-03-15, soap_end: 2027-03-18, match_day: 2027-03-19}\n";
        var config = ConfigLoader.Load(Path, text);
        var f = Only(text, config, Severity.Error, 1, 20, "mid January");
        Assert.Contains("write YYYY-MM-DD", f.Message, StringComparison.Ordinal);
        Assert.Null(config.GetCalendar(2027));
    }

    [Fact]
    public void CalendarOutOfOrder_IsAnErrorOnTheFirstDateOutOfPlace()
    {
        string text = "calendars:\n  2027:\n    rank_open: 2027-01-14\n    rol_deadline: 2027-03-24\n    match_week_start: 2027-03-15\n    soap_end: 2027-03-18\n    match_day: 2027-03-19\n";
        var config = ConfigLoader.Load(Path, text);
        var f = Only(text, config, Severity.Error, 4, 22, "2027-03-15");
        Assert.Contains("match_week_start (2027-03-15) must come after rol_deadline (2027-03-24)", f.Message, StringComparison.Ordinal);
        Assert.Null(config.GetCalendar(2027));
    }

    [Fact]
    public void CalendarWithAnUnknownField_IsAWarning_WithDidYouMean()
    {
        string text = "calendars:\n  2027: {rank_open: 2027-01-14, rol_deadline: 2027-02-24, match_week_start: 2027-03-15, soap_end: 2027-03-18, match_day: 2027-03-19, matchday: 2027-03-19}\n";
        var config = ConfigLoader.Load(Path, text);
        var f = Only(text, config, Severity.Warning, 1, text.IndexOf("matchday", StringComparison.Ordinal) - text.IndexOf("  2027", StringComparison.Ordinal), "matchday");
        Assert.Contains("Did you mean 'match_day'?", f.Message, StringComparison.Ordinal);
        Assert.NotNull(config.GetCalendar(2027)); // the calendar itself is complete
    }

    [Theory]
    [InlineData("next")]
    [InlineData("27")]
    [InlineData("2027.5")]
    public void CalendarKeyThatIsNotAYear_IsAnErrorOnTheKey(string key)
    {
        string text = $"calendars:\n  {key}: {{rank_open: 2027-01-14}}\n";
        var f = Only(text, ConfigLoader.Load(Path, text), Severity.Error, 1, 2, key);
        Assert.Contains("not a Match year", f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("1999")]
    public void MatchYearThatIsNotAYear_IsAnError(string value)
    {
        string text = $"match_year: {value}\n";
        var config = ConfigLoader.Load(Path, text);
        Only(text, config, Severity.Error, 0, 12, value);
        Assert.Null(config.DefaultMatchYear);
    }

    [Fact]
    public void BadYaml_IsALocatedError_AndDefaultsAreUsed()
    {
        string text = "profile:\n  name: Jane\n  school: [Nairobi\nmatch_year: 2026\n";
        var config = ConfigLoader.Load(Path, text);
        var f = Assert.Single(config.Problems);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal((2, 10), At(text, f.Span.Start));
        Assert.Null(config.Profile.Name);
    }

    [Fact]
    public void ConfigThatIsAList_IsAnError()
    {
        string text = "- profile\n- rules\n";
        Only(text, ConfigLoader.Load(Path, text), Severity.Error, 0, 0, "- profile\n- rules");
    }

    [Fact]
    public void SectionsOfTheWrongShape_AreErrors_OthersStillApply()
    {
        string text = "profile: Jane\nrules: [stock-phrasing]\npacks: {a: b}\nmatch_year: 2026\n";
        var config = ConfigLoader.Load(Path, text);
        Assert.Equal(3, config.Problems.Length);
        Assert.All(config.Problems, p => Assert.Equal(Severity.Error, p.Severity));
        Assert.Equal(2026, config.DefaultMatchYear);
    }

    [Fact]
    public void BillionLaughsInConfig_IsRefused()
    {
        var sb = new System.Text.StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++, prev++)
            sb.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + prev, 9))).Append("]\n");
        var config = ConfigLoader.Load(Path, sb.ToString());
        Assert.Contains("expands to more than", Assert.Single(config.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedConfig_IsRefused()
    {
        var config = ConfigLoader.Load(Path, "profile: " + new string('{', 10_000));
        Assert.Contains("nested more than", Assert.Single(config.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IgnoreGlobsOutsideTheRoot_AreWarnings()
    {
        string text = "ignore: [\"../other/**\", \"./drafts/old/*.md\"]\n";
        var config = ConfigLoader.Load(Path, text);
        Only(text, config, Severity.Warning, 0, 9, "\"../other/**\"");
        Assert.Equal<string>(["drafts/old/*.md"], config.Ignore);
    }

    [Fact]
    public void LoadFromDirectory_PrefersYamlOverYml_AndChecksPackFolders()
    {
        var fs = new WorkspaceTestFileSystem()
            .Add("/ws/.outreach.yaml", "packs: [./rules, ./missing]\nmatch_year: 2026\n")
            .Add("/ws/.outreach.yml", "match_year: 2030\n")
            .AddFolder("/ws/rules");
        var config = ConfigLoader.LoadFromDirectory(fs, "/ws");
        Assert.Equal("/ws/.outreach.yaml", config.Path);
        Assert.Equal(2026, config.DefaultMatchYear);
        Assert.Equal<string>(["/ws/rules"], config.Packs);
        var f = Assert.Single(config.Problems);
        Assert.Contains("Rule-pack folder './missing' not found", f.Message, StringComparison.Ordinal);
        Assert.Equal("./missing", fs.ReadAllBytes("/ws/.outreach.yaml", out _) is { } b ? System.Text.Encoding.UTF8.GetString(b).Substring(f.Span.Start, f.Span.Length) : null);
    }

    [Fact]
    public void LoadFromDirectory_FallsBackToYml()
    {
        var fs = new WorkspaceTestFileSystem().Add("/ws/.outreach.yml", "match_year: 2030\n");
        var config = ConfigLoader.LoadFromDirectory(fs, "/ws");
        Assert.Equal("/ws/.outreach.yml", config.Path);
        Assert.Equal(2030, config.DefaultMatchYear);
    }

    [Fact]
    public void LoadFromDirectory_WithoutAConfig_IsTheDefault()
    {
        var config = ConfigLoader.LoadFromDirectory(new WorkspaceTestFileSystem().AddFolder("/ws"), "/ws");
        Assert.Same(WorkspaceConfig.Default, config);
        Assert.Null(config.Path);
    }

    [Fact]
    public void LoadFromDirectory_UnreadableConfig_IsAConfigErrorWithTheOsMessage()
    {
        var fs = new WorkspaceTestFileSystem().Add("/ws/.outreach.yaml", "x: 1").Unreadable("/ws/.outreach.yaml");
        var config = ConfigLoader.LoadFromDirectory(fs, "/ws");
        var f = Assert.Single(config.Problems);
        Assert.Equal((WellKnownRuleIds.Config, Severity.Error, "/ws/.outreach.yaml"), (f.RuleId, f.Severity, f.DocumentId));
        Assert.Contains("is denied", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_WithABomAndInvalidUtf8_ReportsItAsAConfigProblem()
    {
        var fs = new WorkspaceTestFileSystem().Add("/ws/.outreach.yaml", [0xEF, 0xBB, 0xBF, .. "profile:\n  name: Jos"u8, 0xE9, .. "\n"u8]);
        var config = ConfigLoader.LoadFile(fs, "/ws/.outreach.yaml");
        var f = Assert.Single(config.Problems);
        Assert.Equal((WellKnownRuleIds.Config, Severity.Warning), (f.RuleId, f.Severity));
        Assert.Equal("Jos\uFFFD", config.Profile.Name);
    }

    [Fact]
    public void LoadFile_Missing_IsAConfigError()
    {
        var config = ConfigLoader.LoadFile(new WorkspaceTestFileSystem(), "/ws/custom.yaml");
        Assert.Equal("Config file not found.", Assert.Single(config.Problems).Message);
    }

    [Fact]
    public void ConfigWithCrLfAndEmoji_IsLocatedExactly()
    {
        string text = "profile:\r\n  name: \"Jane 😀\"\r\n  step3: later\r\n";
        var config = ConfigLoader.Load(Path, text);
        Only(text, config, Severity.Error, 2, 9, "later");
        Assert.Equal("Jane 😀", config.Profile.Name);
    }

    [Fact]
    public void Load_NeverThrows_OnJunk()
    {
        var random = new Random(7);
        const string alphabet = "profilerus:-[]{},&*! \n\t2027'\"#";
        for (int i = 0; i < 1000; i++)
        {
            var chars = new char[random.Next(0, 80)];
            for (int j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            var config = ConfigLoader.Load(Path, new string(chars));
            Assert.DoesNotContain(config.Problems, p => p.Message.StartsWith("Internal error", StringComparison.Ordinal));
        }
    }
}
