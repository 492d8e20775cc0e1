using OutreachLsp.Server.Diagnostics;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Workspace;

namespace OutreachLsp.Server.Handlers;

/// <summary>The long-lived services every handler may use.</summary>
public sealed class ServerContext
{
    public ServerContext(ServerWorkspace workspace, AnalysisService analysis, ServerLog log)
    {
        Workspace = workspace;
        Analysis = analysis;
        Log = log;
    }

    public ServerWorkspace Workspace { get; }

    public AnalysisService Analysis { get; }

    public ServerLog Log { get; }

    /// <summary>What the client said it can do (set by initialize).</summary>
    public ClientCapabilities Capabilities { get; set; } = new();

    /// <summary>Requests and notifications to the client.</summary>
    public ILspClient Client { get; set; } = NullClient.Instance;

    /// <summary>Today, for dates offered in completion and fixes; replaceable in tests.</summary>
    public Func<DateOnly> Today { get; set; } = () => DateOnly.FromDateTime(DateTime.Now);

    public bool SupportsDocumentChanges => Capabilities.Workspace?.WorkspaceEdit?.DocumentChanges == true;

    public bool SupportsCreateFile => SupportsDocumentChanges && (Capabilities.Workspace?.WorkspaceEdit?.ResourceOperations?.Contains("create") ?? false);

    public bool SupportsSnippets => Capabilities.TextDocument?.Completion?.CompletionItem?.SnippetSupport == true;

    /// <summary>An edit of one document, in the form the client understands.</summary>
    public WorkspaceEdit EditOf(DocumentSnapshot document, IReadOnlyList<Protocol.TextEdit> edits) =>
        SupportsDocumentChanges
            ? new WorkspaceEdit { DocumentChanges = [new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier(document.Uri, document.Version), edits)] }
            : new WorkspaceEdit { Changes = new Dictionary<string, IReadOnlyList<Protocol.TextEdit>> { [document.Uri] = edits } };
}

/// <summary>The server's way to talk to the client (requests the server sends, e.g. workspace/applyEdit).</summary>
public interface ILspClient
{
    Task<TResult> RequestAsync<TResult>(string method, object? parameters, CancellationToken cancellationToken);

    Task NotifyAsync(string method, object? parameters);
}

internal sealed class NullClient : ILspClient
{
    public static readonly NullClient Instance = new();

    public Task<TResult> RequestAsync<TResult>(string method, object? parameters, CancellationToken cancellationToken) =>
        Task.FromException<TResult>(new InvalidOperationException("No client connection."));

    public Task NotifyAsync(string method, object? parameters) => Task.CompletedTask;
}
