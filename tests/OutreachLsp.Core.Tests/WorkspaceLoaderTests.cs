using System.Collections.Immutable;
using System.Text;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.IO;
using OutreachLsp.Core.Workspace;

namespace OutreachLsp.Core.Tests;

/// <summary>
/// An in-memory file system for loader tests. Paths are absolute with '/' separators. Files and
/// folders can be marked unreadable, which a real file system cannot reliably do when tests run as root.
/// </summary>
internal sealed class WorkspaceTestFileSystem : IFileSystem
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal) { "/" };
    private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);

    public int Reads;

    public WorkspaceTestFileSystem Add(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));

    public WorkspaceTestFileSystem Add(string path, byte[] bytes)
    {
        _files[path] = bytes;
        for (string? dir = Path.GetDirectoryName(path); dir is not null; dir = Path.GetDirectoryName(dir)) _directories.Add(dir);
        return this;
    }

    public WorkspaceTestFileSystem AddFolder(string path)
    {
        for (string? dir = path; dir is not null; dir = Path.GetDirectoryName(dir)) _directories.Add(dir);
        return this;
    }

    public WorkspaceTestFileSystem Unreadable(string path)
    {
        _unreadable.Add(path);
        return this;
    }

    public bool FileExists(string path) => _files.ContainsKey(path);

    public bool DirectoryExists(string path) => _directories.Contains(path);

    public byte[]? ReadAllBytes(string path, out string? error)
    {
        Interlocked.Increment(ref Reads);
        if (_unreadable.Contains(path))
        {
            error = $"Access to the path '{path}' is denied.";
            return null;
        }
        if (_files.TryGetValue(path, out var bytes))
        {
            error = null;
            return bytes;
        }
        error = $"Could not find file '{path}'.";
        return null;
    }

    public IEnumerable<string> EnumerateFiles(string directory, string searchPattern, bool recursive) =>
        _files.Keys.Where(f => recursive ? f.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal) : Path.GetDirectoryName(f) == directory)
            .Where(f => searchPattern == "*" || f.EndsWith(searchPattern.TrimStart('*'), StringComparison.OrdinalIgnoreCase));

    public DirectoryListing? ListDirectory(string directory, out string? error)
    {
        if (_unreadable.Contains(directory))
        {
            error = $"Access to the path '{directory}' is denied.";
            return null;
        }
        if (!_directories.Contains(directory))
        {
            error = $"Could not find a part of the path '{directory}'.";
            return null;
        }
        error = null;
        var dirs = _directories.Where(d => d != directory && Path.GetDirectoryName(d) == directory).ToList();
        var files = _files.Keys.Where(f => Path.GetDirectoryName(f) == directory).ToList();
        return new DirectoryListing(dirs, files);
    }
}

public class WorkspaceLoaderTests
{
    private static WorkspaceTestFileSystem SampleWorkspace() => new WorkspaceTestFileSystem()
        .Add("/ws/b-thank-you.md", "---\ntype: thank-you\n---\nThank you.\n")
        .Add("/ws/a-interest.md", "---\ntype: interest\n---\nI am interested.\n")
        .Add("/ws/programs/pinecrest/update.MD", "An update.\n")
        .Add("/ws/notes.txt", "not a draft")
        .Add("/ws/.git/README.md", "git internals")
        .Add("/ws/.vscode/notes.md", "hidden")
        .Add("/ws/node_modules/pkg/README.md", "a package")
        .Add("/ws/archive/2025/old.md", "archived")
        .Add("/ws/scratch/keep.md", "kept")
        .Add("/ws/scratch/skip.md", "skipped");

    private static readonly WorkspaceConfig IgnoreConfig = WorkspaceConfig.Default with { Ignore = ["archive/**", "scratch/skip.md"] };

    [Fact]
    public void Load_FindsMarkdownRecursively_SkippingHiddenFoldersNodeModulesAndIgnoreGlobs()
    {
        var (snapshot, problems) = WorkspaceLoader.Load(SampleWorkspace(), "/ws", IgnoreConfig, CancellationToken.None);
        Assert.Empty(problems);
        Assert.Equal(["/ws/a-interest.md", "/ws/b-thank-you.md", "/ws/programs/pinecrest/update.MD", "/ws/scratch/keep.md"], snapshot.Drafts.Keys);
        Assert.Equal("/ws", snapshot.RootPath);
        Assert.Same(IgnoreConfig, snapshot.Config);
        Assert.Equal("thank-you", snapshot.Drafts["/ws/b-thank-you.md"].Meta.Type);
        Assert.Equal("/ws/b-thank-you.md", snapshot.Drafts["/ws/b-thank-you.md"].DocumentId);
    }

    [Fact]
    public void Load_IgnoreGlobWithATrailingSlash_IgnoresTheWholeFolder()
    {
        var config = WorkspaceConfig.Default with { Ignore = ["./archive/", "/scratch/*.md"] };
        var (snapshot, _) = WorkspaceLoader.Load(SampleWorkspace(), "/ws", config, CancellationToken.None);
        Assert.Equal(["/ws/a-interest.md", "/ws/b-thank-you.md", "/ws/programs/pinecrest/update.MD"], snapshot.Drafts.Keys);
    }

    [Fact]
    public void Load_WithoutIgnoreGlobs_IncludesArchivedDrafts()
    {
        var (snapshot, _) = WorkspaceLoader.Load(SampleWorkspace(), "/ws", WorkspaceConfig.Default, CancellationToken.None);
        Assert.Contains("/ws/archive/2025/old.md", snapshot.Drafts.Keys);
        Assert.Contains("/ws/scratch/skip.md", snapshot.Drafts.Keys);
        Assert.DoesNotContain("/ws/node_modules/pkg/README.md", snapshot.Drafts.Keys);
    }

    [Fact]
    public void Load_UnreadableFile_IsAnInputErrorWithTheOsMessage_AndTheRestLoads()
    {
        var fs = SampleWorkspace().Unreadable("/ws/a-interest.md");
        var (snapshot, problems) = WorkspaceLoader.Load(fs, "/ws", IgnoreConfig, CancellationToken.None);
        var p = Assert.Single(problems);
        Assert.Equal(WellKnownRuleIds.Input, p.RuleId);
        Assert.Equal(Severity.Error, p.Severity);
        Assert.Equal("/ws/a-interest.md", p.DocumentId);
        Assert.Contains("Access to the path '/ws/a-interest.md' is denied.", p.Message, StringComparison.Ordinal);
        Assert.Equal(3, snapshot.Drafts.Count);
    }

    [Fact]
    public void Load_UnreadableFolder_IsAnInputErrorForThatFolder_AndTheRestLoads()
    {
        var fs = SampleWorkspace().Unreadable("/ws/programs");
        var (snapshot, problems) = WorkspaceLoader.Load(fs, "/ws", IgnoreConfig, CancellationToken.None);
        var p = Assert.Single(problems);
        Assert.Equal(WellKnownRuleIds.Input, p.RuleId);
        Assert.Equal("/ws/programs", p.DocumentId);
        Assert.Contains("Cannot read this folder: Access to the path '/ws/programs' is denied.", p.Message, StringComparison.Ordinal);
        Assert.Equal(["/ws/a-interest.md", "/ws/b-thank-you.md", "/ws/scratch/keep.md"], snapshot.Drafts.Keys);
    }

    [Fact]
    public void Load_MissingRoot_IsOneProblem()
    {
        var (snapshot, problems) = WorkspaceLoader.Load(new WorkspaceTestFileSystem(), "/nowhere", WorkspaceConfig.Default, CancellationToken.None);
        Assert.Empty(snapshot.Drafts);
        Assert.Equal("/nowhere", Assert.Single(problems).DocumentId);
    }

    [Fact]
    public void Load_BinaryFileNamedMd_IsAProblem_AndNotInTheSnapshot()
    {
        var fs = new WorkspaceTestFileSystem()
            .Add("/ws/photo.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01])
            .Add("/ws/ok.md", "Fine.");
        var (snapshot, problems) = WorkspaceLoader.Load(fs, "/ws", WorkspaceConfig.Default, CancellationToken.None);
        Assert.Equal(["/ws/ok.md"], snapshot.Drafts.Keys);
        var p = Assert.Single(problems);
        Assert.Equal("/ws/photo.md", p.DocumentId);
        Assert.Contains("looks binary", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidUtf8Draft_IsLoaded_WithTheWarningInItsParseFindings()
    {
        var fs = new WorkspaceTestFileSystem().Add("/ws/latin1.md", [.. "Caf"u8, 0xE9]);
        var (snapshot, problems) = WorkspaceLoader.Load(fs, "/ws", WorkspaceConfig.Default, CancellationToken.None);
        Assert.Empty(problems);
        var finding = Assert.Single(snapshot.Drafts["/ws/latin1.md"].ParseFindings);
        Assert.Equal(WellKnownRuleIds.Input, finding.RuleId);
    }

    [Fact]
    public void Load_ManyFiles_ResultIsDeterministic_AndProgressReachesTheTotal()
    {
        var fs = new WorkspaceTestFileSystem();
        for (int i = 0; i < 200; i++) fs.Add($"/ws/d{i % 7}/draft-{i:000}.md", $"---\nmatch_year: 2026\n---\nDraft {i}.\n");
        var reports = new List<(int Done, int Total)>();
        var progress = new SynchronousProgress(reports);
        var (first, _) = WorkspaceLoader.Load(fs, "/ws", WorkspaceConfig.Default, CancellationToken.None, progress);
        var (second, _) = WorkspaceLoader.Load(fs, "/ws", WorkspaceConfig.Default, CancellationToken.None);
        Assert.Equal(200, first.Drafts.Count);
        Assert.Equal(first.Drafts.Keys, second.Drafts.Keys);
        Assert.Equal(first.Drafts.Keys.Order(StringComparer.Ordinal), first.Drafts.Keys);
        Assert.Contains((200, 200), reports);
        Assert.Equal((0, 200), reports[0]);
    }

    [Fact]
    public void Load_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => WorkspaceLoader.Load(SampleWorkspace(), "/ws", WorkspaceConfig.Default, cts.Token));
    }

    [Fact]
    public void LoadFiles_LoadsNamedFiles_AnyExtension_AndReportsMissingOnes()
    {
        var fs = SampleWorkspace();
        var (snapshot, problems) = WorkspaceLoader.LoadFiles(fs, ["/ws/notes.txt", "/ws/a-interest.md", "/ws/a-interest.md", "/ws/missing.md"],
            WorkspaceConfig.Default, "/ws", CancellationToken.None);
        Assert.Equal(["/ws/a-interest.md", "/ws/notes.txt"], snapshot.Drafts.Keys);
        var p = Assert.Single(problems);
        Assert.Equal("/ws/missing.md", p.DocumentId);
        Assert.Contains("not found", p.Message, StringComparison.Ordinal);
        Assert.Equal("/ws", snapshot.RootPath);
    }

    [Fact]
    public void LoadFiles_AFolderInTheList_IsWalkedWithTheIgnoreGlobsRelativeToTheRoot()
    {
        var (snapshot, problems) = WorkspaceLoader.LoadFiles(SampleWorkspace(), ["/ws/scratch"], IgnoreConfig, "/ws", CancellationToken.None);
        Assert.Empty(problems);
        Assert.Equal(["/ws/scratch/keep.md"], snapshot.Drafts.Keys);
    }

    [Fact]
    public void LoadFiles_RelativePaths_BecomeAbsoluteDocumentIds()
    {
        string dir = Directory.CreateTempSubdirectory("outreach-ws-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.md"), "Hello.");
            string relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(dir, "a.md"));
            var (snapshot, problems) = WorkspaceLoader.LoadFiles(PhysicalFileSystem.Instance, [relative], WorkspaceConfig.Default, null, CancellationToken.None);
            Assert.Empty(problems);
            Assert.Equal([Path.Combine(dir, "a.md")], snapshot.Drafts.Keys);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Load_OnTheRealFileSystem_WalksFoldersAndAppliesGlobs()
    {
        string dir = Directory.CreateTempSubdirectory("outreach-ws-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "programs", "bellwood"));
            Directory.CreateDirectory(Path.Combine(dir, ".git"));
            Directory.CreateDirectory(Path.Combine(dir, "archive"));
            File.WriteAllText(Path.Combine(dir, "programs", "bellwood", "thanks.md"), "---\ntype: thank-you\n---\nThanks.");
            File.WriteAllText(Path.Combine(dir, ".git", "x.md"), "no");
            File.WriteAllText(Path.Combine(dir, "archive", "old.md"), "no");
            File.WriteAllBytes(Path.Combine(dir, "bom.md"), [0xEF, 0xBB, 0xBF, .. "Hi."u8]);
            var config = WorkspaceConfig.Default with { Ignore = ["archive/**"] };
            var (snapshot, problems) = WorkspaceLoader.Load(PhysicalFileSystem.Instance, dir, config, CancellationToken.None);
            Assert.Empty(problems);
            Assert.Equal([Path.Combine(dir, "bom.md"), Path.Combine(dir, "programs", "bellwood", "thanks.md")], snapshot.Drafts.Keys);
            Assert.Equal("Hi.", snapshot.Drafts[Path.Combine(dir, "bom.md")].Text);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Load_OnTheRealFileSystem_AnUnreadableFolderIsReported_UnlessRunningAsRoot()
    {
        // chmod 000 does not stop root, so this real-disk check only runs for ordinary users; the
        // test double above covers the behaviour everywhere.
        if (OperatingSystem.IsWindows() || Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root") return;
        string dir = Directory.CreateTempSubdirectory("outreach-ws-").FullName;
        string locked = Path.Combine(dir, "locked");
        try
        {
            Directory.CreateDirectory(locked);
            File.WriteAllText(Path.Combine(locked, "x.md"), "hidden");
            File.WriteAllText(Path.Combine(dir, "ok.md"), "ok");
            File.SetUnixFileMode(locked, UnixFileMode.None);
            var (snapshot, problems) = WorkspaceLoader.Load(PhysicalFileSystem.Instance, dir, WorkspaceConfig.Default, CancellationToken.None);
            Assert.Equal([Path.Combine(dir, "ok.md")], snapshot.Drafts.Keys);
            Assert.Equal(locked, Assert.Single(problems).DocumentId);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void FileSystemsWithoutListDirectory_StillWork_ThroughTheDefaultImplementation()
    {
        IFileSystem fs = new EnumerateOnlyFileSystem(SampleWorkspace());
        var (snapshot, problems) = WorkspaceLoader.Load(fs, "/ws", IgnoreConfig, CancellationToken.None);
        Assert.Empty(problems);
        Assert.Equal(4, snapshot.Drafts.Count);
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool, which would race the assertions).</summary>
    private sealed class SynchronousProgress(List<(int Done, int Total)> sink) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            lock (sink) sink.Add(value);
        }
    }

    /// <summary>An IFileSystem written before ListDirectory existed.</summary>
    private sealed class EnumerateOnlyFileSystem(WorkspaceTestFileSystem inner) : IFileSystem
    {
        public bool FileExists(string path) => inner.FileExists(path);
        public bool DirectoryExists(string path) => inner.DirectoryExists(path);
        public byte[]? ReadAllBytes(string path, out string? error) => inner.ReadAllBytes(path, out error);
        public IEnumerable<string> EnumerateFiles(string directory, string searchPattern, bool recursive) => inner.EnumerateFiles(directory, searchPattern, recursive);
    }
}
