using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Templates;

namespace OutreachLsp.Core.Tests;

public sealed class TemplatesTests
{
    private static readonly string[] ExpectedTypes =
    [
        "interest", "visa-inquiry", "thank-you", "update", "letter-of-intent",
        "offer-response", "offer-accept", "offer-decline",
    ];

    /// <summary>Labels of model values: with a full model none of them may be left as a placeholder.</summary>
    private static readonly string[] ModelLabels =
    [
        "[Program name]", "[Institution]", "[Recipient email]", "[Recipient name]", "[Recipient role]",
        "[Last name]", "[Coordinator's name]", "[Match year]", "[Interview date]", "[Interview month]",
        "[Send date]", "[Your name]", "[Degree]", "[AAMC ID]", "[Specialty]", "[Visa]", "[Step 3 status]",
    ];

    public static TheoryData<string> Types() => new(ExpectedTypes);

    internal static TemplateModel FullModel(string visa = "j-1 or h-1b", string step3 = "not-taken", bool? nrmp = false) => new()
    {
        Profile = new ApplicantProfile
        {
            Name = "Mariana Quispe Flores",
            Degree = "MD",
            AamcId = "14872305",
            Email = "mariana@example.com",
            School = "Universidad Nacional Mayor de San Marcos",
            Specialty = "Internal Medicine",
            Visa = visa,
            Step3 = step3,
            EcfmgCertified = true,
        },
        Program = "Pinecrest Medical Center Internal Medicine Residency",
        Institution = "Pinecrest Medical Center",
        To = "rokafor@pinecrest.example.org",
        ToName = "Dr. Ruth Okafor",
        ToRole = "Program Director",
        Nrmp = nrmp,
        ProgramVisa = "J-1 and H-1B",
        MatchYear = 2026,
        SendDate = new DateOnly(2026, 1, 20),
        InterviewDate = new DateOnly(2026, 1, 18),
        Calendar = MatchCalendar.Nrmp2026,
    };

    [Fact]
    public void Catalog_lists_one_template_per_seed_email_type_in_timeline_order()
    {
        var catalog = TemplateCatalog.Default;
        Assert.Equal(ExpectedTypes, catalog.Types.ToArray());
        foreach (var template in catalog.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(template.Title), template.Type);
            Assert.NotEqual(template.Type, template.Title);
            Assert.False(string.IsNullOrWhiteSpace(template.Description), template.Type);
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Full_profile_renders_a_draft_with_no_model_placeholder_left(string type)
    {
        var result = TemplateRenderer.Default.Render(type, FullModel());
        Assert.True(result.Success, string.Join("\n", result.Errors));
        string text = result.Text!;
        Assert.StartsWith("---\n", text);
        foreach (var label in ModelLabels) Assert.DoesNotContain(label, text);
        Assert.Contains("Dear Dr. Okafor,", text);
        Assert.Contains("Mariana Quispe Flores, MD\nAAMC ID: 14872305", text);
        Assert.DoesNotContain("{{", text);
        Assert.DoesNotContain("\uE000", text);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Empty_profile_renders_visible_placeholders_and_empty_fields(string type)
    {
        var result = TemplateRenderer.Default.Render(type, TemplateModel.Empty);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        string text = result.Text!;
        Assert.Contains("[Your name]", text);
        Assert.Contains("AAMC ID: [AAMC ID]", text);
        Assert.Contains("\nprogram:\n", text);
        Assert.Contains("\nnrmp: unknown\n", text);
        Assert.DoesNotContain(" \n", text); // no trailing blanks left by empty values
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Rendered_drafts_parse_without_front_matter_problems(string type)
    {
        foreach (var model in new[] { FullModel(), FullModel("j-1", "passed", nrmp: null), FullModel("h-1b", "scheduled", nrmp: true), TemplateModel.Empty })
        {
            var text = TemplateRenderer.Default.Render(type, model).Text!;
            var draft = DraftParser.Parse($"/drafts/{type}.md", text);
            Assert.Empty(draft.ParseFindings.Where(f => f.Severity >= Severity.Warning));
            Assert.NotNull(draft.FrontMatterSpan);
            Assert.Equal(TypeInFrontMatter(type), draft.Meta.Type);
            if (model.Program is not null)
            {
                Assert.Equal(model.Program, draft.Meta.Program);
                Assert.Equal(2026, draft.Meta.MatchYear);
                Assert.Equal(model.SendDate, draft.Meta.SendDate);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Snippet_has_tab_stops_for_unknown_values_and_ends_with_final_stop(string type)
    {
        var result = TemplateRenderer.Default.RenderSnippet(type, TemplateModel.Empty);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        string text = result.Text!;
        Assert.EndsWith("$0", text);
        Assert.Contains("${1:", text);
        Assert.Contains("$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE", text);
        Assert.DoesNotContain("[Your name]", text);
        // The same value is the same tab stop everywhere it appears (VS Code mirrors them).
        var name = System.Text.RegularExpressions.Regex.Match(text, @"\$\{(\d+):Your name\}");
        Assert.True(name.Success);
        Assert.All(System.Text.RegularExpressions.Regex.Matches(text, @"\$\{(\d+):Your name\}"), m => Assert.Equal(name.Groups[1].Value, m.Groups[1].Value));
    }

    [Fact]
    public void Snippet_escapes_dollar_brace_and_backslash_in_literal_text()
    {
        var result = TemplateRenderer.Default.RenderText("t", "Cost: $5 {not a stop} C:\\path {{ program }}", TemplateModel.Empty, snippet: true);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal("Cost: \\$5 {not a stop\\} C:\\\\path ${1:Program name}$0", result.Text);
    }

    [Fact]
    public void Snippet_and_plain_text_agree_once_tab_stops_take_their_defaults()
    {
        var model = FullModel() with { InterviewDate = null, ToName = null };
        foreach (var type in ExpectedTypes)
        {
            string plain = TemplateRenderer.Default.Render(type, model).Text!;
            string snippet = TemplateRenderer.Default.RenderSnippet(type, model).Text!;
            string expanded = System.Text.RegularExpressions.Regex.Replace(snippet[..^2], @"\$\{\d+:([^}]*)\}", "[$1]")
                .Replace("\\$", "$").Replace("\\}", "}").Replace("\\\\", "\\");
            Assert.Equal(plain.Replace("interview_date:\n", "interview_date: [Interview date, YYYY-MM-DD]\n").Replace("to_name:\n", "to_name: [Recipient name]\n"), expanded);
        }
    }

    [Fact]
    public void Salutation_uses_honorific_and_surname()
    {
        var model = FullModel() with { ToName = "Dr. Ana María Ruiz, MD" };
        Assert.Contains("Dear Dr. Ruiz,", TemplateRenderer.Default.Render("thank-you", model).Text);
    }

    [Fact]
    public void Offer_accept_outside_the_match_promises_r3_withdrawal_before_the_deadline()
    {
        var text = TemplateRenderer.Default.Render("offer-accept", FullModel(nrmp: false)).Text!;
        Assert.Contains("I will withdraw from the NRMP Main Residency Match through R3 before the Rank Order List Certification Deadline (February 25, 2026)", text);
        Assert.Contains("nrmp: false", text);
    }

    [Fact]
    public void Offer_accept_from_an_nrmp_program_does_not_accept()
    {
        var text = TemplateRenderer.Default.Render("offer-accept", FullModel(nrmp: true)).Text!;
        Assert.DoesNotContain("happy to accept", text);
        Assert.DoesNotContain("R3", text);
        Assert.Contains("offered through the Match", text);
    }

    [Fact]
    public void H1b_applicant_without_step3_states_step3_status()
    {
        var text = TemplateRenderer.Default.Render("visa-inquiry", FullModel("h-1b", "not-taken")).Text!;
        Assert.Contains("USMLE Step 3 is still ahead of me.", text);
        Assert.Contains("J-1 sponsorship through ECFMG", text);
    }

    [Fact]
    public void Template_text_from_any_source_renders_with_the_model()
    {
        var result = TemplateRenderer.Default.RenderText("workspace/custom.scriban", "Dear {{ salutation }}, {{ profile.name }} {{ blank \"detail\" }}", FullModel(), snippet: false);
        Assert.True(result.Success);
        Assert.Equal("Dear Dr. Okafor, Mariana Quispe Flores [detail]", result.Text);
    }

    [Theory]
    [InlineData("{{ while true }}x{{ end }}", "loop")]
    [InlineData("{{ for i in 1..100000 }}{{ i }}{{ end }}", "loop")]
    [InlineData("{{ func f(x); ret f(x + 1); end }}{{ f 1 }}", "recursive")]
    [InlineData("{{ \"x\" | string.pad_left 100000000 }}", "LimitToString")]
    [InlineData("{{ s = \"xxxxxxxx\"; for i in 1..40; s = s + s; end; s }}", "LimitToString")]
    [InlineData("{{ \"\".GetType() }}", "GetType")]
    [InlineData("{{ program.GetType }}", "GetType")]
    [InlineData("{{ profile.name.Length }}", "Length")]
    [InlineData("{{ include 'secret.txt' }}", "include")]
    [InlineData("{{ no_such_value }}", "no_such_value")]
    public void Hostile_template_is_stopped_with_a_located_error(string template, string expected)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = TemplateRenderer.Default.RenderText("hostile.scriban", "line one\n" + template, FullModel(), snippet: false);
        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal("hostile.scriban", error.Template);
        Assert.Equal(2, error.Line);
        Assert.True(error.Column >= 1);
        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    [Fact]
    public void Template_with_a_syntax_error_reports_name_line_and_column()
    {
        var result = TemplateRenderer.Default.RenderText("broken.scriban", "Dear x,\n\n{{ if }}\n", FullModel(), snippet: false);
        Assert.False(result.Success);
        Assert.All(result.Errors, e => Assert.Equal("broken.scriban", e.Template));
        Assert.Equal(3, result.Errors[0].Line);
        Assert.Contains("broken.scriban(3,", result.Errors[0].ToString());
    }

    [Fact]
    public void Huge_output_is_stopped_rather_than_returned()
    {
        var limits = TemplateLimits.Default with { OutputLimit = 1000 };
        var renderer = new TemplateRenderer(TemplateCatalog.Default, limits);
        var result = renderer.RenderText("big", "{{ for i in 1..900 }}xxxxxxxxxx{{ end }}", TemplateModel.Empty, snippet: false);
        Assert.False(result.Success);
    }

    [Fact]
    public void Deeply_nested_template_is_refused_by_the_parser_not_by_a_stack_overflow()
    {
        string template = "{{ " + new string('(', 20_000) + "1" + new string(')', 20_000) + " }}";
        var result = TemplateRenderer.Default.RenderText("deep", template, TemplateModel.Empty, snippet: false);
        Assert.False(result.Success);
        Assert.Contains("depth", result.Errors[0].Message);
    }

    [Fact]
    public void Slow_template_is_stopped_by_the_time_limit()
    {
        var renderer = new TemplateRenderer(TemplateCatalog.Default, TemplateLimits.Default with { Timeout = TimeSpan.FromMilliseconds(20) });
        var started = System.Diagnostics.Stopwatch.StartNew();
        // Within the loop and string limits, but slow: each of 999 steps builds a 60,000-character
        // string and rewrites it into 240,000 characters eight times (about a second without a limit,
        // measured on the 2-core CI machine), far beyond the 20 ms limit.
        var result = renderer.RenderText("slow", "{{ for i in 1..999 }}{{ s = \"x\" | string.pad_left 60000 | string.replace \"x\" \"yy\" | string.replace \"y\" \"zz\" | string.replace \"z\" \"ab\" | string.upcase | string.downcase | string.upcase | string.downcase | string.upcase | string.size }}{{ end }}", TemplateModel.Empty, snippet: false);
        Assert.False(result.Success);
        Assert.Contains("20 ms", result.Errors[0].Message);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    [Fact]
    public void Oversized_template_text_is_refused()
    {
        var result = TemplateRenderer.Default.RenderText("big", new string('x', 300 * 1024), TemplateModel.Empty, snippet: false);
        Assert.False(result.Success);
        Assert.Contains("limit", result.Errors[0].Message);
    }

    [Fact]
    public void Unknown_type_is_an_error_listing_the_types()
    {
        var result = TemplateRenderer.Default.Render("thankyou", TemplateModel.Empty);
        Assert.False(result.Success);
        Assert.Contains("thank-you", result.Errors[0].Message);
    }

    [Fact]
    public void Model_values_cannot_inject_sentinels_or_template_code()
    {
        var model = FullModel() with { Program = "Evil \uE000bX\uE001 {{ 1 + 1 }}" };
        var text = TemplateRenderer.Default.Render("thank-you", model).Text!;
        Assert.Contains("Evil bX {{ 1 + 1 }}", text);
        Assert.DoesNotContain("[X]", text);
    }

    [Fact]
    public void Workspace_templates_override_shipped_ones_by_type()
    {
        var custom = TemplateCatalog.Describe("thank-you", "{{-\n# title: Mine\n-}}\nHello {{ profile.name }}", "ws/thank-you.scriban");
        var renderer = new TemplateRenderer(TemplateCatalog.Default.With([custom]));
        Assert.Equal("Mine", renderer.Catalog.Get("thank-you")!.Title);
        Assert.Equal("Hello Mariana Quispe Flores", renderer.Render("thank-you", FullModel()).Text);
        Assert.Equal(ExpectedTypes.Length, renderer.Catalog.All.Length);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Filled_template_breaks_no_rule_but_leaves_its_deliberate_placeholders_flagged(string type)
    {
        bool offer = type.StartsWith("offer-", StringComparison.Ordinal);
        // Profile values are canonical lower case, as the config loader stores them.
        foreach (var (visa, step3) in new[] { ("j-1 or h-1b", "not-taken"), ("j-1", "not-taken"), ("h-1b", "scheduled"), ("h-1b", "passed"), ("none", "passed") })
        {
            foreach (string? programVisa in new[] { "J-1 and H-1B", null })
            {
                var model = FullModel(visa, step3, nrmp: !offer) with { ProgramVisa = programVisa };
                var config = WorkspaceConfig.Default with { Profile = model.Profile, DefaultMatchYear = 2026 };
                var draft = DraftParser.Parse($"/drafts/{type}.md", TemplateRenderer.Default.Render(type, model).Text!);
                var findings = Engine.Create(config, IO.PhysicalFileSystem.Instance)
                    .Analyze(WorkspaceSnapshot.Create([draft], config))
                    .For(draft.DocumentId);
                // With the program's visa policy unknown, a preference signal rightly earns the info
                // reminder to confirm it (the applicant fills in program_visa).
                var unexpected = findings.Where(f => f.RuleId != "unfilled-placeholder"
                    && !(programVisa is null && f.RuleId == "intent-without-visa-confirmation" && f.Severity == Severity.Info)).ToList();
                Assert.True(unexpected.Count == 0,
                    $"{type} ({visa}, {step3}, program_visa {programVisa ?? "unknown"}):\n" + string.Join("\n", unexpected.Select(f => $"{f.RuleId}: {draft.Text.Substring(f.Span.Start, f.Span.Length)}")));
                // Every placeholder left is one of the template's deliberate [blanks], none a model value.
                foreach (var f in findings)
                    Assert.DoesNotContain(draft.Text.Substring(f.Span.Start, f.Span.Length), ModelLabels);
            }
        }
    }

    private static string TypeInFrontMatter(string templateType) =>
        templateType is "offer-accept" or "offer-decline" ? "offer-response" : templateType;
}
