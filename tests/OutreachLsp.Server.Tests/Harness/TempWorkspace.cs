using OutreachLsp.Server.Workspace;

namespace OutreachLsp.Server.Tests.Harness;

/// <summary>A throw-away workspace folder on disk.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace(string? name = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "outreach-lsp-tests", (name ?? "ws") + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Uri => DocumentUris.FromPath(Root);

    public string PathOf(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, relative));

    public string UriOf(string relative) => DocumentUris.FromPath(PathOf(relative));

    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return DocumentUris.FromPath(path);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
