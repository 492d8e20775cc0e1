using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Server.Workspace;

/// <summary>
/// One version of one document: an open buffer (with the client's uri and version) or a file read
/// from disk. Immutable; the draft is parsed on first use, so a burst of keystrokes parses only the
/// version that is finally analysed.
/// </summary>
public sealed class DocumentSnapshot
{
    private readonly Lazy<Draft> _draft;

    // The newest earlier version whose draft was parsed: a new version's sentence analysis reuses its
    // unchanged paragraphs (Draft.ReuseAnalysisOf). At most one earlier draft is kept per document.
    private readonly Draft? _basis;

    private DocumentSnapshot(string uri, string id, int? version, SourceText text, bool isOpen, Lazy<Draft> draft, string languageId = "markdown", Draft? basis = null)
    {
        _basis = basis;
        LanguageId = languageId;
        Uri = uri;
        Id = id;
        Version = version;
        Text = text;
        IsOpen = isOpen;
        _draft = draft;
    }

    /// <summary>The uri exactly as the client wrote it (clients compare uris as strings).</summary>
    public string Uri { get; }

    /// <summary>The engine's document id (<see cref="DocumentUris.ToId"/>).</summary>
    public string Id { get; }

    /// <summary>The client's version for open buffers; null for files read from disk.</summary>
    public int? Version { get; }

    public SourceText Text { get; }

    public bool IsOpen { get; }

    public string LanguageId { get; }

    /// <summary>
    /// True for documents the engine lints: Markdown files, and buffers without a file (untitled:)
    /// that the client says are Markdown.
    /// </summary>
    public bool IsDraft => DocumentUris.TryGetPath(Uri, out var path)
        ? DocumentUris.IsDraftPath(path) || (string.Equals(LanguageId, "markdown", StringComparison.OrdinalIgnoreCase) && !DocumentUris.IsYamlPath(path) && Path.GetExtension(path).Length == 0)
        : string.Equals(LanguageId, "markdown", StringComparison.OrdinalIgnoreCase);

    public Draft Draft => _draft.Value;

    public bool IsParsed => _draft.IsValueCreated;

    public static DocumentSnapshot Open(string uri, int version, string text, string languageId)
    {
        string id = DocumentUris.ToId(uri);
        var source = new SourceText(text);
        return new DocumentSnapshot(uri, id, version, source, true, new Lazy<Draft>(() => DraftParser.Parse(id, text)), languageId);
    }

    /// <summary>A draft the disk loader already parsed.</summary>
    public static DocumentSnapshot FromDisk(Draft draft) =>
        new(DocumentUris.FromId(draft.DocumentId), draft.DocumentId, null, draft.Source, false, new Lazy<Draft>(draft));

    public static DocumentSnapshot FromDiskText(string path, string text) =>
        new(DocumentUris.FromPath(path), path, null, new SourceText(text), false, new Lazy<Draft>(() => DraftParser.Parse(path, text)));

    /// <summary>The same document with new text and version.</summary>
    public DocumentSnapshot WithText(int version, string text)
    {
        string id = Id;
        var basis = IsParsed ? Draft : _basis;
        var draft = new Lazy<Draft>(() =>
        {
            var parsed = DraftParser.Parse(id, text);
            parsed.ReuseAnalysisOf(basis);
            return parsed;
        });
        return new DocumentSnapshot(Uri, id, version, new SourceText(text), IsOpen, draft, LanguageId, basis);
    }

    /// <summary>This open buffer as the saved file it now equals.</summary>
    public DocumentSnapshot AsSaved() => new(DocumentUris.FromId(Id), Id, null, Text, false, _draft);
}
