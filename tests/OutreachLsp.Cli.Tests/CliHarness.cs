using System.Runtime.CompilerServices;
using System.Text;
using OutreachLsp.Cli;

namespace OutreachLsp.Cli.Tests;

/// <summary>The outcome of one in-process run of the command line.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs <see cref="Cli"/> in-process with captured writers, a chosen folder and a fixed date.</summary>
public static class CliHarness
{
    public static readonly DateOnly Today = new(2025, 11, 5);

    public static CliRun Run(string currentDirectory, params string[] args) => Run(new CliEnvironment
    {
        CurrentDirectory = currentDirectory,
        Today = Today,
        StdoutIsTerminal = false,
        StderrIsTerminal = false,
    }, args);

    public static CliRun Run(CliEnvironment environment, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = Cli.RunAsync(args, stdout, stderr, fileSystem: null, environment).GetAwaiter().GetResult();
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The repository root, found from this source file (builds may put binaries anywhere).</summary>
    public static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        var dir = Path.GetDirectoryName(sourceFile);
        while (dir is not null && !File.Exists(Path.Combine(dir, "OutreachLsp.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("OutreachLsp.sln not found above " + sourceFile);
    }
}

/// <summary>A temporary folder of files, deleted on dispose.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "outreach-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
