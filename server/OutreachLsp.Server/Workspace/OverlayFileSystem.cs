using System.Collections.Immutable;
using System.Text;
using OutreachLsp.Core.IO;

namespace OutreachLsp.Server.Workspace;

/// <summary>
/// The disk as the engine should see it: open buffers replace the files they edit, so an unsaved
/// <c>.outreach.yaml</c> or rule file takes effect (and shows its errors) as the user types.
/// Immutable: built for one state of the open documents.
/// </summary>
public sealed class OverlayFileSystem : IFileSystem
{
    private readonly IFileSystem _disk;
    private readonly ImmutableDictionary<string, DocumentSnapshot> _open;

    public OverlayFileSystem(IFileSystem disk, ImmutableDictionary<string, DocumentSnapshot> openById)
    {
        _disk = disk;
        _open = openById;
    }

    public bool FileExists(string path) => _open.ContainsKey(path) || _disk.FileExists(path);

    public bool DirectoryExists(string path) => _disk.DirectoryExists(path);

    public byte[]? ReadAllBytes(string path, out string? error)
    {
        if (_open.TryGetValue(path, out var doc))
        {
            error = null;
            return Encoding.UTF8.GetBytes(doc.Text.Text);
        }
        return _disk.ReadAllBytes(path, out error);
    }

    public IEnumerable<string> EnumerateFiles(string directory, string searchPattern, bool recursive) =>
        _disk.EnumerateFiles(directory, searchPattern, recursive);

    public DirectoryListing? ListDirectory(string directory, out string? error) => _disk.ListDirectory(directory, out error);
}
