using System.Collections.Immutable;
using Microsoft.Extensions.FileSystemGlobbing;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.IO;

namespace OutreachLsp.Server.Workspace;

/// <summary>
/// One workspace folder at one moment: its config and engine, its drafts (open buffers override
/// the files on disk), and the engine snapshot of them. Each folder is its own applicant workspace:
/// drafts are compared only with drafts of the same folder. Immutable; every change makes a new
/// state, and the engine snapshot is derived incrementally from the previous one when that one was
/// already built.
/// </summary>
public sealed class FolderState
{
    private readonly Lazy<Engine> _engine;
    private readonly Lazy<WorkspaceSnapshot> _snapshot;
    private readonly Matcher? _ignore;

    private FolderState(
        string key, string? rootPath, string? rootUri, string name,
        WorkspaceConfig config, Lazy<Engine> engine,
        ImmutableSortedDictionary<string, DocumentSnapshot> disk,
        ImmutableSortedDictionary<string, DocumentSnapshot> drafts,
        Lazy<WorkspaceSnapshot> snapshot, Matcher? ignore)
    {
        Key = key;
        RootPath = rootPath;
        RootUri = rootUri;
        Name = name;
        Config = config;
        _engine = engine;
        Disk = disk;
        Drafts = drafts;
        _snapshot = snapshot;
        _ignore = ignore;
    }

    /// <summary>The folder's root path; the empty string for documents outside every folder.</summary>
    public string Key { get; }

    public string? RootPath { get; }

    public string? RootUri { get; }

    public string Name { get; }

    /// <summary>.outreach.yaml with the client's settings layered over it.</summary>
    public WorkspaceConfig Config { get; }

    public Engine Engine => _engine.Value;

    /// <summary>Drafts read from disk, by id.</summary>
    public ImmutableSortedDictionary<string, DocumentSnapshot> Disk { get; }

    /// <summary>The drafts the engine sees: disk, with open buffers in their place.</summary>
    public ImmutableSortedDictionary<string, DocumentSnapshot> Drafts { get; }

    public WorkspaceSnapshot Snapshot => _snapshot.Value;

    /// <summary>Files the start-up load could not read or lint (binary, unreadable), located in those files.</summary>
    public ImmutableArray<Finding> LoadProblems { get; private init; } = ImmutableArray<Finding>.Empty;

    private static readonly ImmutableSortedDictionary<string, DocumentSnapshot> NoDocuments =
        ImmutableSortedDictionary<string, DocumentSnapshot>.Empty.WithComparers(StringComparer.Ordinal);

    public static FolderState Create(string? rootPath, string? rootUri, string name, WorkspaceConfig config, IFileSystem fileSystem)
    {
        var engine = new Lazy<Engine>(() => Engine.Create(config, fileSystem));
        return new FolderState(rootPath ?? "", rootPath, rootUri, name, config, engine, NoDocuments, NoDocuments,
            BuildSnapshot(NoDocuments, config, rootPath), CreateMatcher(config));
    }

    public bool Contains(string id) => RootPath is not null && Path.IsPathRooted(id) && DocumentUris.IsUnder(id, RootPath);

    /// <summary>True for files the config's <c>ignore:</c> globs exclude.</summary>
    public bool IsIgnored(string path)
    {
        if (_ignore is null || RootPath is null || !Path.IsPathRooted(path)) return false;
        try
        {
            return _ignore.Match(RootPath, path).HasMatches;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>True for the folder's <c>.outreach.yaml</c>.</summary>
    public bool IsConfigFile(string path) =>
        RootPath is not null && DocumentUris.IsConfigPath(path)
        && string.Equals(Path.GetDirectoryName(path)?.TrimEnd('/', '\\'), RootPath.TrimEnd('/', '\\'), DocumentUris.PathComparison);

    /// <summary>True for YAML files inside one of the config's extra rule-pack folders.</summary>
    public bool IsPackFile(string path) =>
        DocumentUris.IsYamlPath(path) && Config.Packs.Any(p => DocumentUris.IsUnder(path, p));

    /// <summary>This folder with <paramref name="document"/> as one of its drafts.</summary>
    public FolderState WithDraft(DocumentSnapshot document)
    {
        var drafts = Drafts.SetItem(document.Id, document);
        var previous = _snapshot;
        var snapshot = previous.IsValueCreated
            ? new Lazy<WorkspaceSnapshot>(() => previous.Value.WithDraft(document.Draft))
            : BuildSnapshot(drafts, Config, RootPath);
        return new FolderState(Key, RootPath, RootUri, Name, Config, _engine, Disk, drafts, snapshot, _ignore) { LoadProblems = LoadProblems };
    }

    /// <summary>This folder without the draft <paramref name="id"/>.</summary>
    public FolderState WithoutDraft(string id)
    {
        if (!Drafts.ContainsKey(id)) return this;
        var drafts = Drafts.Remove(id);
        var previous = _snapshot;
        var snapshot = previous.IsValueCreated
            ? new Lazy<WorkspaceSnapshot>(() => previous.Value.WithoutDraft(id))
            : BuildSnapshot(drafts, Config, RootPath);
        return new FolderState(Key, RootPath, RootUri, Name, Config, _engine, Disk, drafts, snapshot, _ignore) { LoadProblems = LoadProblems };
    }

    /// <summary>Records the file <paramref name="document"/> on disk (null: the file is gone).</summary>
    public FolderState WithDiskDraft(string id, DocumentSnapshot? document)
    {
        var disk = document is null ? Disk.Remove(id) : Disk.SetItem(id, document);
        var state = new FolderState(Key, RootPath, RootUri, Name, Config, _engine, disk, Drafts, _snapshot, _ignore) { LoadProblems = LoadProblems };
        // An open buffer keeps overriding the file.
        if (Drafts.TryGetValue(id, out var current) && current.IsOpen) return state;
        return document is null ? state.WithoutDraft(id) : state.WithDraft(document);
    }

    /// <summary>Replaces all disk drafts (the start-up load); open buffers keep their place.</summary>
    public FolderState WithDiskDrafts(IEnumerable<DocumentSnapshot> diskDrafts, ImmutableArray<Finding> loadProblems)
    {
        var disk = NoDocuments.SetItems(diskDrafts.Where(d => !IsIgnored(d.Id)).Select(d => KeyValuePair.Create(d.Id, d)));
        var drafts = disk.SetItems(Drafts.Where(kv => kv.Value.IsOpen));
        return new FolderState(Key, RootPath, RootUri, Name, Config, _engine, disk, drafts, BuildSnapshot(drafts, Config, RootPath), _ignore)
        {
            LoadProblems = loadProblems.IsDefault ? ImmutableArray<Finding>.Empty : loadProblems,
        };
    }

    /// <summary>This folder under a new config; the engine is rebuilt on first use.</summary>
    public FolderState WithConfig(WorkspaceConfig config, IFileSystem fileSystem)
    {
        var engine = new Lazy<Engine>(() => Engine.Create(config, fileSystem));
        var matcher = CreateMatcher(config);
        var previous = _snapshot;
        var snapshot = previous.IsValueCreated
            ? new Lazy<WorkspaceSnapshot>(() => previous.Value.WithConfig(config))
            : BuildSnapshot(Drafts, config, RootPath);
        return new FolderState(Key, RootPath, RootUri, Name, config, engine, Disk, Drafts, snapshot, matcher) { LoadProblems = LoadProblems };
    }

    /// <summary>The same config with a fresh engine (a rule-pack file changed).</summary>
    public FolderState WithReloadedEngine(IFileSystem fileSystem)
    {
        var config = Config;
        var engine = new Lazy<Engine>(() => Engine.Create(config, fileSystem));
        return new FolderState(Key, RootPath, RootUri, Name, Config, engine, Disk, Drafts, _snapshot, _ignore) { LoadProblems = LoadProblems };
    }

    private static Lazy<WorkspaceSnapshot> BuildSnapshot(ImmutableSortedDictionary<string, DocumentSnapshot> drafts, WorkspaceConfig config, string? root) =>
        new(() => WorkspaceSnapshot.Create(drafts.Values.Select(d => d.Draft), config, root));

    private static Matcher? CreateMatcher(WorkspaceConfig config)
    {
        if (config.Ignore.IsDefaultOrEmpty) return null;
        var matcher = new Matcher(DocumentUris.PathComparison == StringComparison.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        matcher.AddIncludePatterns(config.Ignore);
        return matcher;
    }
}
