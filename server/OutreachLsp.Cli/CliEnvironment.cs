namespace OutreachLsp.Cli;

/// <summary>
/// What the command line reads from the process around it, gathered in one place so tests can run
/// every command in-process with a chosen folder, date and terminal.
/// </summary>
public sealed record CliEnvironment
{
    /// <summary>The folder relative paths are resolved against and printed relative to.</summary>
    public string CurrentDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>True when stdout is a terminal (colour allowed).</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>True when stderr is a terminal (progress line allowed).</summary>
    public bool StderrIsTerminal { get; init; }

    /// <summary>True when the NO_COLOR environment variable is set to anything non-empty (https://no-color.org).</summary>
    public bool NoColor { get; init; }

    /// <summary>Today's date, the default send date of new drafts.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.Now);

    /// <summary>Streams for <c>outreach lsp</c>; the process's stdin and stdout unless a test replaces them.</summary>
    public Func<Stream> OpenInput { get; init; } = Console.OpenStandardInput;

    public Func<Stream> OpenOutput { get; init; } = Console.OpenStandardOutput;

    /// <summary>The environment of this process.</summary>
    public static CliEnvironment FromProcess() => new()
    {
        CurrentDirectory = Environment.CurrentDirectory,
        StdoutIsTerminal = !Console.IsOutputRedirected,
        StderrIsTerminal = !Console.IsErrorRedirected,
        NoColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        Today = DateOnly.FromDateTime(DateTime.Now),
    };
}
