using System.Text.Json;

namespace OutreachLsp.Cli.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public void Clean_folder_exits_zero_with_summary()
    {
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", Drafts.Config);
        ws.Write("a-thank-you.md", Drafts.Clean);

        var run = CliHarness.Run(ws.Root, "check", ".");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("0 errors, 0 warnings, 0 info in 1 draft (1 clean)\n", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Error_finding_exits_one_and_prints_compiler_style_line()
    {
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", Drafts.Config);
        ws.Write("drafts/sierra-vista.md", Drafts.Placeholder);

        var run = CliHarness.Run(ws.Root, "check", "drafts", "--config", ".outreach.yaml");

        Assert.True(run.ExitCode == 1, run.ToString());
        // "Thank you 🙏 for showing me [": 27 characters but 28 UTF-16 code units (the emoji is a
        // surrogate pair), so the placeholder starts in column 29.
        Assert.Contains("drafts/sierra-vista.md:16:29: error unfilled-placeholder: ", run.Stdout);
        Assert.EndsWith("in 1 draft (0 clean)\n", run.Stdout);
    }

    [Fact]
    public void Text_output_matches_golden_file()
    {
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", Drafts.Config);
        ws.Write("01-clean.md", Drafts.Clean);
        ws.Write("02-placeholder.md", Drafts.Placeholder);
        ws.Write("03-lakeshore-loi.md", Drafts.FirstChoice("Lakeshore Internal Medicine Residency", "Lakeshore", "2026-02-02"));
        ws.Write("04-harbor-loi.md", Drafts.FirstChoice("Harbor Valley Internal Medicine Residency", "Harbor", "2026-02-03"));

        var run = CliHarness.Run(ws.Root, "check", ".");

        Golden.AssertMatches("check-text.txt", run.Stdout);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void Cross_draft_conflict_names_the_other_draft()
    {
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", Drafts.Config);
        ws.Write("lakeshore.md", Drafts.FirstChoice("Lakeshore Internal Medicine Residency", "Lakeshore", "2026-02-02"));
        ws.Write("harbor.md", Drafts.FirstChoice("Harbor Valley Internal Medicine Residency", "Harbor", "2026-02-03"));

        var run = CliHarness.Run(ws.Root, "check", ".");

        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        int claim = Array.FindIndex(lines, l => l.StartsWith("harbor.md:") && l.Contains("error multiple-first-choice"));
        Assert.True(claim >= 0, run.Stdout);
        Assert.StartsWith("  lakeshore.md:", lines[claim + 1]);
        Assert.Contains(" note: ", lines[claim + 1]);
    }

    [Fact]
    public void Json_output_has_documented_shape()
    {
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", Drafts.Config);
        ws.Write("a.md", Drafts.Clean);
        ws.Write("b.md", Drafts.Placeholder);

        var run = CliHarness.Run(ws.Root, "check", ".", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["a.md", "b.md"], files.Select(f => f.GetProperty("path").GetString()));
        Assert.Empty(files[0].GetProperty("findings").EnumerateArray());
        var finding = files[1].GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "unfilled-placeholder");
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetString()));
        var start = finding.GetProperty("range").GetProperty("start");
        Assert.Equal(15, start.GetProperty("line").GetInt32());      // 0-based
        Assert.Equal(28, start.GetProperty("character").GetInt32()); // 0-based, UTF-16
        string text = ws.Read("b.md");
        int offset = finding.GetProperty("offset").GetInt32();
        int length = finding.GetProperty("length").GetInt32();
        Assert.Equal("[Program Name]", text.Substring(offset, length));
        Assert.EndsWith("#unfilled-placeholder", finding.GetProperty("helpUri").GetString());
        Assert.Equal(JsonValueKind.Array, finding.GetProperty("fixes").ValueKind);
        Assert.Equal(JsonValueKind.Array, finding.GetProperty("related").ValueKind);
        foreach (var fix in finding.GetProperty("fixes").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(fix.GetProperty("title").GetString()));
            Assert.True(fix.GetProperty("isPreferred").ValueKind is JsonValueKind.True or JsonValueKind.False);
            foreach (var edit in fix.GetProperty("edits").EnumerateArray())
            {
                Assert.True(edit.GetProperty("range").GetProperty("end").GetProperty("line").GetInt32() >= 0);
                Assert.Equal(JsonValueKind.String, edit.GetProperty("newText").ValueKind);
            }
        }
        var summary = root.GetProperty("summary");
        Assert.True(summary.GetProperty("errors").GetInt32() >= 1);
        Assert.Equal(2, summary.GetProperty("files").GetInt32());
        Assert.True(summary.TryGetProperty("warnings", out _));
        Assert.True(summary.TryGetProperty("infos", out _));
    }

    [Fact]
    public void Sarif_output_is_structurally_valid_with_utf16_one_based_regions()
    {
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", Drafts.Config);
        ws.Write("notes/b file.md", Drafts.Placeholder);
        ws.Write("lakeshore.md", Drafts.FirstChoice("Lakeshore Internal Medicine Residency", "Lakeshore", "2026-02-02"));
        ws.Write("harbor.md", Drafts.FirstChoice("Harbor Valley Internal Medicine Residency", "Harbor", "2026-02-03"));

        var run = CliHarness.Run(ws.Root, "check", ".", "--format", "sarif");

        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif", root.GetProperty("$schema").GetString());
        var sarifRun = Assert.Single(root.GetProperty("runs").EnumerateArray());
        Assert.Equal("utf16CodeUnits", sarifRun.GetProperty("columnKind").GetString());
        var driver = sarifRun.GetProperty("tool").GetProperty("driver");
        Assert.Equal("outreach", driver.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("version").GetString()));
        Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.True(rules.Count >= 1);
        Assert.Equal(rules.Count, rules.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        foreach (var rule in rules)
        {
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.True(rule.TryGetProperty("fullDescription", out _));
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note", "none" });
        }

        string srcRoot = sarifRun.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString()!;
        Assert.StartsWith("file:///", srcRoot);
        Assert.EndsWith("/", srcRoot);
        Assert.Equal(new Uri(ws.Root + "/").AbsoluteUri, srcRoot);

        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            string ruleId = result.GetProperty("ruleId").GetString()!;
            int index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(ruleId, rules[index].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.False(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!.StartsWith('/'));
            AssertRegion(location.GetProperty("region"));
            if (result.TryGetProperty("fixes", out var fixes))
            {
                foreach (var fix in fixes.EnumerateArray())
                {
                    Assert.False(string.IsNullOrEmpty(fix.GetProperty("description").GetProperty("text").GetString()));
                    foreach (var change in fix.GetProperty("artifactChanges").EnumerateArray())
                    {
                        Assert.True(change.GetProperty("artifactLocation").TryGetProperty("uri", out _));
                        foreach (var replacement in change.GetProperty("replacements").EnumerateArray())
                        {
                            AssertRegion(replacement.GetProperty("deletedRegion"));
                            Assert.Equal(JsonValueKind.String, replacement.GetProperty("insertedContent").GetProperty("text").ValueKind);
                        }
                    }
                }
            }
        }

        // The placeholder sits after an emoji: 28 UTF-16 code units (27 characters) precede it on line 16.
        var placeholder = results.Single(r => r.GetProperty("ruleId").GetString() == "unfilled-placeholder");
        var ploc = placeholder.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("notes/b%20file.md", ploc.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var region = ploc.GetProperty("region");
        Assert.Equal(16, region.GetProperty("startLine").GetInt32());
        Assert.Equal(29, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(16, region.GetProperty("endLine").GetInt32());
        Assert.Equal(29 + "[Program Name]".Length, region.GetProperty("endColumn").GetInt32());

        // A cross-draft finding points at the other draft.
        var conflict = results.First(r => r.GetProperty("ruleId").GetString() == "multiple-first-choice");
        var related = Assert.Single(conflict.GetProperty("relatedLocations").EnumerateArray());
        Assert.True(related.GetProperty("id").GetInt32() >= 1);
        AssertRegion(related.GetProperty("physicalLocation").GetProperty("region"));
        Assert.False(string.IsNullOrEmpty(related.GetProperty("message").GetProperty("text").GetString()));
    }

    private static void AssertRegion(JsonElement region)
    {
        int startLine = region.GetProperty("startLine").GetInt32();
        int startColumn = region.GetProperty("startColumn").GetInt32();
        int endLine = region.GetProperty("endLine").GetInt32();
        int endColumn = region.GetProperty("endColumn").GetInt32();
        Assert.True(startLine >= 1 && startColumn >= 1 && endLine >= startLine && endColumn >= 1);
        if (endLine == startLine) Assert.True(endColumn >= startColumn);
    }

    [Fact]
    public void Nonexistent_path_exits_two_with_one_stderr_line()
    {
        using var ws = new TempWorkspace();
        var run = CliHarness.Run(ws.Root, "check", "no-such-folder");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("outreach: path not found: no-such-folder", Assert.Single(run.StderrLines));
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Missing_config_file_exits_two_with_one_stderr_line()
    {
        using var ws = new TempWorkspace();
        ws.Write("a.md", Drafts.Clean);
        var run = CliHarness.Run(ws.Root, "check", ".", "--config", "nope.yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("outreach: config file not found: nope.yaml", Assert.Single(run.StderrLines));
    }

    [Fact]
    public void Broken_config_exits_two_and_reports_the_located_problem()
    {
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", "profile:\n  name: [unclosed\n");
        ws.Write("a.md", Drafts.Clean);

        var run = CliHarness.Run(ws.Root, "check", ".");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Matches(@"(?m)^\.outreach\.yaml:\d+:\d+: error config: ", run.Stdout);
        Assert.Equal("outreach: configuration error in .outreach.yaml (see the findings above)", Assert.Single(run.StderrLines));
    }

    [Fact]
    public void Broken_rule_in_a_workspace_pack_exits_two_and_is_located_in_its_file()
    {
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", Drafts.Config + "packs:\n  - my-rules\n");
        ws.Write("my-rules/no-such-kind.yaml", "id: my-rule\nkind: no-such-kind\nseverity: error\n");
        ws.Write("a.md", Drafts.Clean);

        var run = CliHarness.Run(ws.Root, "check", ".");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Matches(@"(?m)^my-rules/no-such-kind\.yaml:\d+:\d+: error rule-pack: ", run.Stdout);
        Assert.Equal("outreach: configuration error in my-rules/no-such-kind.yaml (see the findings above)", Assert.Single(run.StderrLines));
    }

    [Fact]
    public void Unknown_format_is_a_usage_error()
    {
        using var ws = new TempWorkspace();
        var run = CliHarness.Run(ws.Root, "check", ".", "--format", "xml");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("outreach: ", Assert.Single(run.StderrLines));
    }

    [Fact]
    public void Unknown_option_and_missing_path_are_usage_errors()
    {
        using var ws = new TempWorkspace();
        Assert.Equal(2, CliHarness.Run(ws.Root, "check", ".", "--frobnicate").ExitCode);
        var run = CliHarness.Run(ws.Root, "check");
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.StderrLines);
    }

    [Fact]
    public void Quiet_prints_errors_only_without_summary()
    {
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", Drafts.Config);
        ws.Write("a.md", Drafts.Clean);
        ws.Write("b.md", Drafts.Placeholder);

        var run = CliHarness.Run(ws.Root, "check", ".", "--quiet");

        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines.Where(l => !l.StartsWith("  ")), l => Assert.Contains(": error ", l));
        Assert.DoesNotContain(" drafts (", run.Stdout);
        Assert.DoesNotContain(" draft (", run.Stdout);
    }

    [Fact]
    public void Colour_only_on_a_terminal_and_never_with_no_color()
    {
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", Drafts.Config);
        ws.Write("b.md", Drafts.Placeholder);
        var terminal = new CliEnvironment { CurrentDirectory = ws.Root, StdoutIsTerminal = true, Today = CliHarness.Today };

        Assert.Contains("\u001b[1;31merror\u001b[0m", CliHarness.Run(terminal, "check", ".").Stdout, StringComparison.Ordinal);
        Assert.False(CliHarness.Run(terminal, "check", ".", "--no-color").Stdout.Contains('\u001b'));
        Assert.False(CliHarness.Run(terminal with { NoColor = true }, "check", ".").Stdout.Contains('\u001b'));
        Assert.False(CliHarness.Run(ws.Root, "check", ".").Stdout.Contains('\u001b'));
    }

    [Fact]
    public void Progress_line_on_a_terminal_stderr_is_erased_at_the_end()
    {
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", Drafts.Config);
        for (int i = 0; i < 60; i++) ws.Write($"d{i:00}.md", Drafts.Clean.Replace("Pinecrest", $"Program{i}"));
        var terminal = new CliEnvironment { CurrentDirectory = ws.Root, StderrIsTerminal = true, Today = CliHarness.Today };

        var run = CliHarness.Run(terminal, "check", ".");

        Assert.Contains("\rChecking ", run.Stderr);
        Assert.Contains("/60...", run.Stderr);
        Assert.EndsWith("\r\u001b[K", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(" in 60 drafts (", run.Stdout);
        Assert.DoesNotContain("Checking", CliHarness.Run(ws.Root, "check", ".").Stderr);
    }

    [Fact]
    public void Explicit_files_and_several_folders_form_one_workspace()
    {
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", Drafts.Config);
        ws.Write("a/lakeshore.md", Drafts.FirstChoice("Lakeshore Internal Medicine Residency", "Lakeshore", "2026-02-02"));
        ws.Write("b/harbor.md", Drafts.FirstChoice("Harbor Valley Internal Medicine Residency", "Harbor", "2026-02-03"));

        var run = CliHarness.Run(ws.Root, "check", "a", "b/harbor.md", "--config", ".outreach.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("a/lakeshore.md:", run.Stdout);
        Assert.Contains("b/harbor.md:", run.Stdout);
        Assert.Contains("multiple-first-choice", run.Stdout);
    }

    [Fact]
    public void Paths_outside_the_current_folder_print_absolute()
    {
        using var ws = new TempWorkspace();
        using var elsewhere = new TempWorkspace();
        ws.Write(".outreach.yaml", Drafts.Config);
        string draft = ws.Write("b.md", Drafts.Placeholder);

        var run = CliHarness.Run(elsewhere.Root, "check", ws.Root);

        Assert.Contains(draft + ":16:29: error unfilled-placeholder", run.Stdout);
    }
}
