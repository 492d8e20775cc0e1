namespace OutreachLsp.Core.IO;

/// <summary>
/// The engine's only way to the disk. The CLI and server pass <see cref="PhysicalFileSystem"/>;
/// tests may pass an in-memory one. Implementations never throw for a missing file: they return null.
/// </summary>
public interface IFileSystem
{
    bool FileExists(string path);
    bool DirectoryExists(string path);
    /// <summary>The file's bytes, or null when it does not exist or cannot be read.</summary>
    byte[]? ReadAllBytes(string path, out string? error);
    IEnumerable<string> EnumerateFiles(string directory, string searchPattern, bool recursive);

    /// <summary>
    /// The immediate files and subfolders of <paramref name="directory"/> (full paths), or null with
    /// <paramref name="error"/> set when it cannot be listed; the workspace loader walks folders with it
    /// so it can skip .git and node_modules without entering them and report unreadable folders.
    /// The default derives the answer from <see cref="EnumerateFiles"/> (it cannot report errors and is
    /// slow on big trees); <see cref="PhysicalFileSystem"/> overrides it.
    /// </summary>
    DirectoryListing? ListDirectory(string directory, out string? error)
    {
        error = null;
        if (!DirectoryExists(directory)) return null;
        var files = EnumerateFiles(directory, "*", false).ToList();
        var directories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in EnumerateFiles(directory, "*", true))
        {
            string relative = Path.GetRelativePath(directory, file);
            int slash = relative.IndexOfAny(['/', '\\']);
            if (slash > 0) directories.Add(Path.Combine(directory, relative[..slash]));
        }
        return new DirectoryListing([.. directories], files);
    }
}

/// <summary>The immediate entries of a folder: full paths of subfolders and files.</summary>
public sealed record DirectoryListing(IReadOnlyList<string> Directories, IReadOnlyList<string> Files);

public sealed class PhysicalFileSystem : IFileSystem
{
    public static readonly PhysicalFileSystem Instance = new();

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public byte[]? ReadAllBytes(string path, out string? error)
    {
        try
        {
            error = null;
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            error = ex.Message;
            return null;
        }
    }

    public DirectoryListing? ListDirectory(string directory, out string? error)
    {
        try
        {
            var directories = new List<string>();
            var files = new List<string>();
            var options = new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0, RecurseSubdirectories = false };
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", options))
            {
                if (entry is DirectoryInfo)
                {
                    // Linked folders are not followed: a link to a parent would loop forever.
                    if ((entry.Attributes & FileAttributes.ReparsePoint) == 0) directories.Add(entry.FullName);
                }
                else
                {
                    files.Add(entry.FullName);
                }
            }
            error = null;
            return new DirectoryListing(directories, files);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            error = ex.Message;
            return null;
        }
    }

    public IEnumerable<string> EnumerateFiles(string directory, string searchPattern, bool recursive)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = recursive,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            MatchCasing = MatchCasing.CaseInsensitive,
        };
        try
        {
            return Directory.EnumerateFiles(directory, searchPattern, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
