using System.Text;
using OutreachLsp.Cli.Output;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Cli.Commands;

/// <summary>Finds the workspace config the way every command does: --config, else .outreach.yaml in a folder.</summary>
internal static class ConfigResolver
{
    public const string FileName = ".outreach.yaml";

    /// <summary>
    /// Loads <paramref name="configOption"/> when given (it must exist and be readable: exit 2 otherwise),
    /// else <c>.outreach.yaml</c> in <paramref name="folder"/> (defaults when there is none).
    /// Problems inside the file are returned in <see cref="WorkspaceConfig.Problems"/>, not thrown.
    /// </summary>
    public static WorkspaceConfig Load(CliContext context, string? configOption, string folder)
    {
        if (configOption is null) return ConfigLoader.LoadFromDirectory(context.FileSystem, folder);

        string path = context.Resolve(configOption);
        if (context.FileSystem.DirectoryExists(path))
            throw new UsageException($"--config expects a file, but '{configOption}' is a folder");
        if (!context.FileSystem.FileExists(path))
            throw new UsageException($"config file not found: {configOption}");
        var bytes = context.FileSystem.ReadAllBytes(path, out var error)
            ?? throw new UsageException($"cannot read config file {configOption}: {error}");
        return ConfigLoader.Load(path, Decode(bytes));
    }

    /// <summary>UTF-8 with or without a byte-order mark; invalid bytes become U+FFFD (the loader reports them).</summary>
    public static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        return Encoding.UTF8.GetString(span);
    }

    /// <summary>
    /// For commands that do not lint (rules, new): config and rule-pack problems as warnings on
    /// stderr, one line each, located like check's text output. They do not change the exit code.
    /// </summary>
    public static void ReportProblems(CliContext context, IEnumerable<Finding> problems)
    {
        var texts = new Dictionary<string, SourceText?>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            if (!texts.TryGetValue(problem.DocumentId, out var text))
            {
                text = Path.IsPathRooted(problem.DocumentId) && context.FileSystem.ReadAllBytes(problem.DocumentId, out _) is { } bytes
                    ? new SourceText(Decode(bytes))
                    : null;
                texts[problem.DocumentId] = text;
            }
            string where = Path.IsPathRooted(problem.DocumentId) ? context.Display(problem.DocumentId) : problem.DocumentId;
            if (text is not null)
            {
                var start = CheckReport.GetRange(text, problem.Span).Start;
                where += $":{start.Line + 1}:{start.Character + 1}";
            }
            string message = problem.Message.Replace('\n', ' ').Replace('\r', ' ');
            context.Error.WriteLine($"outreach: {where}: {CheckReport.SeverityWord(problem.Severity)} {problem.RuleId}: {message}");
        }
    }
}
