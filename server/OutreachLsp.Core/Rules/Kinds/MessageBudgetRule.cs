using System.Collections.Immutable;
using System.Globalization;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// kind: message-budget (workspace). Counts the messages to each program in each match year (see
/// <see cref="ProgramGroups"/>), drafts and sent alike, except the <c>exclude_types</c> (default reply,
/// cancellation), in <c>send_date</c> order (undated drafts last). Fires on (a) the message after
/// the first <c>max_messages</c> (default 4), and (b) a message of one of <c>gap_types</c> sent fewer
/// than <c>min_days</c> (default 7) days after the previous counted message (undated drafts are not
/// checked for (b)). A message that the duplicate-message kind flags (a second thank-you for one
/// interview, <c>duplicate_types</c>) is counted but not reported here. The finding sits on
/// <c>send_date</c> (else <c>type</c>), with related locations at the earlier messages.
///
/// Fields: max_messages, min_days, exclude_types, gap_types, duplicate_types, count_message and
/// gap_message (added to the rule's message; slots {n}, {max}, {days}, {min_days}, {previous}).
/// </summary>
public sealed class MessageBudgetRule : PackRule
{
    private readonly int _maxMessages;
    private readonly int _minDays;
    private readonly ImmutableHashSet<string> _exclude;
    private readonly ImmutableHashSet<string> _gapTypes;
    private readonly ImmutableHashSet<string> _duplicateTypes;
    private readonly string _countMessage;
    private readonly string _gapMessage;

    private MessageBudgetRule(RuleCommon common, int maxMessages, int minDays, ImmutableHashSet<string> exclude, ImmutableHashSet<string> gapTypes,
        ImmutableHashSet<string> duplicateTypes, string countMessage, string gapMessage) : base(common)
    {
        _maxMessages = maxMessages;
        _minDays = minDays;
        _exclude = exclude;
        _gapTypes = gapTypes;
        _duplicateTypes = duplicateTypes;
        _countMessage = countMessage;
        _gapMessage = gapMessage;
    }

    public override bool IsWorkspaceRule => true;

    public static Rule? Create(RuleCommon common, RuleYaml yaml)
    {
        int max = yaml.GetInt("max_messages", 1, 100) ?? 4;
        int minDays = yaml.GetInt("min_days", 0, 365) ?? 7;
        ImmutableHashSet<string> Types(string key, params string[] defaults)
        {
            var node = yaml.Get(key);
            var values = node is null ? defaults : yaml.ReadStrings(node, key).Select(t => t.Value).ToArray();
            return values.Select(v => v.Trim().ToLowerInvariant()).ToImmutableHashSet(StringComparer.Ordinal);
        }
        var exclude = Types("exclude_types", "reply", "cancellation");
        var gap = Types("gap_types", "follow-up", "update", "interest", "letter-of-intent", "other");
        var duplicates = Types("duplicate_types", "thank-you");
        string countMessage = yaml.GetString("count_message") ?? "This is message {n} to this program this cycle (budget: {max}).";
        string gapMessage = yaml.GetString("gap_message") ?? "It goes out {days} day(s) after the previous message ({previous}); wait at least {min_days} days.";
        return new MessageBudgetRule(common, max, minDays, exclude, gap, duplicates, countMessage, gapMessage);
    }

    public override void CheckWorkspace(WorkspaceContext context, FindingSink sink)
    {
        var counted = context.Documents.Where(d => Applies(d) && !(d.Draft.Meta.Type is { } t && _exclude.Contains(t))).ToList();
        if (counted.Count < 2) return;
        var groups = ProgramGroups.Build(counted);
        var duplicates = DuplicateMessageRule.FindDuplicates(counted, _duplicateTypes).Select(d => d.Document.Draft.DocumentId).ToHashSet(StringComparer.Ordinal);
        foreach (var bucket in counted.Where(d => groups.GroupOf(d) is not null).GroupBy(d => (d.Facts.MatchYear, groups.GroupOf(d))))
        {
            var ordered = bucket
                .OrderBy(d => d.Draft.Meta.SendDate is null ? 1 : 0)
                .ThenBy(d => d.Draft.Meta.SendDate ?? DateOnly.MaxValue)
                .ThenBy(d => d.Draft.DocumentId, StringComparer.Ordinal)
                .ToList();
            for (int i = 0; i < ordered.Count; i++)
            {
                var doc = ordered[i];
                if (duplicates.Contains(doc.Draft.DocumentId)) continue;
                var parts = new List<string>();
                var related = new List<DocumentContext>();
                if (i + 1 > _maxMessages)
                {
                    parts.Add(Fill(_countMessage, i + 1, null, null));
                    related.AddRange(ordered.Take(i));
                }
                if (doc.Draft.Meta.SendDate is { } sent && doc.Draft.Meta.Type is { } type && _gapTypes.Contains(type) && Previous(ordered, i, sent) is { } previous)
                {
                    int days = sent.DayNumber - previous.Draft.Meta.SendDate!.Value.DayNumber;
                    if (days < _minDays)
                    {
                        parts.Add(Fill(_gapMessage, i + 1, days, previous));
                        if (!related.Contains(previous)) related.Add(previous);
                    }
                }
                if (parts.Count == 0) continue;
                string message = Placeholders.Fill(Info.Message, doc) + " " + string.Join(" ", parts);
                var locations = related
                    .Select(r => new RelatedLocation(r.Draft.DocumentId, KindText.LocateOnFields(r.Draft, "send_date", "type"),
                        $"Earlier message to {ProgramGroups.DisplayName(r.Draft.Meta)}: {r.Draft.Meta.Type ?? "message"}, {KindText.Date(r.Draft.Meta.SendDate)}"))
                    .ToImmutableArray();
                sink.Report(doc.Draft.DocumentId, KindText.LocateOnFields(doc.Draft, "send_date", "type"), message, SeverityFor(doc), related: locations);
            }
        }
    }

    /// <summary>The latest other dated message sent on or before <paramref name="sent"/>.</summary>
    private static DocumentContext? Previous(List<DocumentContext> ordered, int index, DateOnly sent)
    {
        DocumentContext? best = null;
        for (int j = 0; j < ordered.Count; j++)
        {
            if (j == index || ordered[j].Draft.Meta.SendDate is not { } d || d > sent) continue;
            if (best is null || d >= best.Draft.Meta.SendDate!.Value) best = ordered[j];
        }
        return best;
    }

    private string Fill(string template, int n, int? days, DocumentContext? previous) => template
        .Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{max}", _maxMessages.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{min_days}", _minDays.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{days}", days?.ToString(CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal)
        .Replace("{previous}", previous is null ? "" : $"{previous.Draft.Meta.Type ?? "message"}, {KindText.Date(previous.Draft.Meta.SendDate)}", StringComparison.Ordinal);
}
