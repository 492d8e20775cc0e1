using System.CommandLine;
using OutreachLsp.Cli.Commands;
using OutreachLsp.Core.IO;

namespace OutreachLsp.Cli;

/// <summary>Exit codes of every command (docs/CLI.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary><c>check</c> found at least one error-level finding.</summary>
    public const int Findings = 1;
    /// <summary>Bad usage, a path that does not exist, or a configuration error.</summary>
    public const int UsageOrConfig = 2;
    /// <summary>A bug in outreach itself.</summary>
    public const int InternalError = 3;
    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}

/// <summary>
/// A problem the user can fix (bad argument, missing path, broken config): reported as one line on
/// stderr with exit code 2, never as a stack trace.
/// </summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The <c>outreach</c> command line, runnable in-process for tests.</summary>
public static class Cli
{
    /// <summary>Runs one command with captured output. <paramref name="fileSystem"/> defaults to the disk.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IFileSystem? fileSystem = null) =>
        RunAsync(args, stdout, stderr, fileSystem, new CliEnvironment());

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IFileSystem? fileSystem, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(stdout, stderr, fileSystem ?? PhysicalFileSystem.Instance, environment);
        try
        {
            var root = BuildCommand(context);
            var parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                stderr.WriteLine($"outreach: {OneLine(parseResult.Errors[0].Message)} (see 'outreach --help')");
                return ExitCodes.UsageOrConfig;
            }
            var invocation = new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                // Our own handler below prints one line instead of a stack trace.
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"outreach: {ex.Message}");
            return ExitCodes.UsageOrConfig;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine("outreach: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            stderr.WriteLine($"outreach: internal error: {ex.Message}");
            return ExitCodes.InternalError;
        }
        finally
        {
            await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await stderr.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Parser messages may span lines ("Must be one of:\n\t'text'..."); stderr gets exactly one.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    internal static RootCommand BuildCommand(CliContext context)
    {
        var root = new RootCommand("outreach: lints the emails residency applicants send to programs before the NRMP Match.");
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(RulesCommand.Create(context));
        root.Subcommands.Add(NewCommand.Create(context));
        root.Subcommands.Add(SnippetsCommand.Create(context));
        root.Subcommands.Add(LspCommand.Create(context));
        // --version prints "0.1.0", not the informational version with the commit hash appended.
        foreach (var option in root.Options)
            if (option is VersionOption version) version.Action = new PrintVersionAction();
        // "outreach" alone shows the help rather than an error.
        root.SetAction(parseResult => root.Parse(["--help"]).Invoke(parseResult.InvocationConfiguration));
        return root;
    }
}

internal sealed class PrintVersionAction : System.CommandLine.Invocation.SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(ToolInfo.Version);
        return ExitCodes.Success;
    }
}

/// <summary>Everything a command needs from the outside: writers, file system and environment.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, IFileSystem FileSystem, CliEnvironment Environment)
{
    /// <summary>An absolute path for a path the user typed (relative to the current directory).</summary>
    public string Resolve(string path) => Path.GetFullPath(path, Environment.CurrentDirectory);

    /// <summary>The path to print: relative to the current directory when inside it, else absolute; '/' separators.</summary>
    public string Display(string absolutePath)
    {
        if (!Path.IsPathRooted(absolutePath)) return absolutePath;
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, absolutePath);
        bool outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative);
        string shown = outside ? absolutePath : relative;
        return Path.DirectorySeparatorChar == '/' ? shown : shown.Replace(Path.DirectorySeparatorChar, '/');
    }
}
