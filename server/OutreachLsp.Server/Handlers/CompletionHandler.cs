using System.Globalization;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Templates;
using OutreachLsp.Core.Text;
using OutreachLsp.Server.Features;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Workspace;
using LspTextEdit = OutreachLsp.Server.Protocol.TextEdit;

namespace OutreachLsp.Server.Handlers;

/// <summary>
/// textDocument/completion. In the front matter: keys not yet present, and the allowed values of the
/// key on the line. In the body: a whole email per template type (a snippet with tab stops, rendered
/// with the profile and the draft's front matter) in an empty body or at the start of a line, and
/// the profile's values (name, AAMC ID, ...).
/// </summary>
public sealed class CompletionHandler
{
    private readonly ServerContext _context;

    public CompletionHandler(ServerContext context) => _context = context;

    public CompletionList Handle(WorkspaceState state, CompletionParams request, CancellationToken cancellationToken)
    {
        var empty = new CompletionList { Items = [] };
        if (state.FindDraft(request.TextDocument.Uri) is not ({ } doc, { } folder)) return empty;
        var text = doc.Text.Text;
        int offset = ProtocolConversions.ToOffset(doc.Text, request.Position);
        var lines = doc.Text.Lines;
        int lineStart = lines.GetLineStart(lines.GetLine(offset));
        string before = text[lineStart..offset];
        var region = FrontMatterRegion.Find(text);

        if (region is not null && offset >= region.OpenFenceEnd && offset <= region.ContentEnd && lineStart >= region.OpenFenceEnd)
            return new CompletionList { Items = FrontMatterItems(doc, folder, before, offset, lineStart) };

        // ":" and " " trigger completion for front-matter values only; typing prose must not pop up lists.
        if (request.Context?.TriggerKind == 2) return empty;
        int bodyStart = region?.End ?? 0;
        if (offset < bodyStart || lineStart < bodyStart) return empty;
        var items = new List<CompletionItem>();
        // Empty body: nothing but the word being typed. Line start: only a single word typed on the line.
        bool bodyEmpty = string.IsNullOrWhiteSpace(text[bodyStart..lineStart]) && string.IsNullOrWhiteSpace(text[offset..]);
        string word = before.TrimStart();
        bool atLineStart = word.Length <= 24 && word.All(c => char.IsLetterOrDigit(c) || c is '-' or ':');
        if (bodyEmpty || atLineStart)
        {
            int replaceStart = lineStart + (before.Length - before.TrimStart().Length);
            items.AddRange(TemplateItems(doc, folder, region is not null, new TextSpan(replaceStart, offset - replaceStart), cancellationToken));
        }
        items.AddRange(ProfileItems(folder.Config.Profile));
        return new CompletionList { Items = items };
    }

    private List<CompletionItem> FrontMatterItems(DocumentSnapshot doc, FolderState folder, string before, int offset, int lineStart)
    {
        var items = new List<CompletionItem>();
        var trimmed = before.TrimStart();
        int colon = trimmed.IndexOf(':');
        if (colon < 0)
        {
            // Typing a key: offer the keys the draft does not have yet.
            var present = PresentKeys(doc.Text.Text);
            int start = lineStart + (before.Length - trimmed.Length);
            var range = ProtocolConversions.ToRange(doc.Text, TextSpan.FromBounds(start, offset));
            int order = 0;
            foreach (var key in FrontMatterSchema.Keys)
            {
                order++;
                if (present.Contains(key.Name)) continue;
                items.Add(new CompletionItem
                {
                    Label = key.Name,
                    Kind = CompletionItemKind.Property,
                    Detail = key.Values.Count > 0 ? string.Join(" | ", key.Values) : key.IsDate ? "YYYY-MM-DD" : null,
                    Documentation = new MarkupContent(MarkupContent.Markdown, FrontMatterSchema.Describe(key)),
                    SortText = order.ToString("D3", CultureInfo.InvariantCulture),
                    TextEdit = new LspTextEdit(range, key.Name + ": "),
                });
            }
            return items;
        }

        string name = trimmed[..colon].Trim();
        if (FrontMatterSchema.Get(name) is not { } schema) return items;
        int valueStart = lineStart + (before.Length - trimmed.Length) + colon + 1;
        while (valueStart < offset && doc.Text.Text[valueStart] is ' ' or '\t') valueStart++;
        var valueRange = ProtocolConversions.ToRange(doc.Text, TextSpan.FromBounds(valueStart, offset));
        foreach (var (value, detail, preselect) in ValuesFor(schema, folder, doc))
        {
            items.Add(new CompletionItem
            {
                Label = value,
                Kind = CompletionItemKind.EnumMember,
                Detail = detail,
                Preselect = preselect ? true : null,
                TextEdit = new LspTextEdit(valueRange, value),
            });
        }
        return items;
    }

    private IEnumerable<(string Value, string? Detail, bool Preselect)> ValuesFor(FrontMatterKey key, FolderState folder, DocumentSnapshot doc)
    {
        var profile = folder.Config.Profile;
        string? fromProfile = key.Name switch
        {
            "visa" => profile.Visa,
            "step3" => profile.Step3,
            "ecfmg_certified" => profile.EcfmgCertified is { } b ? (b ? "true" : "false") : null,
            "specialty" => profile.Specialty,
            "from" => profile.Name is { } n ? (profile.Degree is { } d ? $"{n}, {d}" : n) : null,
            _ => null,
        };
        foreach (var v in key.Values)
            yield return (v, null, fromProfile is not null && string.Equals(v, fromProfile, StringComparison.OrdinalIgnoreCase));
        if (key.Values.Count == 0 && fromProfile is not null) yield return (fromProfile, "from your profile", true);
        if (key.IsDate) yield return (_context.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "today", false);
        if (key.Name == "match_year")
            foreach (var year in folder.Config.Calendars.Keys.OrderByDescending(y => y)) yield return (year.ToString(CultureInfo.InvariantCulture), "Match calendar known", false);
        if (key.Name is "program" or "institution" or "to" or "to_name")
        {
            // The same program's other drafts already spell it: offer those spellings.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var other in folder.Drafts.Values)
            {
                if (other.Id == doc.Id) continue;
                var meta = other.Draft.Meta;
                string? value = key.Name switch { "program" => meta.Program, "institution" => meta.Institution, "to" => meta.To, _ => meta.ToName };
                if (!string.IsNullOrWhiteSpace(value) && seen.Add(value)) yield return (value, "used in another draft", false);
            }
        }
    }

    private static HashSet<string> PresentKeys(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var region = FrontMatterRegion.Find(text);
        if (region is null) return set;
        foreach (var line in text[region.OpenFenceEnd..region.ContentEnd].Split('\n'))
        {
            if (line.Length == 0 || line[0] is ' ' or '\t' or '#' or '-') continue;
            int colon = line.IndexOf(':');
            if (colon > 0) set.Add(line[..colon].Trim());
        }
        return set;
    }

    private IEnumerable<CompletionItem> TemplateItems(DocumentSnapshot doc, FolderState folder, bool hasFrontMatter, TextSpan replace, CancellationToken cancellationToken)
    {
        var renderer = TemplateRenderer.Default;
        var model = ModelFor(doc.Draft.Meta, folder.Config);
        bool snippet = _context.SupportsSnippets;
        var range = ProtocolConversions.ToRange(doc.Text, replace);
        int order = 0;
        foreach (var template in renderer.Catalog.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            order++;
            var result = snippet ? renderer.RenderSnippet(template.Type, model, cancellationToken) : renderer.Render(template.Type, model, cancellationToken);
            if (!result.Success || result.Text is null)
            {
                _context.Log.Warning($"Template '{template.Type}' did not render: {string.Join("; ", result.Errors)}");
                continue;
            }
            string insert = hasFrontMatter ? StripFrontMatter(result.Text) : result.Text;
            string eol = TextFacts.LineEnding(doc.Text.Text);
            if (eol != "\n") insert = insert.Replace("\n", eol);
            yield return new CompletionItem
            {
                Label = $"Outreach: {template.Type} email",
                Kind = CompletionItemKind.Snippet,
                Detail = template.Title,
                Documentation = string.IsNullOrEmpty(template.Description) ? null : new MarkupContent(MarkupContent.Markdown, template.Description),
                FilterText = $"outreach {template.Type} {template.Title}",
                SortText = "0" + order.ToString("D3", CultureInfo.InvariantCulture),
                InsertTextFormat = snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
                TextEdit = new LspTextEdit(range, insert),
            };
        }
    }

    /// <summary>The draft part of a rendered template: a draft that has front matter keeps its own.</summary>
    internal static string StripFrontMatter(string rendered)
    {
        var region = FrontMatterRegion.Find(rendered);
        if (region?.CloseFenceStart is null) return rendered;
        return rendered[region.End..].TrimStart('\r', '\n');
    }

    internal static TemplateModel ModelFor(FrontMatter meta, WorkspaceConfig config)
    {
        int? year = meta.MatchYear ?? (meta.SendDate is { } sent ? config.MatchYearFor(sent) : config.DefaultMatchYear);
        return new TemplateModel
        {
            Profile = config.Profile,
            Program = meta.Program,
            Institution = meta.Institution,
            To = meta.To,
            ToName = meta.ToName,
            ToRole = meta.ToRole,
            Nrmp = meta.Nrmp switch { NrmpStatus.True => true, NrmpStatus.False => false, _ => null },
            ProgramVisa = meta.ProgramVisa,
            MatchYear = year,
            SendDate = meta.SendDate,
            InterviewDate = meta.InterviewDate,
            Calendar = year is { } y ? config.GetCalendar(y) : null,
        };
    }

    private static IEnumerable<CompletionItem> ProfileItems(ApplicantProfile profile)
    {
        var values = new List<(string Label, string? Value)>
        {
            ("name", profile.Degree is { } degree && profile.Name is { } name ? $"{name}, {degree}" : profile.Name),
            ("AAMC ID", profile.AamcId is { } id ? $"AAMC ID: {id}" : null),
            ("email", profile.Email),
            ("phone", profile.Phone),
            ("school", profile.School),
        };
        foreach (var (label, value) in values)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            yield return new CompletionItem
            {
                Label = value,
                Kind = CompletionItemKind.Value,
                Detail = $"Profile: {label}",
                SortText = "1" + label,
                InsertText = value,
                InsertTextFormat = InsertTextFormat.PlainText,
            };
        }
    }
}
