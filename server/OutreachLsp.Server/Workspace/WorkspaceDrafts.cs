using OutreachLsp.Core.IO;

namespace OutreachLsp.Server.Workspace;

/// <summary>Reads every draft of a workspace folder at start-up (Markdown files not excluded by <c>ignore:</c>).</summary>
public static class WorkspaceDrafts
{
    public static IReadOnlyList<DocumentSnapshot> Load(IFileSystem fs, FolderState folder, ServerLog log, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var result = new List<DocumentSnapshot>();
        if (folder.RootPath is null || !fs.DirectoryExists(folder.RootPath)) return result;
        var files = fs.EnumerateFiles(folder.RootPath, "*.md", recursive: true)
            .Concat(fs.EnumerateFiles(folder.RootPath, "*.markdown", recursive: true))
            .Where(p => !IsHiddenOrVendored(folder.RootPath, p) && !folder.IsIgnored(p))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        int done = 0;
        foreach (var path in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var doc = DiskDrafts.Read(fs, Path.GetFullPath(path), log);
            if (doc is not null)
            {
                // Parse here, off the message pump, so the first analysis does not pay for it.
                _ = doc.Draft;
                result.Add(doc);
            }
            if (++done % 100 == 0) progress?.Report($"{done}/{files.Count} drafts");
        }
        progress?.Report($"{files.Count}/{files.Count} drafts");
        return result;
    }

    /// <summary>node_modules, .git and other dot-folders hold no drafts.</summary>
    private static bool IsHiddenOrVendored(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        foreach (var segment in relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).SkipLast(1))
            if (segment.StartsWith('.') || segment is "node_modules" or "bin" or "obj") return true;
        return false;
    }
}
