using System.Collections.Immutable;
using Microsoft.Extensions.FileSystemGlobbing;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.IO;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Workspace;

/// <summary>
/// Reads drafts from disk into a <see cref="WorkspaceSnapshot"/>: every <c>*.md</c> under a folder
/// (hidden folders, <c>node_modules</c> and the config's ignore globs skipped), or a list of files.
/// Document ids are full absolute paths. Files are decoded and parsed in parallel; the result does
/// not depend on the order they finish in. A file or folder that cannot be read becomes a problem
/// (rule id <c>input</c>) and the rest goes on. Binary and oversized files are problems too, and
/// are left out of the snapshot. Cancellation throws <see cref="OperationCanceledException"/>.
/// The file system is called from several threads at once, so it must be thread-safe.
/// </summary>
public static class WorkspaceLoader
{
    /// <summary>Loads every draft under <paramref name="root"/>. <paramref name="progress"/> gets (files done, files found).</summary>
    public static (WorkspaceSnapshot Snapshot, ImmutableArray<Finding> Problems) Load(
        IFileSystem fs, string root, WorkspaceConfig config, CancellationToken cancellationToken,
        IProgress<(int Done, int Total)>? progress = null)
    {
        config ??= WorkspaceConfig.Default;
        string fullRoot = FullPath(root);
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var files = FindDrafts(fs, fullRoot, config, problems, cancellationToken);
        var drafts = ParseAll(fs, files, problems, cancellationToken, progress);
        return (WorkspaceSnapshot.Create(drafts, config, fullRoot), Sorted(problems));
    }

    /// <summary>
    /// Loads the named files (any extension: naming a file is asking for it). A folder in the list is
    /// walked like <see cref="Load"/>, with ignore globs relative to <paramref name="rootPath"/> (else the folder).
    /// </summary>
    public static (WorkspaceSnapshot Snapshot, ImmutableArray<Finding> Problems) LoadFiles(
        IFileSystem fs, IEnumerable<string> paths, WorkspaceConfig config, string? rootPath, CancellationToken cancellationToken,
        IProgress<(int Done, int Total)>? progress = null)
    {
        config ??= WorkspaceConfig.Default;
        string? fullRoot = rootPath is null ? null : FullPath(rootPath);
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            string full = FullPath(path);
            if (fs.DirectoryExists(full))
            {
                files.UnionWith(FindDrafts(fs, full, config, problems, cancellationToken, fullRoot ?? full));
            }
            else if (fs.FileExists(full))
            {
                files.Add(full);
            }
            else
            {
                problems.Add(new Finding(WellKnownRuleIds.Input, Severity.Error, full, new TextSpan(0, 0), "File not found."));
            }
        }
        var drafts = ParseAll(fs, [.. files], problems, cancellationToken, progress);
        return (WorkspaceSnapshot.Create(drafts, config, fullRoot), Sorted(problems));
    }

    /// <summary>Reads and parses one file. Null when it cannot be read or is not linted; <paramref name="problems"/> says why.</summary>
    public static Draft? LoadDraft(IFileSystem fs, string path, out ImmutableArray<Finding> problems)
    {
        string full = FullPath(path);
        var bytes = fs.ReadAllBytes(full, out var error);
        if (bytes is null)
        {
            problems = [new Finding(WellKnownRuleIds.Input, Severity.Error, full, new TextSpan(0, 0),
                $"Cannot read this file: {error ?? "it does not exist"}")];
            return null;
        }
        var (draft, decodeProblems) = DraftParser.ParseBytes(full, bytes);
        problems = draft is null ? decodeProblems : ImmutableArray<Finding>.Empty; // a draft carries its own
        return draft;
    }

    /// <summary>
    /// The drafts under <paramref name="root"/>, sorted by ordinal path. Folders are walked one level
    /// at a time so skipped folders (hidden, node_modules) are never entered.
    /// </summary>
    public static ImmutableArray<string> FindDrafts(IFileSystem fs, string root, WorkspaceConfig config,
        ImmutableArray<Finding>.Builder problems, CancellationToken cancellationToken, string? globRoot = null)
    {
        string fullRoot = FullPath(root);
        string baseForGlobs = globRoot is null ? fullRoot : FullPath(globRoot);
        var ignore = BuildIgnoreMatcher(config.Ignore);
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(fullRoot);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string folder = pending.Pop();
            var listing = fs.ListDirectory(folder, out var error);
            if (listing is null)
            {
                problems.Add(new Finding(WellKnownRuleIds.Input, Severity.Error, folder, new TextSpan(0, 0),
                    $"Cannot read this folder: {error ?? "it does not exist"}"));
                continue;
            }
            foreach (var dir in listing.Directories)
                if (!IsSkippedFolder(Path.GetFileName(dir))) pending.Push(dir);
            foreach (var file in listing.Files)
            {
                if (!file.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) continue;
                if (ignore is not null && IsIgnored(ignore, baseForGlobs, file)) continue;
                found.Add(file);
            }
        }
        found.Sort(StringComparer.Ordinal);
        return [.. found];
    }

    /// <summary>Folders never linted: hidden ones (.git, .vscode) and installed packages.</summary>
    public static bool IsSkippedFolder(string name) =>
        name.Length == 0 || name[0] == '.' || name.Equals("node_modules", StringComparison.OrdinalIgnoreCase);

    private static Matcher? BuildIgnoreMatcher(ImmutableArray<string> globs)
    {
        if (globs.IsDefaultOrEmpty) return null;
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        foreach (var glob in globs)
        {
            string g = glob.Replace('\\', '/');
            while (g.StartsWith("./", StringComparison.Ordinal)) g = g[2..];
            g = g.TrimStart('/');
            if (g.EndsWith('/')) g += "**"; // "archive/" means everything in it
            if (g.Length > 0) matcher.AddInclude(g);
        }
        return matcher;
    }

    private static bool IsIgnored(Matcher matcher, string root, string file)
    {
        string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal)) return false;
        return matcher.Match(relative).HasMatches;
    }

    private static List<Draft> ParseAll(IFileSystem fs, ImmutableArray<string> files, ImmutableArray<Finding>.Builder problems,
        CancellationToken cancellationToken, IProgress<(int Done, int Total)>? progress)
    {
        var drafts = new Draft?[files.Length];
        var fileProblems = new ImmutableArray<Finding>[files.Length];
        int done = 0;
        progress?.Report((0, files.Length));
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, files.Length, options, i =>
        {
            drafts[i] = LoadDraft(fs, files[i], out fileProblems[i]);
            int n = Interlocked.Increment(ref done);
            progress?.Report((n, files.Length));
        });
        var result = new List<Draft>(files.Length);
        for (int i = 0; i < files.Length; i++)
        {
            if (drafts[i] is { } d) result.Add(d);
            if (!fileProblems[i].IsDefaultOrEmpty) problems.AddRange(fileProblems[i]);
        }
        return result;
    }

    private static ImmutableArray<Finding> Sorted(ImmutableArray<Finding>.Builder problems)
    {
        var list = problems.ToList();
        list.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.DocumentId, b.DocumentId);
            return c != 0 ? c : a.Span.Start.CompareTo(b.Span.Start);
        });
        return [.. list];
    }

    private static string FullPath(string path)
    {
        try
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }
}
