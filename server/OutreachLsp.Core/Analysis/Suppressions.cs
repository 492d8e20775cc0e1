using System.Collections.Immutable;
using OutreachLsp.Core.Drafts;

namespace OutreachLsp.Core.Analysis;

/// <summary>
/// In-document control: front matter <c>outreach: {disable: [...]}</c> and the comments
/// <c>outreach-disable</c>, <c>outreach-enable</c>, <c>outreach-disable-next-line</c>.
/// A finding is suppressed by the state in force at the line where it starts.
/// </summary>
internal sealed class Suppressions
{
    private static readonly Suppressions None = new(ImmutableArray<string>.Empty, [], null);

    private readonly ImmutableArray<string> _documentWide;
    private readonly List<(int Offset, ControlDirective Directive)> _ranges;
    private readonly Draft? _draft;

    private Suppressions(ImmutableArray<string> documentWide, List<(int, ControlDirective)> ranges, Draft? draft)
    {
        _documentWide = documentWide;
        _ranges = ranges;
        _draft = draft;
    }

    public static Suppressions For(Draft draft)
    {
        if (draft.Meta.DisabledRules.IsEmpty && draft.Directives.IsEmpty) return None;
        var ranges = draft.Directives.Select(d => (d.Span.Start, d)).OrderBy(t => t.Start).ToList();
        return new Suppressions(draft.Meta.DisabledRules, ranges, draft);
    }

    public bool IsSuppressed(Finding finding)
    {
        if (_draft is null) return false;
        // Input problems are about the file itself and cannot be silenced from inside it.
        if (finding.RuleId is WellKnownRuleIds.Input or WellKnownRuleIds.FrontMatter) return false;
        if (_documentWide.Contains(finding.RuleId) || _documentWide.Contains("all")) return true;
        var lines = _draft.Source.Lines;
        int findingLine = lines.GetLine(finding.Span.Start);
        bool disabled = false;
        foreach (var (offset, directive) in _ranges)
        {
            if (offset > finding.Span.Start) break;
            bool applies = directive.RuleIds.IsEmpty || directive.RuleIds.Contains(finding.RuleId);
            if (!applies) continue;
            switch (directive.Kind)
            {
                case ControlKind.Disable: disabled = true; break;
                case ControlKind.Enable: disabled = false; break;
            }
        }
        if (disabled) return true;
        foreach (var (_, directive) in _ranges)
        {
            if (directive.Kind != ControlKind.DisableNextLine) continue;
            if (!(directive.RuleIds.IsEmpty || directive.RuleIds.Contains(finding.RuleId))) continue;
            int directiveEndLine = lines.GetLine(directive.Span.End);
            if (findingLine == directiveEndLine + 1) return true;
        }
        return false;
    }
}
