using System.Collections.Immutable;
using System.Globalization;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;
using OutreachLsp.Server.Features;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Workspace;
using LspTextEdit = OutreachLsp.Server.Protocol.TextEdit;

namespace OutreachLsp.Server.Handlers;

/// <summary>
/// textDocument/codeAction. Actions come from the server's own analysis of the document as it is
/// now: findings whose span touches the requested range. The diagnostics the client echoes back in
/// <c>context.diagnostics</c> are never used for edits (Neovim 0.7 puts byte columns there, and an
/// edit built from them corrupts lines with non-ASCII text).
/// </summary>
public sealed class CodeActionHandler
{
    /// <summary>Findings about a missing front-matter field, by rule id, and the fields that resolve them.</summary>
    private static readonly Dictionary<string, string[]> MissingFieldRules = new(StringComparer.Ordinal)
    {
        ["nrmp-status-unknown"] = ["nrmp"],
        ["prematch-request-nrmp"] = ["nrmp"],
        ["intent-without-visa-confirmation"] = ["program_visa"],
        ["thank-you-timing"] = ["interview_date", "send_date"],
        ["salutation-name-mismatch"] = ["to_name"],
        ["program-name-mismatch"] = ["program", "aliases"],
        ["calendar"] = ["match_year"],
    };

    private readonly ServerContext _context;

    public CodeActionHandler(ServerContext context) => _context = context;

    public IReadOnlyList<CodeAction> Handle(WorkspaceState state, CodeActionParams request, CancellationToken cancellationToken)
    {
        if (state.FindDraft(request.TextDocument.Uri) is not ({ } doc, { } folder)) return [];
        var only = request.Context.Only;
        bool wantQuickFix = Wants(only, CodeActionKind.QuickFix);
        bool wantFixAll = Wants(only, CodeActionKind.SourceFixAllOutreach);
        if (!wantQuickFix && !wantFixAll) return [];

        var findings = _context.Analysis.AnalyzeDocument(folder, doc.Id, cancellationToken);
        var range = ProtocolConversions.ToSpan(doc.Text, request.Range);
        var actions = new List<CodeAction>();
        if (wantQuickFix)
        {
            foreach (var finding in findings)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!finding.Span.IntersectsWith(range)) continue;
                var diagnostic = DiagnosticsOf(finding, doc, folder);
                foreach (var fix in finding.Fixes)
                {
                    if (!EditsFit(fix.Edits, doc.Text.Length)) continue;
                    actions.Add(new CodeAction
                    {
                        Title = fix.Title,
                        Kind = CodeActionKind.QuickFix,
                        Diagnostics = [diagnostic],
                        IsPreferred = fix.IsPreferred ? true : null,
                        Edit = _context.EditOf(doc, fix.Edits.Select(e => ProtocolConversions.ToTextEdit(doc.Text, e)).ToList()),
                    });
                }
                actions.AddRange(AddMissingFieldActions(finding, doc, diagnostic));
                if (DisableForLine(finding, doc, diagnostic) is { } disable) actions.Add(disable);
            }
        }
        if (wantFixAll && FixAll(findings, doc) is { } fixAll) actions.Add(fixAll);
        return actions;
    }

    /// <summary>LSP kind filtering: <c>only: ["source"]</c> asks for "source" and every "source.*" kind.</summary>
    private static bool Wants(IReadOnlyList<string>? only, string kind) =>
        only is null || only.Count == 0 || only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));

    private static bool EditsFit(ImmutableArray<Core.Text.TextEdit> edits, int length) =>
        !edits.IsDefaultOrEmpty && edits.All(e => e.Span.Start >= 0 && e.Span.End <= length);

    private static Diagnostic DiagnosticsOf(Finding finding, DocumentSnapshot doc, FolderState folder) =>
        ProtocolConversions.ToDiagnostic(finding, doc.Text, id => folder.Drafts.TryGetValue(id, out var other) ? (other.Uri, other.Text) : null);

    /// <summary>"Disable rule for this line": the control comment on its own line above, indented like the line.</summary>
    private CodeAction? DisableForLine(Finding finding, DocumentSnapshot doc, Diagnostic diagnostic)
    {
        if (finding.RuleId is WellKnownRuleIds.Input or WellKnownRuleIds.FrontMatter or WellKnownRuleIds.Config or WellKnownRuleIds.RulePack) return null;
        var text = doc.Text.Text;
        // An HTML comment inside the YAML block would break the front matter.
        var region = FrontMatterRegion.Find(text);
        if (region is not null && finding.Span.Start < region.End) return null;
        var lines = doc.Text.Lines;
        int lineStart = lines.GetLineStart(lines.GetLine(finding.Span.Start));
        string insert = TextFacts.Indentation(text, lineStart) + $"<!-- outreach-disable-next-line {finding.RuleId} -->" + TextFacts.LineEnding(text);
        var edit = new LspTextEdit(ProtocolConversions.ToRange(doc.Text, new TextSpan(lineStart, 0)), insert);
        return new CodeAction
        {
            Title = $"Disable {finding.RuleId} for this line",
            Kind = CodeActionKind.QuickFix,
            Diagnostics = [diagnostic],
            Edit = _context.EditOf(doc, [edit]),
        };
    }

    /// <summary>For a finding about a missing front-matter field: add the field (one action per allowed value).</summary>
    private IEnumerable<CodeAction> AddMissingFieldActions(Finding finding, DocumentSnapshot doc, Diagnostic diagnostic)
    {
        var present = doc.Draft.Meta.Fields;
        var keys = new List<string>();
        if (MissingFieldRules.TryGetValue(finding.RuleId, out var mapped)) keys.AddRange(mapped);
        // Messages that name a field ("set `nrmp:` in the front matter") point at it too.
        foreach (var key in FrontMatterSchema.Keys)
        {
            if (finding.Message.Contains("`" + key.Name + "`", StringComparison.Ordinal) || finding.Message.Contains(key.Name + ":", StringComparison.Ordinal))
                keys.Add(key.Name);
        }
        foreach (var name in keys.Distinct(StringComparer.Ordinal))
        {
            if (present.ContainsKey(name) || FrontMatterSchema.Get(name) is not { } key) continue;
            IEnumerable<string> values = key.Values.Count > 0 ? key.Values.Take(4)
                : key.IsDate ? [_context.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]
                : name == "match_year" ? [_context.Today() is var t && t.Month >= 7 ? (t.Year + 1).ToString(CultureInfo.InvariantCulture) : t.Year.ToString(CultureInfo.InvariantCulture)]
                : [];
            foreach (var value in values)
            {
                yield return new CodeAction
                {
                    Title = $"Add '{name}: {value}' to the front matter",
                    Kind = CodeActionKind.QuickFix,
                    Diagnostics = [diagnostic],
                    Edit = _context.EditOf(doc, [InsertField(doc, name, value)]),
                };
            }
        }
    }

    /// <summary>Inserts "name: value" as the last line of the front matter, creating the block when there is none.</summary>
    internal static LspTextEdit InsertField(DocumentSnapshot doc, string name, string value)
    {
        var text = doc.Text.Text;
        string eol = TextFacts.LineEnding(text);
        var region = FrontMatterRegion.Find(text);
        if (region is null)
            return new LspTextEdit(ProtocolConversions.ToRange(doc.Text, new TextSpan(0, 0)), $"---{eol}{name}: {value}{eol}---{eol}");
        int at = region.CloseFenceStart ?? region.ContentEnd;
        string prefix = at > 0 && text[at - 1] is not ('\n' or '\r') ? eol : "";
        string suffix = region.CloseFenceStart is null ? "---" + eol : "";
        return new LspTextEdit(ProtocolConversions.ToRange(doc.Text, new TextSpan(at, 0)), $"{prefix}{name}: {value}{eol}{suffix}");
    }

    /// <summary>source.fixAll.outreach: every safe fix, the preferred one per finding, without overlaps.</summary>
    private CodeAction? FixAll(ImmutableArray<Finding> findings, DocumentSnapshot doc)
    {
        var chosen = new List<Core.Text.TextEdit>();
        foreach (var finding in findings)
        {
            var fix = finding.Fixes.Where(f => f.IsSafe && EditsFit(f.Edits, doc.Text.Length)).OrderByDescending(f => f.IsPreferred).FirstOrDefault();
            if (fix is null) continue;
            if (fix.Edits.Any(e => chosen.Any(c => c.Span.OverlapsWith(e.Span) || (c.Span.Start == e.Span.Start && (c.Span.IsEmpty || e.Span.IsEmpty))))) continue;
            chosen.AddRange(fix.Edits);
        }
        if (chosen.Count == 0) return null;
        chosen.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new CodeAction
        {
            Title = "Fix all safe Outreach problems",
            Kind = CodeActionKind.SourceFixAllOutreach,
            Edit = _context.EditOf(doc, chosen.Select(e => ProtocolConversions.ToTextEdit(doc.Text, e)).ToList()),
        };
    }
}
