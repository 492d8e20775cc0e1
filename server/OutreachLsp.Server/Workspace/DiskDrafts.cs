using System.Text;
using OutreachLsp.Core.IO;
using OutreachLsp.Core.Workspace;

namespace OutreachLsp.Server.Workspace;

/// <summary>Reads single draft files from disk (after a watched-file change).</summary>
public static class DiskDrafts
{
    /// <summary>The draft in <paramref name="path"/>, or null when it cannot be read.</summary>
    public static DocumentSnapshot? Read(IFileSystem fs, string path, ServerLog log)
    {
        var draft = WorkspaceLoader.LoadDraft(fs, path, out var problems);
        if (draft is null)
        {
            foreach (var p in problems) log.Warning($"{path}: {p.Message}");
            return null;
        }
        return DocumentSnapshot.FromDisk(draft);
    }

    /// <summary>UTF-8 without its BOM; invalid bytes become U+FFFD, which the engine reports as bad input.</summary>
    public static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF) span = span[3..];
        return Encoding.UTF8.GetString(span);
    }
}
