using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.IO;
using OutreachLsp.Core.Workspace;

namespace OutreachLsp.Server.Workspace;

/// <summary>Reads every draft of a workspace folder at start-up, through the engine's workspace loader (ignore globs, skipped folders, bad input).</summary>
public static class WorkspaceDrafts
{
    public static (IReadOnlyList<DocumentSnapshot> Drafts, ImmutableArray<Finding> Problems) Load(
        IFileSystem fs, FolderState folder, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        if (folder.RootPath is null || !fs.DirectoryExists(folder.RootPath)) return ([], ImmutableArray<Finding>.Empty);
        var (snapshot, problems) = WorkspaceLoader.Load(fs, folder.RootPath, folder.Config, cancellationToken, progress);
        return (snapshot.Drafts.Values.Select(DocumentSnapshot.FromDisk).ToList(), problems);
    }
}
