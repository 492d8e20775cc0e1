using System.Diagnostics;

namespace OutreachLsp.Cli.Tests;

/// <summary>Runs the real built <c>outreach</c> executable, as a user or CI would.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Built_outreach_on_examples_exits_one_and_reports_the_first_choice_conflict()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "outreach.dll");
        Assert.True(File.Exists(dll), $"{dll} not found next to the tests");
        string repo = CliHarness.RepositoryRoot();

        var start = new ProcessStartInfo(DotnetHost(), [dll, "check", "examples"])
        {
            WorkingDirectory = repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        string stdout = await stdoutTask, stderr = await stderrTask;

        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}\n{stdout}\n{stderr}");
        Assert.Equal("", stderr);
        Assert.Matches(@"(?m)^examples/05-pinecrest-letter-of-intent\.md:\d+:\d+: error multiple-first-choice: ", stdout);
        Assert.Matches(@"(?m)^examples/06-bellwood-update\.md:\d+:\d+: error multiple-first-choice: ", stdout);
        Assert.Matches(@"(?m)^  examples/06-bellwood-update\.md:\d+:\d+: note: ", stdout);
        Assert.Matches(@"in 8 drafts \(\d+ clean\)\n$", stdout);
        Assert.False(stdout.Contains('\u001b'), "colour codes in piped output");
    }

    /// <summary>The dotnet host running these tests, so the child uses the same runtime.</summary>
    private static string DotnetHost()
    {
        string? root = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(root) && File.Exists(root)) return root;
        string main = Process.GetCurrentProcess().MainModule?.FileName ?? "dotnet";
        return Path.GetFileNameWithoutExtension(main) == "dotnet" ? main : "dotnet";
    }
}
