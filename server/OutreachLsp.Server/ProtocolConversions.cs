using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;
using OutreachLsp.Server.Protocol;
using CoreTextEdit = OutreachLsp.Core.Text.TextEdit;
using LspRange = OutreachLsp.Server.Protocol.Range;
using LspTextEdit = OutreachLsp.Server.Protocol.TextEdit;

namespace OutreachLsp.Server;

/// <summary>
/// The one place where engine offsets (UTF-16 code units into the unmodified text) meet LSP
/// positions. Every conversion goes through <see cref="LineIndex"/>, so lines end exactly where
/// the engine says (\n, \r\n, lone \r) and characters are UTF-16 code units, the encoding the server
/// announces.
/// </summary>
public static class ProtocolConversions
{
    public const string DiagnosticSource = "outreach";

    public static Position ToPosition(SourceText text, int offset)
    {
        var p = text.GetPosition(offset);
        return new Position(p.Line, p.Character);
    }

    public static LspRange ToRange(SourceText text, TextSpan span)
    {
        int start = Math.Clamp(span.Start, 0, text.Length);
        int end = Math.Clamp(span.End, start, text.Length);
        return new LspRange(ToPosition(text, start), ToPosition(text, end));
    }

    /// <summary>An LSP position as an offset; out-of-range positions are clamped as the spec asks.</summary>
    public static int ToOffset(SourceText text, Position position)
    {
        int offset = text.GetOffset(new LinePosition(position.Line, position.Character));
        // A position between the two halves of a surrogate pair is a client bug; never split the pair.
        if (offset > 0 && offset < text.Length && char.IsLowSurrogate(text.Text[offset]) && char.IsHighSurrogate(text.Text[offset - 1])) offset--;
        return offset;
    }

    /// <summary>A range as a span; a reversed range is normalised rather than rejected.</summary>
    public static TextSpan ToSpan(SourceText text, LspRange range)
    {
        int a = ToOffset(text, range.Start);
        int b = ToOffset(text, range.End);
        return a <= b ? TextSpan.FromBounds(a, b) : TextSpan.FromBounds(b, a);
    }

    public static LspTextEdit ToTextEdit(SourceText text, CoreTextEdit edit) => new(ToRange(text, edit.Span), edit.NewText);

    public static int ToLspSeverity(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Information,
    };

    /// <summary>
    /// A finding as a diagnostic. <paramref name="resolve"/> finds the text and uri of another draft
    /// for related locations (workspace rules); related locations it cannot resolve are left out.
    /// </summary>
    public static Diagnostic ToDiagnostic(Finding finding, SourceText text, Func<string, (string Uri, SourceText Text)?> resolve)
    {
        List<DiagnosticRelatedInformation>? related = null;
        foreach (var r in finding.Related)
        {
            if (resolve(r.DocumentId) is not { } target) continue;
            related ??= [];
            related.Add(new DiagnosticRelatedInformation(new Location(target.Uri, ToRange(target.Text, r.Span)), r.Message));
        }
        return new Diagnostic
        {
            Range = ToRange(text, finding.Span),
            Severity = ToLspSeverity(finding.Severity),
            Code = finding.RuleId,
            CodeDescription = finding.HelpUri is { } href && Uri.TryCreate(href, UriKind.Absolute, out _) ? new CodeDescription(href) : null,
            Source = DiagnosticSource,
            Message = finding.Message,
            RelatedInformation = related,
        };
    }
}
