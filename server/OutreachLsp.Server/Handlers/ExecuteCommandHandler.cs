using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Markdig;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Templates;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Transport;
using OutreachLsp.Server.Workspace;

namespace OutreachLsp.Server.Handlers;

/// <summary>
/// workspace/executeCommand: <c>outreach.newDraft</c>, <c>outreach.copyAsEmail</c>,
/// <c>outreach.communicationPlan</c>. Arguments and results are the JSON records of
/// <see cref="OutreachCommandIds"/>.
/// </summary>
public sealed partial class ExecuteCommandHandler
{
    private static readonly MarkdownPipeline EmailPipeline = new MarkdownPipelineBuilder().Build();

    private readonly ServerContext _context;

    public ExecuteCommandHandler(ServerContext context) => _context = context;

    public async Task<object?> HandleAsync(WorkspaceState state, ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        var args = request.Arguments ?? [];
        JsonElement? first = args.Count > 0 ? args[0] : null;
        switch (request.Command)
        {
            case OutreachCommandIds.NewDraft:
                return await NewDraftAsync(state, Read<NewDraftArguments>(first) ?? new(), cancellationToken).ConfigureAwait(false);
            case OutreachCommandIds.CopyAsEmail:
                return CopyAsEmail(state, Read<DocumentArguments>(first) ?? new(), cancellationToken);
            case OutreachCommandIds.CommunicationPlan:
                return CommunicationPlan(state, Read<NewDraftArguments>(first)?.FolderUri, cancellationToken);
            default:
                throw new LspException(LspErrorCodes.InvalidParams, $"Unknown command '{request.Command}'. Known: {string.Join(", ", OutreachCommandIds.All)}.");
        }
    }

    private static T? Read<T>(JsonElement? element) where T : class
    {
        if (element is not { ValueKind: JsonValueKind.Object } e) return null;
        try
        {
            return LspJson.Deserialize<T>(e);
        }
        catch (JsonException ex)
        {
            throw new LspException(LspErrorCodes.InvalidParams, "Bad command arguments: " + ex.Message);
        }
    }

    private async Task<NewDraftResult> NewDraftAsync(WorkspaceState state, NewDraftArguments args, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(args.Type)) throw new LspException(LspErrorCodes.InvalidParams, "outreach.newDraft needs a 'type'.");
        var renderer = TemplateRenderer.Default;
        if (renderer.Catalog.Get(args.Type) is null)
            throw new LspException(LspErrorCodes.InvalidParams, $"No template for type '{args.Type}'. Known: {string.Join(", ", renderer.Catalog.Types)}.");

        // The draft goes into folderUri when given (any folder, e.g. a sub-folder per program), else
        // into the first workspace folder; its config comes from the workspace folder containing it.
        string? directory = null;
        FolderState folder;
        if (args.FolderUri is { } folderUri && DocumentUris.TryGetPath(folderUri, out var folderPath))
        {
            directory = folderPath;
            folder = state.FolderFor(Path.Combine(folderPath, "draft.md"));
        }
        else
        {
            folder = state.Folders.FirstOrDefault() ?? state.Loose;
            directory = folder.RootPath;
        }
        if (directory is null) throw new LspException(LspErrorCodes.InvalidParams, "outreach.newDraft needs a workspace folder or a 'folderUri'.");

        var today = _context.Today();
        int year = folder.Config.MatchYearFor(today);
        var model = new TemplateModel
        {
            Profile = folder.Config.Profile,
            Program = string.IsNullOrWhiteSpace(args.Program) ? null : args.Program.Trim(),
            To = args.To is { } to && to.Contains('@') ? to.Trim() : null,
            ToName = args.To is { } name && !name.Contains('@') && !string.IsNullOrWhiteSpace(name) ? name.Trim() : null,
            MatchYear = year,
            Calendar = folder.Config.GetCalendar(year),
            SendDate = today,
        };
        var result = renderer.Render(args.Type, model, cancellationToken);
        if (!result.Success || result.Text is null)
            throw new LspException(LspErrorCodes.RequestFailed, $"The '{args.Type}' template did not render: {string.Join("; ", result.Errors)}");

        string path = UniquePath(directory, $"{Slug(args.Program)}-{Slug(args.Type)}", state);
        string uri = DocumentUris.FromPath(path);
        if (_context.SupportsCreateFile && _context.Capabilities.Workspace?.ApplyEdit == true)
        {
            var edit = new WorkspaceEdit
            {
                DocumentChanges =
                [
                    new CreateFile { Uri = uri, Options = new CreateFileOptions { Overwrite = false, IgnoreIfExists = false } },
                    new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier(uri, null),
                        [new Protocol.TextEdit(new Protocol.Range(new Position(0, 0), new Position(0, 0)), result.Text)]),
                ],
            };
            var applied = await _context.Client.RequestAsync<ApplyWorkspaceEditResult>("workspace/applyEdit",
                new ApplyWorkspaceEditParams { Label = $"New {args.Type} draft", Edit = edit }, cancellationToken).ConfigureAwait(false);
            if (applied is null || !applied.Applied)
                throw new LspException(LspErrorCodes.RequestFailed, "The editor did not create the draft" + (applied?.FailureReason is { } why ? ": " + why : "."));
        }
        else
        {
            // A client that cannot create files through an edit: write the file, the editor opens it by uri.
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(path, result.Text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        }
        _context.Log.Info($"Created {path}");
        return new NewDraftResult(uri);
    }

    private static string UniquePath(string directory, string stem, WorkspaceState state)
    {
        for (int i = 1; ; i++)
        {
            string name = i == 1 ? stem + ".md" : $"{stem}-{i}.md";
            string path = Path.GetFullPath(Path.Combine(directory, name));
            if (!File.Exists(path) && !state.Open.ContainsKey(path)) return path;
        }
    }

    internal static string Slug(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "draft";
        var slug = SlugChars().Replace(text.ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 60) slug = slug[..60].TrimEnd('-');
        return slug.Length == 0 ? "draft" : slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugChars();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    private CopyAsEmailResult CopyAsEmail(WorkspaceState state, DocumentArguments args, CancellationToken cancellationToken)
    {
        if (state.FindDraft(args.Uri) is not ({ } doc, { } folder))
            throw new LspException(LspErrorCodes.InvalidParams, $"Not a draft of this workspace: '{args.Uri}'.");
        var findings = _context.Analysis.AnalyzeDocument(folder, doc.Id, cancellationToken);
        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        if (errors.Count > 0)
        {
            var blocking = errors.Select(f => new BlockingFinding(doc.Text.GetPosition(f.Span.Start).Line + 1, f.Message, f.RuleId)).ToList();
            return new CopyAsEmailResult
            {
                Ok = false,
                Message = $"Not copied: {errors.Count} error{(errors.Count == 1 ? "" : "s")} must be fixed first ({string.Join(", ", errors.Select(e => e.RuleId).Distinct())}).",
                Findings = blocking,
            };
        }
        var draft = doc.Draft;
        var body = doc.Text.Text.Substring(draft.BodySpan.Start, Math.Min(draft.BodySpan.Length, doc.Text.Length - draft.BodySpan.Start));
        // Notes to self in HTML comments are never part of the email.
        body = HtmlComment().Replace(body, "");
        body = CollapseBlankLines(body).Trim('\r', '\n', ' ', '\t') + "\n";
        string html = Markdown.ToHtml(body, EmailPipeline);
        return new CopyAsEmailResult { Ok = true, Text = body, Html = html, Subject = draft.Meta.Subject };
    }

    private static string CollapseBlankLines(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var lines = normalized.Split('\n');
        var sb = new StringBuilder(normalized.Length);
        int blank = 0;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                if (++blank > 1) continue;
            }
            else blank = 0;
            sb.Append(line.TrimEnd()).Append('\n');
        }
        return sb.ToString();
    }

    private CommunicationPlan CommunicationPlan(WorkspaceState state, string? folderUri, CancellationToken cancellationToken)
    {
        IEnumerable<FolderState> folders = state.AllFolders;
        if (folderUri is not null && DocumentUris.TryGetPath(folderUri, out var only)) folders = folders.Where(f => f.Key == only);
        var drafts = new List<(string Program, DraftPlan Plan, DateOnly? Sort)>();
        foreach (var folder in folders)
        {
            if (folder.Drafts.IsEmpty) continue;
            var analysis = _context.Analysis.Analyze(folder, cancellationToken);
            foreach (var (id, doc) in folder.Drafts)
            {
                var meta = doc.Draft.Meta;
                var findings = analysis.For(id);
                drafts.Add((meta.Program ?? meta.Institution ?? "(no program)", new DraftPlan
                {
                    Uri = doc.Uri,
                    Type = meta.Type,
                    SendDate = meta.SendDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    InterviewDate = meta.InterviewDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Findings = new FindingCounts(
                        findings.Count(f => f.Severity == Severity.Error),
                        findings.Count(f => f.Severity == Severity.Warning),
                        findings.Count(f => f.Severity == Severity.Info)),
                }, meta.SendDate));
            }
        }
        var programs = drafts
            .GroupBy(d => d.Program, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ProgramPlan(g.First().Program, g.OrderBy(d => d.Sort ?? DateOnly.MaxValue).ThenBy(d => d.Plan.Uri, StringComparer.Ordinal).Select(d => d.Plan).ToList()))
            .ToList();
        return new CommunicationPlan(programs);
    }
}
