using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;
using YamlDotNet.RepresentationModel;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// kind: metadata. Fires on the draft's metadata alone (dates against the Match calendar, type
/// against program policy). The rule's <c>when</c> must hold; then the first of its <c>cases</c>
/// that holds decides severity and message (no cases: fire with the rule's own). The finding sits on
/// the front-matter value named by <c>locate</c> (default: type), else on the first line of the body.
/// </summary>
public sealed class MetadataRule : PackRule
{
    private readonly ImmutableArray<Case> _cases;
    private readonly ImmutableArray<string> _locate;

    private MetadataRule(RuleCommon common, ImmutableArray<Case> cases, ImmutableArray<string> locate) : base(common)
    {
        _cases = cases;
        _locate = locate;
    }

    private sealed record Case(ConditionSet When, Severity? Severity, string? Message);

    public static Rule? Create(RuleCommon common, RuleYaml yaml)
    {
        var cases = ImmutableArray.CreateBuilder<Case>();
        var seq = yaml.GetSequence("cases");
        if (seq is not null)
        {
            foreach (var item in seq.Children)
            {
                if (item is not YamlMappingNode m) { yaml.Error(item, "each case is {when: [...], severity, message}"); continue; }
                var entry = yaml.Nested(m);
                var when = ConditionSet.Read(entry, "when");
                var severity = RuleLoader.ReadSeverity(entry, "severity", required: false);
                var message = entry.GetString("message");
                entry.ReportUnknownKeys();
                cases.Add(new Case(when, severity, message));
            }
        }
        var locate = yaml.GetStrings("locate").Select(l => l.Value).ToImmutableArray();
        if (common.When.Conditions.IsEmpty && cases.Count == 0) yaml.Error(yaml.Node, "a metadata rule needs 'when' conditions or 'cases'");
        return new MetadataRule(common, cases.ToImmutable(), locate.IsEmpty ? ["type"] : locate);
    }

    public override void CheckDocument(DocumentContext context, FindingSink sink)
    {
        if (!Applies(context)) return;
        var facts = context.Facts;
        Severity severity = SeverityFor(context);
        string? message = null;
        if (!_cases.IsEmpty)
        {
            var hit = _cases.FirstOrDefault(c => (!c.When.UsesCalendar || facts.Calendar is not null) && c.When.Holds(facts));
            if (hit is null) return;
            severity = hit.Severity ?? severity;
            message = hit.Message;
        }
        sink.Report(context.Draft.DocumentId, Locate(context), message is null ? null : Placeholders.Fill(message, context), severity);
    }

    private TextSpan Locate(DocumentContext context) => KindText.LocateOnFields(context.Draft, [.. _locate]);
}

/// <summary>Where to put a finding that belongs to the whole body.</summary>
public static class BodyLocator
{
    public static TextSpan FirstLine(Drafts.Draft draft)
    {
        var text = draft.Text;
        int start = Math.Min(draft.BodySpan.Start, text.Length);
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        int end = start;
        while (end < text.Length && text[end] is not ('\n' or '\r')) end++;
        return TextSpan.FromBounds(start, end);
    }
}
