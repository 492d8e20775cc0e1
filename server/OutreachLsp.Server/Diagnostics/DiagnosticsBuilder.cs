using System.Collections.Immutable;
using System.Globalization;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.IO;
using OutreachLsp.Core.Text;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Workspace;

namespace OutreachLsp.Server.Diagnostics;

/// <summary>The diagnostics of one document, ready to send, with a key that changes when they do.</summary>
public sealed record DocumentDiagnostics(string Id, string Uri, int? Version, IReadOnlyList<Diagnostic> Items, string ResultId);

/// <summary>Turns a folder's findings into LSP diagnostics (the uri and text of each document, related locations).</summary>
public static class DiagnosticsBuilder
{
    /// <summary>Every document of the analysis that has a uri: drafts, then config and rule-pack files.</summary>
    public static IEnumerable<DocumentDiagnostics> Build(FolderAnalysis analysis, WorkspaceState workspace, IFileSystem fs)
    {
        var state = analysis.State;
        foreach (var (id, findings) in analysis.Drafts)
        {
            if (!state.Drafts.TryGetValue(id, out var doc)) continue;
            yield return ForDocument(doc, findings, state);
        }
        foreach (var (path, findings) in analysis.ConfigFiles)
        {
            var text = ReadText(path, workspace, fs);
            var open = workspace.Open.TryGetValue(path, out var o) ? o : null;
            var items = findings.Select(f => ProtocolConversions.ToDiagnostic(f, text, _ => null)).ToList();
            yield return new DocumentDiagnostics(path, open?.Uri ?? DocumentUris.FromPath(path), open?.Version, items, ResultIdOf(items));
        }
    }

    public static DocumentDiagnostics ForDocument(DocumentSnapshot doc, ImmutableArray<Finding> findings, FolderState state)
    {
        var items = new List<Diagnostic>(findings.Length);
        foreach (var f in findings) items.Add(ProtocolConversions.ToDiagnostic(f, doc.Text, related => Resolve(state, related)));
        return new DocumentDiagnostics(doc.Id, doc.Uri, doc.Version, items, ResultIdOf(items));
    }

    private static (string Uri, SourceText Text)? Resolve(FolderState state, string id) =>
        state.Drafts.TryGetValue(id, out var other) ? (other.Uri, other.Text) : null;

    private static SourceText ReadText(string path, WorkspaceState workspace, IFileSystem fs)
    {
        if (workspace.Open.TryGetValue(path, out var open)) return open.Text;
        var bytes = fs.ReadAllBytes(path, out _);
        return new SourceText(bytes is null ? "" : DiskDrafts.Decode(bytes));
    }

    /// <summary>A stable id of a diagnostics list: equal lists give equal ids (FNV-1a over the JSON).</summary>
    public static string ResultIdOf(IReadOnlyList<Diagnostic> items)
    {
        var json = LspJson.Serialize(items);
        ulong hash = 14695981039346656037UL;
        foreach (char c in json)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash.ToString("x16", CultureInfo.InvariantCulture) + "-" + json.Length.ToString(CultureInfo.InvariantCulture);
    }
}
