using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// kind: duplicate-message (workspace). A second or later message of one of <c>types</c> (default
/// thank-you) to the same recipient for the same <c>interview_date</c> in the same match year. The
/// recipient is <c>to</c> (case-insensitive); when either draft has no <c>to</c>, the same program
/// (see <see cref="ProgramGroups"/>). Two drafts whose <c>to_name</c> name different people are
/// different recipients even at one shared address. The later message(s) by <c>send_date</c> are
/// flagged; on a tie (or when neither is dated) both are. The finding sits on <c>send_date</c> (else
/// <c>type</c>), with related locations at the other note(s). Messages may use {recipient}.
/// </summary>
public sealed class DuplicateMessageRule : PackRule
{
    private readonly ImmutableHashSet<string> _types;

    private DuplicateMessageRule(RuleCommon common, ImmutableHashSet<string> types) : base(common) => _types = types;

    public override bool IsWorkspaceRule => true;

    public static Rule? Create(RuleCommon common, RuleYaml yaml)
    {
        var types = yaml.GetStrings("types").Select(t => t.Value.Trim().ToLowerInvariant()).ToImmutableHashSet(StringComparer.Ordinal);
        return new DuplicateMessageRule(common, types.IsEmpty ? ["thank-you"] : types);
    }

    public override void CheckWorkspace(WorkspaceContext context, FindingSink sink)
    {
        var documents = context.Documents.Where(Applies).ToList();
        foreach (var (doc, others) in FindDuplicates(documents, _types))
        {
            var meta = doc.Draft.Meta;
            string recipient = meta.ToName ?? meta.To ?? ProgramGroups.DisplayName(meta);
            string message = Placeholders.Fill(Info.Message, doc).Replace("{recipient}", recipient, StringComparison.Ordinal);
            var related = others
                .Select(o => new RelatedLocation(o.Draft.DocumentId, KindText.LocateOnFields(o.Draft, "send_date", "type"),
                    $"{(o.Draft.Meta.SendDate == meta.SendDate ? "Same-day" : "Earlier")} {o.Draft.Meta.Type ?? "message"} to {recipient} ({KindText.Date(o.Draft.Meta.SendDate)})"))
                .ToImmutableArray();
            sink.Report(doc.Draft.DocumentId, KindText.LocateOnFields(doc.Draft, "send_date", "type"), message, SeverityFor(doc), related: related);
        }
    }

    /// <summary>
    /// The flagged duplicates among <paramref name="documents"/>, each with the other messages it
    /// duplicates, in document order. Shared with the message-budget kind, which leaves these to this rule.
    /// </summary>
    internal static List<(DocumentContext Document, List<DocumentContext> Others)> FindDuplicates(IReadOnlyList<DocumentContext> documents, ImmutableHashSet<string> types)
    {
        var result = new List<(DocumentContext, List<DocumentContext>)>();
        var candidates = documents.Where(d => d.Draft.Meta.Type is { } t && types.Contains(t)).ToList();
        if (candidates.Count < 2) return result;
        var groups = ProgramGroups.Build(candidates);
        foreach (var bucket in candidates.GroupBy(d => (d.Facts.MatchYear, d.Draft.Meta.InterviewDate, d.Draft.Meta.Type)))
        {
            var notes = bucket.ToList();
            if (notes.Count < 2) continue;
            foreach (var note in notes)
            {
                var duplicated = new List<DocumentContext>();
                bool flagged = false;
                foreach (var other in notes)
                {
                    if (ReferenceEquals(other, note) || !SameRecipient(note, other, groups)) continue;
                    duplicated.Add(other);
                    if (IsEarlierOrTie(other.Draft.Meta.SendDate, note.Draft.Meta.SendDate)) flagged = true;
                }
                if (flagged) result.Add((note, duplicated));
            }
        }
        return result;
    }

    /// <summary>True when <paramref name="other"/> was sent before <paramref name="note"/>, on the same day, or neither is dated.</summary>
    private static bool IsEarlierOrTie(DateOnly? other, DateOnly? note) => (other, note) switch
    {
        ({ } o, { } n) => o <= n,
        (null, null) => true,
        ({ }, null) => true,   // an undated note comes after the dated ones
        _ => false,
    };

    private static bool SameRecipient(DocumentContext a, DocumentContext b, ProgramGroups groups)
    {
        var ma = a.Draft.Meta;
        var mb = b.Draft.Meta;
        var pa = PersonName.Parse(ma.ToName);
        var pb = PersonName.Parse(mb.ToName);
        if (pa is not null && pb is not null && !pa.IsNamedBy(pb.Folded) && !pb.IsNamedBy(pa.Folded)) return false;
        string? ta = Address(ma.To), tb = Address(mb.To);
        if (ta is not null && tb is not null) return ta == tb;
        return groups.GroupOf(a) is { } ga && groups.GroupOf(b) == ga;
    }

    private static string? Address(string? to) => string.IsNullOrWhiteSpace(to) ? null : to.Trim().Trim('<', '>').ToLowerInvariant();
}
