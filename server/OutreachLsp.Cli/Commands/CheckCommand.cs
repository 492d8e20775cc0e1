using System.Collections.Immutable;
using System.CommandLine;
using OutreachLsp.Cli.Output;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Text;
using OutreachLsp.Core.Workspace;

namespace OutreachLsp.Cli.Commands;

/// <summary><c>outreach check PATH... [--format text|json|sarif] [--config FILE] [--no-color] [--quiet]</c>.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Draft files and folders to check (folders recursively, *.md).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var config = new Option<string?>("--config", "-c") { Description = "The workspace config to use instead of .outreach.yaml in the first folder." };
        var noColor = new Option<bool>("--no-color") { Description = "Plain text even on a terminal (NO_COLOR is honoured too)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Text format: print error-level findings only, without the summary or progress." };

        var command = new Command("check", "Lint drafts with every rule, including the cross-draft ones.") { paths, format, config, noColor, quiet };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new CheckOptions(
                parseResult.GetValue(paths) ?? [],
                parseResult.GetValue(format) ?? "text",
                parseResult.GetValue(config),
                parseResult.GetValue(noColor),
                parseResult.GetValue(quiet));
            return Task.FromResult(Run(context, options, cancellationToken));
        });
        return command;
    }

    internal sealed record CheckOptions(string[] Paths, string Format, string? Config, bool NoColor, bool Quiet);

    internal static int Run(CliContext context, CheckOptions options, CancellationToken cancellationToken)
    {
        var fs = context.FileSystem;
        var folders = new List<string>();
        var files = new List<string>();
        foreach (var given in options.Paths)
        {
            string path = context.Resolve(given);
            if (fs.DirectoryExists(path)) folders.Add(path);
            else if (fs.FileExists(path)) files.Add(path);
            else throw new UsageException($"path not found: {given}");
        }
        // The workspace is the first folder given; with files only, the folder of the first file.
        string root = folders.Count > 0 ? folders[0] : Path.GetDirectoryName(files[0]) ?? context.Environment.CurrentDirectory;
        var config = ConfigResolver.Load(context, options.Config, root);

        // Loading the rule packs does not depend on the drafts: do it while the drafts are read.
        var engineTask = Task.Run(() => Engine.Create(config, fs), cancellationToken);
        using var progress = new ProgressLine(context.Error, context.Environment.StderrIsTerminal && !options.Quiet);
        var (snapshot, loadProblems) = LoadDrafts(context, root, folders, files, config, progress, cancellationToken);
        progress.Status($"Checking {snapshot.Drafts.Count} drafts against the rules...");
        var engine = engineTask.GetAwaiter().GetResult();
        var result = engine.Analyze(snapshot, cancellationToken);
        progress.Dispose();

        var report = BuildReport(context, root, config, engine, snapshot, result, loadProblems);
        switch (options.Format)
        {
            case "json": JsonFormatter.Write(report, context.Out); break;
            case "sarif": SarifFormatter.Write(report, context.Out); break;
            default:
                bool color = context.Environment.StdoutIsTerminal && !context.Environment.NoColor && !options.NoColor;
                TextFormatter.Write(report, context.Out, color, errorsOnly: options.Quiet);
                break;
        }

        if (report.FirstConfigError is { } broken)
        {
            context.Error.WriteLine($"outreach: configuration error in {broken.DisplayPath} (see the findings above)");
            return ExitCodes.UsageOrConfig;
        }
        return report.Errors > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>
    /// One snapshot for everything named on the command line, so the cross-draft rules compare all of
    /// it. Folders are walked with the config's ignore globs (relative to the workspace root); files
    /// named explicitly are read whatever their extension. Files are read and parsed in parallel.
    /// </summary>
    private static (WorkspaceSnapshot Snapshot, ImmutableArray<Finding> Problems) LoadDrafts(
        CliContext context, string root, List<string> folders, List<string> files, WorkspaceConfig config,
        IProgress<(int Done, int Total)> progress, CancellationToken cancellationToken)
    {
        if (folders.Count == 1 && files.Count == 0)
            return WorkspaceLoader.Load(context.FileSystem, folders[0], config, cancellationToken, progress);
        return WorkspaceLoader.LoadFiles(context.FileSystem, [.. folders, .. files], config, root, cancellationToken, progress);
    }

    private static CheckReport BuildReport(CliContext context, string root, WorkspaceConfig config, Engine engine,
        WorkspaceSnapshot snapshot, AnalysisResult result, ImmutableArray<Finding> loadProblems)
    {
        var documents = new List<ReportDocument>();
        var byId = new Dictionary<string, ReportDocument>(StringComparer.Ordinal);

        ReportDocument GetOther(string id)
        {
            if (byId.TryGetValue(id, out var existing)) return existing;
            bool onDisk = Path.IsPathRooted(id) && context.FileSystem.FileExists(id);
            SourceText? text = null;
            if (onDisk && context.FileSystem.ReadAllBytes(id, out _) is { } bytes)
                text = new SourceText(ConfigResolver.Decode(bytes));
            var document = new ReportDocument
            {
                Id = id,
                DisplayPath = Path.IsPathRooted(id) ? context.Display(id) : id,
                AbsolutePath = Path.IsPathRooted(id) ? id : null,
                Text = text,
                IsDraft = false,
            };
            byId[id] = document;
            documents.Add(document);
            return document;
        }

        foreach (var problem in config.Problems) GetOther(problem.DocumentId).Findings.Add(problem);
        foreach (var problem in engine.PackProblems) GetOther(problem.DocumentId).Findings.Add(problem);

        var drafts = new List<ReportDocument>();
        foreach (var (id, draft) in snapshot.Drafts)
        {
            var document = new ReportDocument
            {
                Id = id,
                DisplayPath = context.Display(id),
                AbsolutePath = id,
                Text = draft.Source,
                IsDraft = true,
            };
            document.Findings.AddRange(result.For(id));
            byId[id] = document;
            drafts.Add(document);
        }
        // Files the loader could not turn into drafts (unreadable, binary...) still count as checked.
        foreach (var problem in loadProblems)
        {
            if (byId.TryGetValue(problem.DocumentId, out var existing))
            {
                if (!existing.Findings.Contains(problem)) existing.Findings.Add(problem);
                continue;
            }
            var document = new ReportDocument
            {
                Id = problem.DocumentId,
                DisplayPath = context.Display(problem.DocumentId),
                AbsolutePath = Path.IsPathRooted(problem.DocumentId) ? problem.DocumentId : null,
                Text = null,
                IsDraft = true,
            };
            document.Findings.Add(problem);
            byId[problem.DocumentId] = document;
            drafts.Add(document);
        }
        drafts.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        documents.AddRange(drafts);
        return new CheckReport(root, documents, engine.Rules, config.RuleOverrides);
    }
}
