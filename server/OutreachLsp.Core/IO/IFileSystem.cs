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
}

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
