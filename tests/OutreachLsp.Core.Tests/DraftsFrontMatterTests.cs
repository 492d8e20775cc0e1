using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Tests;

public class DraftsFrontMatterTests
{
    private const string Id = "/drafts/pinecrest.md";

    private static Draft Parse(string frontMatter, string body = "Dear Dr. Whitley,\n") =>
        DraftParser.Parse(Id, "---\n" + frontMatter + "---\n" + body);

    /// <summary>The only finding; asserts its rule, severity, position and the text it covers.</summary>
    private static Finding Only(Draft draft, Severity severity, int line, int character, string covered)
    {
        var finding = Assert.Single(draft.ParseFindings);
        AssertFinding(draft, finding, severity, line, character, covered);
        return finding;
    }

    private static void AssertFinding(Draft draft, Finding finding, Severity severity, int line, int character, string covered)
    {
        Assert.Equal(WellKnownRuleIds.FrontMatter, finding.RuleId);
        Assert.Equal(Id, finding.DocumentId);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal((line, character), DraftKit.At(draft, finding.Span.Start));
        Assert.Equal(covered, draft.Source.Slice(finding.Span));
    }

    [Fact]
    public void TheRulesSampleFrontMatter_ReadsEveryFieldTyped_WithoutFindings()
    {
        var draft = Parse("""
            from: Jane Applicant, MD
            to: im.residency@pinecrest.example.org
            to_name: Ms. Dana Whitley          # person greeted in the salutation
            to_role: Program Coordinator
            cc: [pd@pinecrest.example.org]
            program: Pinecrest Medical Center Internal Medicine Residency
            institution: Pinecrest Medical Center
            aliases: [Pinecrest, PMC IM]
            specialty: Internal Medicine
            track: Global Health Pathway (categorical)
            nrmp: true
            stage: pre-interview
            type: visa-inquiry
            match_year: 2026
            interview_date: 2025-11-03
            send_date: 2025-09-22
            visa: J-1 or H-1B
            step3: not-taken
            ecfmg_certified: true
            program_visa: unknown
            program_policy: no-post-interview-communication
            program_initiated: false
            status: draft
            subject: "Visa question: J-1 sponsorship"
            outreach: {disable: [stock-phrasing, desperate-tone]}

            """);
        Assert.Empty(draft.ParseFindings);
        var m = draft.Meta;
        Assert.Equal("Jane Applicant, MD", m.From);
        Assert.Equal("im.residency@pinecrest.example.org", m.To);
        Assert.Equal("Ms. Dana Whitley", m.ToName);
        Assert.Equal("Program Coordinator", m.ToRole);
        Assert.Equal<string>(["pd@pinecrest.example.org"], m.Cc);
        Assert.Equal("Pinecrest Medical Center Internal Medicine Residency", m.Program);
        Assert.Equal("Pinecrest Medical Center", m.Institution);
        Assert.Equal<string>(["Pinecrest", "PMC IM"], m.Aliases);
        Assert.Equal("Internal Medicine", m.Specialty);
        Assert.Equal("Global Health Pathway (categorical)", m.Track);
        Assert.Equal(NrmpStatus.True, m.Nrmp);
        Assert.True(m.NrmpGiven);
        Assert.Equal("pre-interview", m.Stage);
        Assert.Equal("visa-inquiry", m.Type);
        Assert.Equal(2026, m.MatchYear);
        Assert.Equal(new DateOnly(2025, 11, 3), m.InterviewDate);
        Assert.Equal(new DateOnly(2025, 9, 22), m.SendDate);
        Assert.Equal("j-1 or h-1b", m.Visa);
        Assert.Equal("not-taken", m.Step3);
        Assert.True(m.EcfmgCertified);
        Assert.Equal("unknown", m.ProgramVisa);
        Assert.Equal("no-post-interview-communication", m.ProgramPolicy);
        Assert.False(m.ProgramInitiated);
        Assert.Equal("draft", m.Status);
        Assert.Equal("Visa question: J-1 sponsorship", m.Subject);
        Assert.Equal<string>(["stock-phrasing", "desperate-tone"], m.DisabledRules);
        Assert.Equal(25, m.Fields.Count);
        Assert.Equal(["Dear Dr. Whitley,"], DraftKit.Texts(draft));
    }

    [Fact]
    public void Fields_RecordKeyAndValueSpans()
    {
        var draft = Parse("program: Pinecrest IM\nsubject: \"Thank you\"\naliases:\n  - PMC\n  - Pinecrest\n\nnrmp: true\n");
        var program = draft.Meta.GetField("program")!;
        Assert.Equal("program", draft.Source.Slice(program.KeySpan));
        Assert.Equal("Pinecrest IM", draft.Source.Slice(program.ValueSpan));
        Assert.Equal((1, 9), DraftKit.At(draft, program.ValueSpan.Start));
        Assert.Equal("\"Thank you\"", draft.Source.Slice(draft.Meta.GetField("subject")!.ValueSpan));
        Assert.Equal("- PMC\n  - Pinecrest", draft.Source.Slice(draft.Meta.GetField("aliases")!.ValueSpan));
        Assert.Equal("true", draft.Source.Slice(draft.Meta.GetField("nrmp")!.ValueSpan));
        Assert.Null(draft.Meta.GetField("type"));
    }

    [Fact]
    public void EmptyValues_AreAbsent_WithoutFindings_ButTheKeyIsRecorded()
    {
        var draft = Parse("send_date:\nnrmp:\nprogram: ~\ntype: null\n");
        Assert.Empty(draft.ParseFindings);
        Assert.Null(draft.Meta.SendDate);
        Assert.Null(draft.Meta.Program);
        Assert.Null(draft.Meta.Type);
        Assert.Equal(NrmpStatus.Unknown, draft.Meta.Nrmp);
        Assert.True(draft.Meta.NrmpGiven);
        Assert.NotNull(draft.Meta.GetField("send_date"));
    }

    [Fact]
    public void SendDateNextWeek_IsAnErrorOnTheValue_AskingForYyyyMmDd()
    {
        var draft = Parse("program: Pinecrest\nsend_date: next week\n");
        var f = Only(draft, Severity.Error, 2, 11, "next week");
        Assert.Contains("not a date; write YYYY-MM-DD", f.Message, StringComparison.Ordinal);
        Assert.Null(draft.Meta.SendDate);
        Assert.Equal("Pinecrest", draft.Meta.Program);
    }

    [Fact]
    public void InterviewDateThatDoesNotExist_IsAnError()
    {
        var draft = Parse("interview_date: 2025-02-30\n");
        var f = Only(draft, Severity.Error, 1, 16, "2025-02-30");
        Assert.Contains("not a real calendar date", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DateWithATime_IsNotADate()
    {
        var draft = Parse("send_date: 2025-09-22 10:00\n");
        Only(draft, Severity.Error, 1, 11, "2025-09-22 10:00");
    }

    [Fact]
    public void NrmpMaybe_IsAnError_ListingTheAllowedValues()
    {
        var draft = Parse("nrmp: maybe\n");
        var f = Only(draft, Severity.Error, 1, 6, "maybe");
        Assert.Contains("use true, false or unknown", f.Message, StringComparison.Ordinal);
        Assert.Equal(NrmpStatus.Unknown, draft.Meta.Nrmp);
        Assert.True(draft.Meta.NrmpGiven);
    }

    [Theory]
    [InlineData("true", NrmpStatus.True)]
    [InlineData("yes", NrmpStatus.True)]
    [InlineData("False", NrmpStatus.False)]
    [InlineData("no", NrmpStatus.False)]
    [InlineData("unknown", NrmpStatus.Unknown)]
    public void NrmpValues_AreRead(string value, NrmpStatus expected)
    {
        var draft = Parse($"nrmp: {value}\n");
        Assert.Empty(draft.ParseFindings);
        Assert.Equal(expected, draft.Meta.Nrmp);
        Assert.True(draft.Meta.NrmpGiven);
    }

    [Fact]
    public void NrmpAbsent_IsNotGiven()
    {
        var draft = Parse("program: X\n");
        Assert.False(draft.Meta.NrmpGiven);
        Assert.Equal(NrmpStatus.Unknown, draft.Meta.Nrmp);
    }

    [Theory]
    [InlineData("thankyou")]
    [InlineData("thank you")]
    [InlineData("Thank_You")]
    [InlineData("thank-yuo")]
    public void TypeMisspelt_IsAnError_SuggestingThankYou_WithAFix(string value)
    {
        var draft = Parse($"type: {value}\n");
        var f = Only(draft, Severity.Error, 1, 6, value);
        Assert.Contains("Did you mean 'thank-you'?", f.Message, StringComparison.Ordinal);
        var fix = Assert.Single(f.Fixes);
        Assert.True(fix.IsPreferred);
        Assert.Equal("---\ntype: thank-you\n---\nDear Dr. Whitley,\n", TextEdit.Apply(draft.Text, fix.Edits));
        Assert.Null(draft.Meta.Type);
    }

    [Fact]
    public void TypeInAnotherCase_IsAccepted_AndStoredLowerCase()
    {
        var draft = Parse("type: Letter-Of-Intent\nstage: Rank-Season\n");
        Assert.Empty(draft.ParseFindings);
        Assert.Equal("letter-of-intent", draft.Meta.Type);
        Assert.Equal("rank-season", draft.Meta.Stage);
    }

    [Fact]
    public void StageUnknown_IsAnError_ListingTheStages()
    {
        var draft = Parse("stage: interview\n");
        var f = Only(draft, Severity.Error, 1, 7, "interview");
        Assert.Contains("pre-interview, post-interview, rank-season, post-certification or match-week", f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("J-1", "j-1")]
    [InlineData("h-1b", "h-1b")]
    [InlineData("J-1  or  H-1B", "j-1 or h-1b")]
    [InlineData("J-1 and H-1B", "j-1 and h-1b")]
    [InlineData("none", "none")]
    [InlineData("Unknown", "unknown")]
    public void VisaValues_AreStoredLowerCaseCanonical(string value, string expected)
    {
        var draft = Parse($"visa: {value}\nprogram_visa: {value}\n");
        Assert.Empty(draft.ParseFindings);
        Assert.Equal(expected, draft.Meta.Visa);
        Assert.Equal(expected, draft.Meta.ProgramVisa);
    }

    [Fact]
    public void VisaJ1WithoutHyphen_IsAnError_SuggestingJ1()
    {
        var draft = Parse("visa: J1\n");
        var f = Only(draft, Severity.Error, 1, 6, "J1");
        Assert.Contains("Did you mean 'J-1'?", f.Message, StringComparison.Ordinal);
        Assert.True(f.Fixes[0].IsSafe);
    }

    [Fact]
    public void ProgramVisaMaybe_IsAnError()
    {
        var draft = Parse("program_visa: maybe\n");
        var f = Only(draft, Severity.Error, 1, 14, "maybe");
        Assert.Contains("J-1, H-1B, J-1 or H-1B, J-1 and H-1B, none or unknown", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step3Done_IsAnError()
    {
        var draft = Parse("step3: done\n");
        var f = Only(draft, Severity.Error, 1, 7, "done");
        Assert.Contains("passed, scheduled or not-taken", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusFinal_IsAnError()
    {
        var draft = Parse("status: final\n");
        Only(draft, Severity.Error, 1, 8, "final");
    }

    [Fact]
    public void BooleanFieldWithAWord_IsAnError()
    {
        var draft = Parse("ecfmg_certified: perhaps\nprogram_initiated: yes\n");
        var f = Only(draft, Severity.Error, 1, 17, "perhaps");
        Assert.Contains("use true or false", f.Message, StringComparison.Ordinal);
        Assert.Null(draft.Meta.EcfmgCertified);
        Assert.True(draft.Meta.ProgramInitiated);
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("2101")]
    [InlineData("twenty-six")]
    [InlineData("2026.5")]
    public void MatchYearOutOfRangeOrNotANumber_IsAnError(string value)
    {
        var draft = Parse($"match_year: {value}\n");
        var f = Only(draft, Severity.Error, 1, 12, value);
        Assert.Contains("between 2000 and 2100", f.Message, StringComparison.Ordinal);
        Assert.Null(draft.Meta.MatchYear);
    }

    [Fact]
    public void UnrecognisedPolicy_IsInfo_AndTheValueIsKept()
    {
        var draft = Parse("program_policy: please no calls\n");
        var f = Only(draft, Severity.Info, 1, 16, "please no calls");
        Assert.Contains("Unrecognised policy", f.Message, StringComparison.Ordinal);
        Assert.Equal("please no calls", draft.Meta.ProgramPolicy);
    }

    [Fact]
    public void PolicyCloseToAKnownOne_SuggestsIt()
    {
        var draft = Parse("program_policy: no-thank-you-note\n");
        var f = Only(draft, Severity.Info, 1, 16, "no-thank-you-note");
        Assert.Contains("Did you mean 'no-thank-you-notes'?", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AListWhereAStringBelongs_IsAnErrorOnTheList()
    {
        var draft = Parse("program: [Pinecrest, Bellwood]\n");
        var f = Only(draft, Severity.Error, 1, 9, "[Pinecrest, Bellwood]");
        Assert.Contains("single value, not a list", f.Message, StringComparison.Ordinal);
        Assert.Null(draft.Meta.Program);
    }

    [Fact]
    public void AMappingWhereAStringBelongs_IsAnError()
    {
        var draft = Parse("to_name:\n  first: Dana\n  last: Whitley\n");
        var f = Only(draft, Severity.Error, 2, 2, "first: Dana\n  last: Whitley");
        Assert.Contains("not a mapping", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AliasesAndCc_AcceptAStringOrAList()
    {
        var draft = Parse("aliases: PMC\ncc:\n  - a@x.org\n  - b@x.org\n");
        Assert.Empty(draft.ParseFindings);
        Assert.Equal<string>(["PMC"], draft.Meta.Aliases);
        Assert.Equal<string>(["a@x.org", "b@x.org"], draft.Meta.Cc);
    }

    [Fact]
    public void ANestedListInAliases_IsAnErrorOnThatItem()
    {
        var draft = Parse("aliases: [PMC, [Pine, Crest]]\n");
        Only(draft, Severity.Error, 1, 15, "[Pine, Crest]");
        Assert.Equal<string>(["PMC"], draft.Meta.Aliases);
    }

    [Fact]
    public void AliasesAsAMapping_IsAnError()
    {
        var draft = Parse("aliases: {short: PMC}\n");
        Only(draft, Severity.Error, 1, 9, "{short: PMC}");
    }

    [Fact]
    public void UnknownKey_IsAWarningOnTheKey_WithADidYouMeanFix()
    {
        var draft = Parse("progam: Pinecrest\n");
        var f = Only(draft, Severity.Warning, 1, 0, "progam");
        Assert.Contains("Unknown front-matter key 'progam'", f.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'program'?", f.Message, StringComparison.Ordinal);
        Assert.Equal("---\nprogram: Pinecrest\n---\nDear Dr. Whitley,\n", TextEdit.Apply(draft.Text, f.Fixes[0].Edits));
        Assert.NotNull(draft.Meta.GetField("progam"));
    }

    [Theory]
    [InlineData("Program", "program")]
    [InlineData("send-date", "send_date")]
    [InlineData("interveiw_date", "interview_date")]
    [InlineData("matchyear", "match_year")]
    public void UnknownKeyCloseToAKnownOne_SuggestsIt(string key, string suggestion)
    {
        var draft = Parse($"{key}: x\n");
        var f = Only(draft, Severity.Warning, 1, 0, key);
        Assert.Contains($"Did you mean '{suggestion}'?", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeyFarFromEveryKnownOne_HasNoSuggestion()
    {
        var draft = Parse("favourite_colour: blue\n");
        var f = Only(draft, Severity.Warning, 1, 0, "favourite_colour");
        Assert.DoesNotContain("Did you mean", f.Message, StringComparison.Ordinal);
        Assert.Empty(f.Fixes);
    }

    [Fact]
    public void DuplicateKey_IsAWarning_AndTheLastValueWins()
    {
        var draft = Parse("type: update\ntype: thank-you\n");
        Only(draft, Severity.Warning, 2, 0, "type");
        Assert.Equal("thank-you", draft.Meta.Type);
    }

    [Fact]
    public void OutreachDisable_AcceptsAStringOrAList()
    {
        Assert.Equal<string>(["stock-phrasing"], Parse("outreach:\n  disable: stock-phrasing\n").Meta.DisabledRules);
        Assert.Equal<string>(["a", "b"], Parse("outreach:\n  disable:\n    - a\n    - b\n").Meta.DisabledRules);
    }

    [Fact]
    public void OutreachAsAList_IsAnError_AndAnUnknownSubKeyAWarning()
    {
        var list = Parse("outreach: [stock-phrasing]\n");
        Only(list, Severity.Error, 1, 10, "[stock-phrasing]");
        var unknown = Parse("outreach: {disabel: [x]}\n");
        var f = Only(unknown, Severity.Warning, 1, 11, "disabel");
        Assert.Contains("Did you mean 'disable'?", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FrontMatterThatIsAList_IsAnError()
    {
        var draft = Parse("- program\n- type\n");
        var f = Only(draft, Severity.Error, 1, 0, "- program\n- type");
        Assert.Contains("must be 'key: value' lines", f.Message, StringComparison.Ordinal);
        Assert.Same(FrontMatter.Empty, draft.Meta);
    }

    [Fact]
    public void EmptyFrontMatter_HasNoFindings_AndTheBodyFollows()
    {
        var draft = DraftParser.Parse(Id, "---\n---\nHello.");
        Assert.Empty(draft.ParseFindings);
        Assert.Equal(TextSpan.FromBounds(0, 8), draft.FrontMatterSpan);
        Assert.Equal(["Hello."], DraftKit.Texts(draft));
    }

    [Fact]
    public void FrontMatterClosedWithDots_IsRead()
    {
        var draft = DraftParser.Parse(Id, "---\ntype: update\n...\nHello.");
        Assert.Empty(draft.ParseFindings);
        Assert.Equal("update", draft.Meta.Type);
        Assert.Equal(["Hello."], DraftKit.Texts(draft));
    }

    [Fact]
    public void FenceWithTrailingSpaces_IsAFence_ButFourDashesAreNot()
    {
        var spaced = DraftParser.Parse(Id, "---  \ntype: update\n---\t\nHello.");
        Assert.Equal("update", spaced.Meta.Type);
        var dashes = DraftParser.Parse(Id, "----\ntype: update\n");
        Assert.Null(dashes.FrontMatterSpan);
        Assert.Empty(dashes.ParseFindings);
    }

    [Fact]
    public void NoFrontMatter_MeansEmptyMetadata_AndTheBodyIsEverything()
    {
        var draft = DraftParser.Parse(Id, "Dear Dr. Ruiz,\n");
        Assert.Same(FrontMatter.Empty, draft.Meta);
        Assert.Null(draft.FrontMatterSpan);
        Assert.Equal(TextSpan.FromBounds(0, 15), draft.BodySpan);
    }

    [Fact]
    public void YamlSyntaxError_IsLocated_AndMadeHuman()
    {
        var draft = Parse("program: Pinecrest\nsubject: Re: interview\n");
        var f = Assert.Single(draft.ParseFindings);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(2, DraftKit.At(draft, f.Span.Start).Line);
        Assert.Contains("must be in quotes", f.Message, StringComparison.Ordinal);
        Assert.Same(FrontMatter.Empty, draft.Meta);
        Assert.Equal(["Dear Dr. Whitley,"], DraftKit.Texts(draft)); // the body is still read
    }

    [Fact]
    public void UnclosedQuote_IsLocatedOnTheQuote()
    {
        var draft = Parse("program: Pinecrest\nsubject: \"Thank you\ntype: update\n");
        var f = Assert.Single(draft.ParseFindings);
        Assert.Equal((2, 9), DraftKit.At(draft, f.Span.Start));
        Assert.Contains("never closed", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnclosedFlowList_IsLocatedOnItsBracket()
    {
        var draft = Parse("aliases: [PMC, Pinecrest\ntype: update\n");
        var f = Assert.Single(draft.ParseFindings);
        Assert.Equal((1, 9), DraftKit.At(draft, f.Span.Start));
        Assert.Contains("never closed", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TabIndentation_IsExplained()
    {
        var draft = Parse("aliases:\n\t- PMC\n");
        var f = Assert.Single(draft.ParseFindings);
        Assert.Equal(2, DraftKit.At(draft, f.Span.Start).Line);
        Assert.Contains("tab", f.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FindingsInCrLfFrontMatter_AreLocatedExactly()
    {
        var draft = DraftParser.Parse(Id, "---\r\nprogram: Pinecrest\r\nsend_date: next week\r\nnrmp: maybe\r\n---\r\nHello.\r\n");
        Assert.Equal(2, draft.ParseFindings.Length);
        Assert.Equal((2, 11), DraftKit.At(draft, draft.ParseFindings[0].Span.Start));
        Assert.Equal("next week", draft.Source.Slice(draft.ParseFindings[0].Span));
        Assert.Equal((3, 6), DraftKit.At(draft, draft.ParseFindings[1].Span.Start));
        Assert.Equal("maybe", draft.Source.Slice(draft.ParseFindings[1].Span));
        Assert.Equal(["Hello."], DraftKit.Texts(draft));
    }

    [Fact]
    public void FindingsInLoneCrFrontMatter_AreLocatedExactly()
    {
        var draft = DraftParser.Parse(Id, "---\rprogram: Pinecrest\rstage: interview\r---\rHello.\r");
        var f = Assert.Single(draft.ParseFindings);
        Assert.Equal((2, 7), DraftKit.At(draft, f.Span.Start));
        Assert.Equal("interview", draft.Source.Slice(f.Span));
        Assert.Equal(["Hello."], DraftKit.Texts(draft));
    }

    [Fact]
    public void EmojiBeforeABadValue_TheFindingStillCoversTheValue()
    {
        var draft = Parse("to_name: \"Dr. 😀 Ruiz 🎉\"\nsubject: 🎉🎉 thanks\nsend_date: 😀 soon\n");
        var f = Assert.Single(draft.ParseFindings);
        Assert.Equal((3, 11), DraftKit.At(draft, f.Span.Start));
        Assert.Equal("😀 soon", draft.Source.Slice(f.Span));
        Assert.Equal("Dr. 😀 Ruiz 🎉", draft.Meta.ToName);
        Assert.Equal("🎉🎉 thanks", draft.Source.Slice(draft.Meta.GetField("subject")!.ValueSpan));
    }

    [Fact]
    public void BlockScalarValue_SpanStopsAtItsLastCharacter()
    {
        var draft = Parse("subject: |\n  Thank you\n  for everything\n\nprogram: X\n");
        Assert.Empty(draft.ParseFindings);
        Assert.Equal("Thank you\nfor everything\n", draft.Meta.Subject + "\n");
        Assert.Equal("|\n  Thank you\n  for everything", draft.Source.Slice(draft.Meta.GetField("subject")!.ValueSpan));
    }

    [Fact]
    public void ParseFindings_CarryTheDocumentId()
    {
        var draft = DraftParser.Parse("file:///c%3A/drafts/a.md", "---\nnrmp: maybe\n---\n");
        Assert.All(draft.ParseFindings, f => Assert.Equal("file:///c%3A/drafts/a.md", f.DocumentId));
    }
}
