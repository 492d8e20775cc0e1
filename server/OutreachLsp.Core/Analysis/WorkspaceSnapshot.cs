using System.Collections.Immutable;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Drafts;

namespace OutreachLsp.Core.Analysis;

/// <summary>
/// An immutable view of one applicant's workspace: every draft (open buffers override disk) and the
/// config. Workspace rules read only this; edits produce a new snapshot.
/// Document ids are absolute file paths in the CLI and document URIs in the server; the engine
/// treats them as opaque keys.
/// </summary>
public sealed class WorkspaceSnapshot
{
    public static readonly WorkspaceSnapshot Empty = new(ImmutableSortedDictionary<string, Draft>.Empty.WithComparers(StringComparer.Ordinal), WorkspaceConfig.Default, null);

    public WorkspaceSnapshot(ImmutableSortedDictionary<string, Draft> drafts, WorkspaceConfig config, string? rootPath)
    {
        Drafts = drafts;
        Config = config;
        RootPath = rootPath;
    }

    /// <summary>Drafts by document id, in ordinal id order so results are deterministic.</summary>
    public ImmutableSortedDictionary<string, Draft> Drafts { get; }

    public WorkspaceConfig Config { get; }

    /// <summary>The workspace folder, when there is one (used to print relative paths).</summary>
    public string? RootPath { get; }

    public static WorkspaceSnapshot Create(IEnumerable<Draft> drafts, WorkspaceConfig? config = null, string? rootPath = null)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, Draft>(StringComparer.Ordinal);
        foreach (var d in drafts) builder[d.DocumentId] = d;
        return new WorkspaceSnapshot(builder.ToImmutable(), config ?? WorkspaceConfig.Default, rootPath);
    }

    public WorkspaceSnapshot WithDraft(Draft draft) => new(Drafts.SetItem(draft.DocumentId, draft), Config, RootPath);

    public WorkspaceSnapshot WithoutDraft(string documentId) => new(Drafts.Remove(documentId), Config, RootPath);

    public WorkspaceSnapshot WithConfig(WorkspaceConfig config) => new(Drafts, config, RootPath);
}
