using OutreachLsp.Server.Diagnostics;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Workspace;

namespace OutreachLsp.Server.Handlers;

/// <summary>
/// Pull diagnostics: textDocument/diagnostic and workspace/diagnostic. Result ids are hashes of the
/// diagnostics, so an unchanged document answers "unchanged" whatever happened in between.
/// </summary>
public sealed class DiagnosticRequestHandler
{
    private readonly ServerContext _context;

    public DiagnosticRequestHandler(ServerContext context) => _context = context;

    public DocumentDiagnosticReport HandleDocument(WorkspaceState state, DocumentDiagnosticParams request, CancellationToken cancellationToken)
    {
        var uri = request.TextDocument.Uri;
        DocumentDiagnostics? result = null;
        if (state.FindDraft(uri) is ({ } doc, { } folder))
        {
            var findings = _context.Analysis.AnalyzeDocument(folder, doc.Id, cancellationToken);
            result = DiagnosticsBuilder.ForDocument(doc, findings, folder);
        }
        else
        {
            // A config or rule-pack file shows its own problems.
            var id = DocumentUris.ToId(uri);
            var folderOfFile = state.FolderFor(id);
            var analysis = _context.Analysis.Analyze(folderOfFile, cancellationToken);
            result = DiagnosticsBuilder.Build(analysis, state, _context.Workspace.FileSystemFor(state)).FirstOrDefault(d => d.Id == id);
        }
        if (result is null) return new DocumentDiagnosticReport { Kind = DocumentDiagnosticReport.Full, ResultId = DiagnosticsBuilder.ResultIdOf([]), Items = [] };
        if (request.PreviousResultId == result.ResultId) return new DocumentDiagnosticReport { Kind = DocumentDiagnosticReport.Unchanged, ResultId = result.ResultId };
        return new DocumentDiagnosticReport { Kind = DocumentDiagnosticReport.Full, ResultId = result.ResultId, Items = result.Items };
    }

    public WorkspaceDiagnosticReport HandleWorkspace(WorkspaceState state, WorkspaceDiagnosticParams request, CancellationToken cancellationToken)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in request.PreviousResultIds) previous[DocumentUris.ToId(p.Uri)] = p.Value;
        var fs = _context.Workspace.FileSystemFor(state);
        var items = new List<WorkspaceDocumentDiagnosticReport>();
        foreach (var folder in state.AllFolders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (folder.Drafts.IsEmpty && folder.RootPath is null) continue;
            var analysis = _context.Analysis.Analyze(folder, cancellationToken);
            foreach (var doc in DiagnosticsBuilder.Build(analysis, state, fs))
            {
                bool unchanged = previous.TryGetValue(doc.Id, out var before) && before == doc.ResultId;
                items.Add(new WorkspaceDocumentDiagnosticReport
                {
                    Kind = unchanged ? DocumentDiagnosticReport.Unchanged : DocumentDiagnosticReport.Full,
                    ResultId = doc.ResultId,
                    Items = unchanged ? null : doc.Items,
                    Uri = doc.Uri,
                    Version = doc.Version,
                });
            }
        }
        return new WorkspaceDiagnosticReport(items);
    }
}
