using System.Text;

namespace OutreachLsp.Server.Workspace;

/// <summary>
/// Document ids and uris. The engine keys drafts by id; for files the id is the absolute local path
/// (the same id the CLI and the disk loader use, so an open buffer replaces its file's draft), for
/// other schemes (untitled:) it is the uri itself.
/// </summary>
public static class DocumentUris
{
    public static bool TryGetPath(string uri, out string path)
    {
        path = "";
        if (!uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return false;
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return false;
        try
        {
            path = Path.GetFullPath(parsed.LocalPath);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    /// <summary>The engine's id of a document uri.</summary>
    public static string ToId(string uri) => TryGetPath(uri, out var path) ? path : uri;

    /// <summary>A file uri the way VS Code writes them (each path segment percent-encoded).</summary>
    public static string FromPath(string path)
    {
        var full = Path.GetFullPath(path).Replace('\\', '/');
        var sb = new StringBuilder("file://");
        if (!full.StartsWith('/')) sb.Append('/');
        var segments = full.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            if (i > 0) sb.Append('/');
            var segment = segments[i];
            // Keep a Windows drive letter readable ("c:"), as VS Code does after decoding.
            if (i <= 1 && segment.Length == 2 && segment[1] == ':' && char.IsLetter(segment[0])) sb.Append(char.ToLowerInvariant(segment[0])).Append("%3A");
            else sb.Append(Uri.EscapeDataString(segment));
        }
        return sb.ToString();
    }

    /// <summary>The uri for an engine id: ids that are paths become file uris.</summary>
    public static string FromId(string id) =>
        id.Contains("://", StringComparison.Ordinal) || id.StartsWith("untitled:", StringComparison.OrdinalIgnoreCase) || !Path.IsPathRooted(id) ? id : FromPath(id);

    public static bool IsDraftPath(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    public static bool IsConfigPath(string path) =>
        string.Equals(Path.GetFileName(path), ".outreach.yaml", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Path.GetFileName(path), ".outreach.yml", StringComparison.OrdinalIgnoreCase);

    public static bool IsYamlPath(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it.</summary>
    public static bool IsUnder(string path, string folder)
    {
        var f = folder.TrimEnd('/', '\\');
        if (path.Length == f.Length) return string.Equals(path, f, PathComparison);
        return path.Length > f.Length && path.StartsWith(f, PathComparison) && path[f.Length] is '/' or '\\';
    }

    public static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
