using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.IO;
using OutreachLsp.Server.Protocol;

namespace OutreachLsp.Server.Workspace;

/// <summary>Everything the server knows at one moment. Immutable: requests read the state current when they arrived.</summary>
public sealed record WorkspaceState(
    ImmutableArray<FolderState> Folders,
    FolderState Loose,
    ImmutableDictionary<string, DocumentSnapshot> Open,
    OutreachSettings Settings)
{
    /// <summary>The folder a document belongs to: the innermost workspace folder containing it, else the loose folder.</summary>
    public FolderState FolderFor(string id)
    {
        FolderState? best = null;
        foreach (var folder in Folders)
            if (folder.Contains(id) && (best is null || folder.Key.Length > best.Key.Length)) best = folder;
        return best ?? Loose;
    }

    public FolderState? GetFolder(string key) =>
        key.Length == 0 ? Loose : Folders.FirstOrDefault(f => f.Key == key);

    public IEnumerable<FolderState> AllFolders => Folders.Append(Loose);

    /// <summary>An open document by uri (exact client spelling first, then by id).</summary>
    public DocumentSnapshot? GetOpen(string uri)
    {
        var id = DocumentUris.ToId(uri);
        return Open.TryGetValue(id, out var doc) ? doc : null;
    }

    /// <summary>A draft (open or on disk) by uri, with its folder.</summary>
    public (DocumentSnapshot Document, FolderState Folder)? FindDraft(string uri)
    {
        var id = DocumentUris.ToId(uri);
        var folder = FolderFor(id);
        return folder.Drafts.TryGetValue(id, out var doc) ? (doc, folder) : null;
    }
}

/// <summary>
/// The server's mutable holder of <see cref="WorkspaceState"/>. Every mutation runs on the message
/// pump in arrival order, builds a new state, and reports which folders changed so their diagnostics
/// are recomputed. Reads take <see cref="Current"/> without locking.
/// </summary>
public sealed class ServerWorkspace
{
    private readonly object _gate = new();
    private readonly IFileSystem _disk;
    private readonly ServerLog _log;
    private WorkspaceState _current;

    public ServerWorkspace(IFileSystem disk, ServerLog log)
    {
        _disk = disk;
        _log = log;
        var settings = new OutreachSettings();
        _current = new WorkspaceState(ImmutableArray<FolderState>.Empty,
            FolderState.Create(null, null, "(no folder)", ApplySettings(WorkspaceConfig.Default, settings), disk),
            ImmutableDictionary<string, DocumentSnapshot>.Empty.WithComparers(StringComparer.Ordinal), settings);
    }

    public WorkspaceState Current => Volatile.Read(ref _current);

    public IFileSystem Disk => _disk;

    /// <summary>The disk with open buffers in place of their files.</summary>
    public IFileSystem FileSystemFor(WorkspaceState state) => new OverlayFileSystem(_disk, state.Open);

    /// <summary>Sets the workspace folders (initialize). Configs are read now; drafts are loaded later.</summary>
    public void SetFolders(IEnumerable<WorkspaceFolder> folders)
    {
        lock (_gate)
        {
            var state = _current;
            var list = ImmutableArray.CreateBuilder<FolderState>();
            foreach (var f in folders)
            {
                if (!DocumentUris.TryGetPath(f.Uri, out var root) || list.Any(x => x.Key == root)) continue;
                list.Add(FolderState.Create(root, f.Uri, f.Name, LoadConfig(root, state.Settings, FileSystemFor(state)), FileSystemFor(state)));
            }
            Commit(Rehome(state with { Folders = list.ToImmutable() }));
        }
    }

    /// <summary>Adds and removes folders; returns the added folders' keys (to load) and every changed key.</summary>
    public (IReadOnlyList<string> Added, IReadOnlySet<string> Changed) ChangeFolders(IEnumerable<WorkspaceFolder> added, IEnumerable<WorkspaceFolder> removed)
    {
        lock (_gate)
        {
            var state = _current;
            var changed = new HashSet<string>(StringComparer.Ordinal);
            var folders = state.Folders.ToBuilder();
            foreach (var r in removed)
            {
                if (!DocumentUris.TryGetPath(r.Uri, out var root)) continue;
                var existing = folders.FirstOrDefault(f => f.Key == root);
                if (existing is null) continue;
                folders.Remove(existing);
                changed.Add(root);
            }
            var addedKeys = new List<string>();
            foreach (var a in added)
            {
                if (!DocumentUris.TryGetPath(a.Uri, out var root) || folders.Any(f => f.Key == root)) continue;
                folders.Add(FolderState.Create(root, a.Uri, a.Name, LoadConfig(root, state.Settings, FileSystemFor(state)), FileSystemFor(state)));
                addedKeys.Add(root);
                changed.Add(root);
            }
            var next = Rehome(state with { Folders = folders.ToImmutable() });
            changed.Add("");
            foreach (var f in next.Folders) changed.Add(f.Key);
            Commit(next);
            return (addedKeys, changed);
        }
    }

    public IReadOnlySet<string> Open(string uri, int version, string text, string languageId)
    {
        lock (_gate)
        {
            var doc = DocumentSnapshot.Open(uri, version, text, languageId);
            var state = _current with { Open = _current.Open.SetItem(doc.Id, doc) };
            return Commit(ApplyDocument(state, doc));
        }
    }

    /// <summary>Applies edits. Returns null when the document is not open or the version is stale.</summary>
    public IReadOnlySet<string>? Change(string uri, int version, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        lock (_gate)
        {
            var state = _current;
            var id = DocumentUris.ToId(uri);
            if (!state.Open.TryGetValue(id, out var doc))
            {
                _log.Warning($"didChange for a document that is not open: {uri}");
                return null;
            }
            if (doc.Version is { } current && version <= current && version != 0)
            {
                // Versions only grow; an older one is a reordered or duplicated message.
                _log.Warning($"didChange for {uri} with version {version}, not newer than {current}: ignored.");
                return null;
            }
            var text = TextSync.Apply(doc.Text.Text, changes);
            var next = doc.WithText(version, text);
            state = state with { Open = state.Open.SetItem(id, next) };
            return Commit(ApplyDocument(state, next));
        }
    }

    public IReadOnlySet<string> Close(string uri)
    {
        lock (_gate)
        {
            var state = _current;
            var id = DocumentUris.ToId(uri);
            if (!state.Open.TryGetValue(id, out var doc)) return new HashSet<string>();
            state = state with { Open = state.Open.Remove(id) };
            var folder = state.FolderFor(id);
            var changed = new HashSet<string>(StringComparer.Ordinal) { folder.Key };
            if (folder.IsConfigFile(id) || folder.IsPackFile(id))
            {
                folder = ReloadConfig(folder, state);
            }
            else if (doc.IsDraft)
            {
                // The draft falls back to the file on disk, as last saved; without one it leaves.
                folder = folder.Disk.TryGetValue(id, out var saved) ? folder.WithDraft(saved) : folder.WithoutDraft(id);
            }
            Commit(Replace(state, folder));
            return changed;
        }
    }

    /// <summary>The buffer was saved: the file now holds its text.</summary>
    public IReadOnlySet<string> Save(string uri, string? text)
    {
        lock (_gate)
        {
            var state = _current;
            var id = DocumentUris.ToId(uri);
            if (!state.Open.TryGetValue(id, out var doc) || !DocumentUris.TryGetPath(uri, out _)) return new HashSet<string>();
            if (text is not null && text != doc.Text.Text)
            {
                doc = doc.WithText(doc.Version ?? 0, text);
                state = state with { Open = state.Open.SetItem(id, doc) };
            }
            var folder = state.FolderFor(id);
            if (folder.IsConfigFile(id) || folder.IsPackFile(id))
            {
                Commit(Replace(state, ReloadConfig(folder, state)));
                return new HashSet<string> { folder.Key };
            }
            if (!doc.IsDraft || folder.IsIgnored(id)) return new HashSet<string>();
            folder = folder.WithDiskDraft(id, doc.AsSaved());
            Commit(Replace(state, folder));
            // The saved text equals the buffer, so findings do not change.
            return new HashSet<string>();
        }
    }

    /// <summary>Files changed on disk (didChangeWatchedFiles).</summary>
    public IReadOnlySet<string> FilesChanged(IEnumerable<FileEvent> events)
    {
        lock (_gate)
        {
            var state = _current;
            var changed = new HashSet<string>(StringComparer.Ordinal);
            var reload = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in events)
            {
                if (!DocumentUris.TryGetPath(e.Uri, out var path)) continue;
                var folder = state.FolderFor(path);
                if (folder.RootPath is null) continue;
                if (folder.IsConfigFile(path) || folder.IsPackFile(path) || (DocumentUris.IsYamlPath(path) && e.Type == FileChangeType.Deleted && folder.Config.Packs.Any(p => DocumentUris.IsUnder(path, p))))
                {
                    reload.Add(folder.Key);
                    continue;
                }
                if (!DocumentUris.IsDraftPath(path) || folder.IsIgnored(path)) continue;
                DocumentSnapshot? disk = e.Type == FileChangeType.Deleted ? null : DiskDrafts.Read(_disk, path, _log);
                if (e.Type != FileChangeType.Deleted && disk is null) continue;
                folder = folder.WithDiskDraft(path, disk);
                state = Replace(state, folder);
                changed.Add(folder.Key);
            }
            foreach (var key in reload)
            {
                if (state.GetFolder(key) is { } folder)
                {
                    state = Replace(state, ReloadConfig(folder, state));
                    changed.Add(key);
                }
            }
            Commit(state);
            return changed;
        }
    }

    /// <summary>New client settings: every folder's config is layered again.</summary>
    public IReadOnlySet<string> SetSettings(OutreachSettings settings)
    {
        lock (_gate)
        {
            var state = _current with { Settings = settings };
            var changed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var folder in state.AllFolders.ToList())
            {
                state = Replace(state, ReloadConfig(folder, state));
                changed.Add(folder.Key);
            }
            Commit(state);
            return changed;
        }
    }

    /// <summary>Installs the drafts read from a folder at start-up; open buffers keep precedence.</summary>
    public IReadOnlySet<string> SetDiskDrafts(string folderKey, IEnumerable<DocumentSnapshot> drafts, ImmutableArray<Finding> problems)
    {
        lock (_gate)
        {
            var state = _current;
            if (state.GetFolder(folderKey) is not { } folder) return new HashSet<string>();
            Commit(Replace(state, folder.WithDiskDrafts(drafts, problems)));
            return new HashSet<string> { folderKey };
        }
    }

    private IReadOnlySet<string> Commit(WorkspaceState state)
    {
        var previous = _current;
        Volatile.Write(ref _current, state);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in state.AllFolders)
        {
            var before = previous.GetFolder(folder.Key);
            if (!ReferenceEquals(before, folder)) changed.Add(folder.Key);
        }
        return changed;
    }

    private WorkspaceState ApplyDocument(WorkspaceState state, DocumentSnapshot doc)
    {
        var folder = state.FolderFor(doc.Id);
        if (folder.IsConfigFile(doc.Id) || folder.IsPackFile(doc.Id)) return Replace(state, ReloadConfig(folder, state));
        if (!doc.IsDraft || folder.IsIgnored(doc.Id)) return state;
        return Replace(state, folder.WithDraft(doc));
    }

    private FolderState ReloadConfig(FolderState folder, WorkspaceState state)
    {
        var fs = FileSystemFor(state);
        var config = folder.RootPath is null ? ApplySettings(WorkspaceConfig.Default, state.Settings) : LoadConfig(folder.RootPath, state.Settings, fs);
        return folder.WithConfig(config, fs);
    }

    private WorkspaceConfig LoadConfig(string root, OutreachSettings settings, IFileSystem fs)
    {
        WorkspaceConfig config;
        try
        {
            config = ConfigLoader.LoadFromDirectory(fs, root);
        }
        catch (Exception ex)
        {
            // The loader reports problems rather than throwing; this is a last line of defence.
            _log.Error($"Reading the config of {root} failed", ex);
            config = WorkspaceConfig.Default;
        }
        return ApplySettings(config, settings);
    }

    /// <summary>Client settings (severity overrides) layered over the config file.</summary>
    public static WorkspaceConfig ApplySettings(WorkspaceConfig config, OutreachSettings settings)
    {
        if (settings.Rules is not { Count: > 0 } rules) return config;
        var overrides = config.RuleOverrides.ToBuilder();
        foreach (var (id, value) in rules)
        {
            switch (value?.Trim().ToLowerInvariant())
            {
                case "off" or "none" or "false": overrides[id] = null; break;
                case "info" or "information" or "hint": overrides[id] = Severity.Info; break;
                case "warning" or "warn": overrides[id] = Severity.Warning; break;
                case "error": overrides[id] = Severity.Error; break;
                default: break; // An unknown level is ignored rather than guessed.
            }
        }
        return config with { RuleOverrides = overrides.ToImmutable() };
    }

    private static WorkspaceState Replace(WorkspaceState state, FolderState folder)
    {
        if (folder.Key.Length == 0) return state with { Loose = folder };
        var index = state.Folders.IndexOf(state.Folders.First(f => f.Key == folder.Key));
        return state with { Folders = state.Folders.SetItem(index, folder) };
    }

    /// <summary>Puts every open draft into the folder that now contains it (after folders change).</summary>
    private static WorkspaceState Rehome(WorkspaceState state)
    {
        var result = state;
        foreach (var folder in state.AllFolders)
        {
            var f = result.GetFolder(folder.Key)!;
            foreach (var (id, doc) in f.Drafts)
                if (doc.IsOpen && !ReferenceEquals(result.FolderFor(id), f)) f = f.Disk.TryGetValue(id, out var disk) ? f.WithDraft(disk) : f.WithoutDraft(id);
            result = Replace(result, f);
        }
        foreach (var doc in state.Open.Values)
        {
            if (!doc.IsDraft) continue;
            var target = result.FolderFor(doc.Id);
            if (target.IsIgnored(doc.Id)) continue;
            if (!target.Drafts.TryGetValue(doc.Id, out var existing) || !ReferenceEquals(existing, doc)) result = Replace(result, target.WithDraft(doc));
        }
        return result;
    }
}
