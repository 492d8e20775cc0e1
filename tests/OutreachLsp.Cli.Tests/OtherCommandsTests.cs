using System.Text.Json;
using OutreachLsp.Core.Drafts;

namespace OutreachLsp.Cli.Tests;

public sealed class RulesCommandTests
{
    [Fact]
    public void Rules_text_lists_aligned_columns_with_header()
    {
        using var ws = new TempWorkspace();
        var run = CliHarness.Run(ws.Root, "rules");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID ", lines[0]);
        int severityColumn = lines[0].IndexOf("SEVERITY", StringComparison.Ordinal);
        int kindColumn = lines[0].IndexOf("KIND", StringComparison.Ordinal);
        int descriptionColumn = lines[0].IndexOf("DESCRIPTION", StringComparison.Ordinal);
        Assert.True(lines.Length > 1);
        foreach (var line in lines.Skip(1))
        {
            Assert.Matches("^(error|warning|info|off) ", line[severityColumn..]);
            Assert.NotEqual(' ', line[kindColumn]);
            Assert.Equal(' ', line[kindColumn - 1]);
            Assert.NotEqual(' ', line[descriptionColumn]);
        }
        Assert.Contains(lines, l => l.StartsWith("rank-inquiry "));
    }

    [Fact]
    public void Rules_json_is_an_array_with_overrides_applied()
    {
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", "rules:\n  desperate-tone: off\n  rank-inquiry: warning\n");
        var run = CliHarness.Run(ws.Root, "rules", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        var rules = doc.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal("off", rules["desperate-tone"].GetProperty("severity").GetString());
        Assert.Equal("warning", rules["rank-inquiry"].GetProperty("severity").GetString());
        Assert.Equal("workspace", rules["multiple-first-choice"].GetProperty("scope").GetString());
        foreach (var rule in rules.Values)
        {
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("kind").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("description").GetString()));
            Assert.StartsWith("https://", rule.GetProperty("helpUri").GetString());
        }
    }
}

public sealed class NewCommandTests
{
    [Fact]
    public void New_writes_a_draft_named_after_type_and_program_that_parses()
    {
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", "profile:\n  name: Mariana Quispe Flores\n  degree: MD\n  aamc_id: \"14872305\"\n  visa: J-1\n  step3: not-taken\nmatch_year: 2026\n");

        var run = CliHarness.Run(ws.Root, "new", "thank-you", "--program", "Pinecrest IM", "--to", "Dr. Ruth Okafor", "--to-email", "rokafor@pinecrest.example.org", "--interview-date", "2025-11-03");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("thank-you-pinecrest-im.md\n", run.Stdout);
        string text = ws.Read("thank-you-pinecrest-im.md");
        var draft = DraftParser.Parse(Path.Combine(ws.Root, "thank-you-pinecrest-im.md"), text);
        Assert.Empty(draft.ParseFindings);
        Assert.Equal("Pinecrest IM", draft.Meta.Program);
        Assert.Equal("thank-you", draft.Meta.Type);
        Assert.Equal("rokafor@pinecrest.example.org", draft.Meta.To);
        Assert.Equal("Dr. Ruth Okafor", draft.Meta.ToName);
        Assert.Equal(CliHarness.Today, draft.Meta.SendDate);
        Assert.Equal(new DateOnly(2025, 11, 3), draft.Meta.InterviewDate);
        Assert.Equal(2026, draft.Meta.MatchYear);
        Assert.Contains("Dear Dr. Okafor,", text);
        Assert.Contains("Mariana Quispe Flores, MD\nAAMC ID: 14872305", text);
    }

    [Fact]
    public void New_after_the_configured_Match_writes_a_draft_for_the_next_cycle()
    {
        // The config still names the 2026 Match; a thank-you note written in November 2026 belongs to
        // the 2027 cycle. Dating it in the 2026 cycle made it a Match Week contact (an error).
        using var ws = new TempWorkspace();
        ws.Write(".outreach.yaml", "profile:\n  name: Mariana Quispe Flores\n  degree: MD\n  aamc_id: \"14872305\"\nmatch_year: 2026\n");

        var run = CliHarness.Run(ws.Root, "new", "thank-you", "--program", "Pinecrest IM", "--date", "2026-11-26", "-o", "late.md");

        Assert.True(run.ExitCode == 0, run.ToString());
        var draft = DraftParser.Parse(Path.Combine(ws.Root, "late.md"), ws.Read("late.md"));
        Assert.Equal(2027, draft.Meta.MatchYear);
        Assert.NotEqual("match-week", draft.Meta.Stage);
        var check = CliHarness.Run(ws.Root, "check", ".");
        Assert.DoesNotContain("soap-unsolicited-contact", check.Stdout);
        Assert.DoesNotContain("post-certification-contact", check.Stdout);
    }

    [Fact]
    public void New_refuses_to_overwrite_without_force()
    {
        using var ws = new TempWorkspace();
        ws.Write("mine.md", "keep me");

        var refused = CliHarness.Run(ws.Root, "new", "update", "--program", "Pinecrest IM", "-o", "mine.md");
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("outreach: mine.md already exists (use --force to overwrite)", Assert.Single(refused.StderrLines));
        Assert.Equal("keep me", ws.Read("mine.md"));

        var forced = CliHarness.Run(ws.Root, "new", "update", "--program", "Pinecrest IM", "-o", "mine.md", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.StartsWith("---\n", ws.Read("mine.md"));
    }

    [Fact]
    public void New_with_unknown_type_exits_two_with_did_you_mean_and_the_type_list()
    {
        using var ws = new TempWorkspace();
        var run = CliHarness.Run(ws.Root, "new", "thankyou", "--program", "Pinecrest IM");

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.StderrLines);
        Assert.StartsWith("outreach: unknown draft type 'thankyou'; did you mean 'thank-you'?", line);
        Assert.Contains("interest, visa-inquiry, thank-you, update, letter-of-intent, offer-response, offer-accept, offer-decline", line);
        Assert.Empty(Directory.GetFiles(ws.Root));
    }

    [Fact]
    public void New_without_program_is_a_usage_error()
    {
        using var ws = new TempWorkspace();
        var run = CliHarness.Run(ws.Root, "new", "thank-you");
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.StderrLines);
    }

    [Fact]
    public void New_to_stdout_prints_the_draft()
    {
        using var ws = new TempWorkspace();
        var run = CliHarness.Run(ws.Root, "new", "offer-accept", "--program", "Pinecrest IM", "--nrmp", "false", "-o", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("withdraw from the NRMP Main Residency Match through R3", run.Stdout);
        Assert.Empty(Directory.GetFiles(ws.Root));
    }

    [Theory]
    [InlineData("Pinecrest IM", "pinecrest-im")]
    [InlineData("St. Brendan's Hospital — Internal Medicine", "st-brendans-hospital-internal-medicine")]
    [InlineData("Hôpital São João", "hopital-sao-joao")]
    [InlineData("***", "program")]
    public void Slug_is_lower_case_ascii_with_single_dashes(string program, string slug) =>
        Assert.Equal(slug, Commands.NewCommand.Slug(program));
}

public sealed class SnippetsCommandTests
{
    [Fact]
    public void Snippets_vscode_prints_one_snippet_per_template_with_tab_stops()
    {
        using var ws = new TempWorkspace();
        var run = CliHarness.Run(ws.Root, "snippets", "--format", "vscode");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var snippets = doc.RootElement.EnumerateObject().ToList();
        Assert.Equal(8, snippets.Count);
        Assert.Contains(snippets, s => s.Value.GetProperty("prefix").GetString() == "outreach-thank-you");
        foreach (var snippet in snippets)
        {
            Assert.StartsWith("outreach-", snippet.Value.GetProperty("prefix").GetString());
            Assert.False(string.IsNullOrEmpty(snippet.Value.GetProperty("description").GetString()));
            var body = snippet.Value.GetProperty("body").EnumerateArray().Select(l => l.GetString()!).ToList();
            Assert.Equal("---", body[0]);
            Assert.Equal("$0", body[^1]);
            Assert.Contains(body, l => l.Contains("${1:"));
            Assert.All(body, l => Assert.DoesNotContain("\n", l));
        }
    }

    [Fact]
    public void Snippets_output_is_deterministic()
    {
        using var ws = new TempWorkspace();
        Assert.Equal(CliHarness.Run(ws.Root, "snippets").Stdout, CliHarness.Run(ws.Root, "snippets", "--format", "vscode").Stdout);
    }
}

public sealed class LspAndUsageTests
{
    [Fact]
    public void Lsp_accepts_stdio_and_client_flags_and_returns_the_server_exit_code()
    {
        using var ws = new TempWorkspace();
        var output = new MemoryStream();
        var env = new CliEnvironment
        {
            CurrentDirectory = ws.Root,
            OpenInput = () => new MemoryStream(),
            OpenOutput = () => output,
        };
        var run = CliHarness.Run(env, "lsp", "--stdio", "--clientProcessId=1234", "--log-file", "server.log");
        Assert.NotEqual(2, run.ExitCode);
        Assert.NotEqual(3, run.ExitCode);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void No_arguments_prints_help()
    {
        using var ws = new TempWorkspace();
        var run = CliHarness.Run(ws.Root);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("check", run.Stdout);
        Assert.Contains("snippets", run.Stdout);
    }

    [Fact]
    public void Unknown_command_exits_two_with_one_line()
    {
        using var ws = new TempWorkspace();
        var run = CliHarness.Run(ws.Root, "frobnicate");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("outreach: ", Assert.Single(run.StderrLines));
    }

    [Fact]
    public void Version_prints_the_tool_version()
    {
        using var ws = new TempWorkspace();
        var run = CliHarness.Run(ws.Root, "--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout);
    }
}

public sealed class InternalErrorTests
{
    /// <summary>A file system that fails the way a bug would: with an unexpected exception.</summary>
    private sealed class ExplodingFileSystem : OutreachLsp.Core.IO.IFileSystem
    {
        public bool FileExists(string path) => throw new InvalidOperationException("boom");
        public bool DirectoryExists(string path) => throw new InvalidOperationException("boom");
        public byte[]? ReadAllBytes(string path, out string? error) => throw new InvalidOperationException("boom");
        public IEnumerable<string> EnumerateFiles(string directory, string searchPattern, bool recursive) => throw new InvalidOperationException("boom");
    }

    [Fact]
    public async Task Unexpected_exception_exits_three_with_one_line_and_no_stack_trace()
    {
        using var ws = new TempWorkspace();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = await Cli.RunAsync(["check", "."], stdout, stderr, new ExplodingFileSystem(), new CliEnvironment { CurrentDirectory = ws.Root });

        Assert.Equal(3, exit);
        Assert.Equal("outreach: internal error: boom" + Environment.NewLine, stderr.ToString());
        Assert.DoesNotContain(" at ", stderr.ToString());
    }
}
