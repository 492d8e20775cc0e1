using System.Text;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Rules;
using OutreachLsp.Server.Features;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Workspace;

namespace OutreachLsp.Server.Handlers;

/// <summary>
/// textDocument/hover: on a finding, what is wrong, why (rationale and authorities) and what to
/// write instead; on a front-matter key, its meaning and allowed values.
/// </summary>
public sealed class HoverHandler
{
    private readonly ServerContext _context;

    public HoverHandler(ServerContext context) => _context = context;

    public Hover? Handle(WorkspaceState state, HoverParams request, CancellationToken cancellationToken)
    {
        if (state.FindDraft(request.TextDocument.Uri) is not ({ } doc, { } folder)) return null;
        int offset = ProtocolConversions.ToOffset(doc.Text, request.Position);
        var findings = _context.Analysis.AnalyzeDocument(folder, doc.Id, cancellationToken)
            .Where(f => f.Span.Contains(offset) || (f.Span.IsEmpty && f.Span.Start == offset) || (f.Span.End == offset && f.Span.Length > 0 && offset == doc.Text.Length))
            .ToList();
        if (findings.Count > 0)
        {
            var sb = new StringBuilder();
            foreach (var f in findings)
            {
                if (sb.Length > 0) sb.Append("\n\n---\n\n");
                AppendFinding(sb, f, folder.Engine.Rules.Get(f.RuleId)?.Info);
            }
            var first = findings[0].Span;
            return new Hover
            {
                Contents = new MarkupContent(MarkupContent.Markdown, sb.ToString()),
                Range = ProtocolConversions.ToRange(doc.Text, first),
            };
        }
        return FrontMatterHover(doc, offset);
    }

    internal static void AppendFinding(StringBuilder sb, Finding finding, RuleInfo? info)
    {
        sb.Append("**").Append(finding.RuleId).Append("** · ").Append(finding.Severity.ToString().ToLowerInvariant());
        if (info?.Advisory == true) sb.Append(" (advice)");
        sb.Append("\n\n").Append(finding.Message);
        if (info is null) return;
        if (!string.IsNullOrWhiteSpace(info.Rationale)) sb.Append("\n\n**Why.** ").Append(info.Rationale!.Trim());
        if (!info.Compliant.IsEmpty)
        {
            sb.Append("\n\n**Instead:**\n");
            foreach (var c in info.Compliant) sb.Append("\n- ").Append(c.Trim());
        }
        if (!info.Sources.IsEmpty)
        {
            sb.Append("\n\n**Sources:** ");
            sb.Append(string.Join("; ", info.Sources.Select(s => s.Url is { } url ? $"[{Escape(s.Title)}]({url})" : Escape(s.Title))));
        }
        var help = finding.HelpUri ?? info.HelpUri;
        if (!string.IsNullOrEmpty(help)) sb.Append("\n\n[Rule documentation](").Append(help).Append(')');
    }

    private static string Escape(string text) => text.Replace("[", "\\[").Replace("]", "\\]");

    private static Hover? FrontMatterHover(DocumentSnapshot doc, int offset)
    {
        var text = doc.Text.Text;
        var region = FrontMatterRegion.Find(text);
        if (region is null || !region.ContainsContent(offset)) return null;
        // Prefer the parser's key locations; fall back to the line's "key:" while the block is being written.
        foreach (var field in doc.Draft.Meta.Fields.Values)
        {
            if (field.KeySpan.Contains(offset) || field.ValueSpan.Contains(offset) || field.KeySpan.End == offset)
                return Describe(field.Key, doc, field.KeySpan);
        }
        var lines = doc.Text.Lines;
        int line = lines.GetLine(offset);
        int start = lines.GetLineStart(line);
        int i = start;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        int keyStart = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-')) i++;
        if (i == keyStart || i >= text.Length || text[i] != ':') return null;
        return Describe(text[keyStart..i], doc, Core.Text.TextSpan.FromBounds(keyStart, i));
    }

    private static Hover? Describe(string key, DocumentSnapshot doc, Core.Text.TextSpan span)
    {
        var schema = FrontMatterSchema.Get(key);
        if (schema is null) return null;
        return new Hover
        {
            Contents = new MarkupContent(MarkupContent.Markdown, FrontMatterSchema.Describe(schema)),
            Range = ProtocolConversions.ToRange(doc.Text, span),
        };
    }
}
