using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// kind: salutation-name. The salutation greets someone whose surname is not the surname in
/// <c>to_name</c>, and who is not in <c>cc</c> either: the mark of a template sent to the wrong
/// person. Titles, particles ("de la Cruz"), hyphens ("Al-Hassan"), case and accents are compared
/// loosely; greeting the addressee by given name only is not a mismatch; generic salutations
/// ("Dear Residency Coordinator") and salutations that still hold a template slot are left to other
/// kinds. The fix swaps in the to_name surname (with its title). Messages may use {greeted}.
/// </summary>
public sealed class SalutationNameRule : PackRule
{
    private SalutationNameRule(RuleCommon common) : base(common) { }

    public static Rule? Create(RuleCommon common, RuleYaml yaml) => new SalutationNameRule(common);

    public override void CheckDocument(DocumentContext context, FindingSink sink)
    {
        if (!Applies(context)) return;
        var meta = context.Draft.Meta;
        var to = PersonName.Parse(meta.ToName);
        if (to is null) return;
        var salutation = SalutationLine.Find(context.Draft);
        if (salutation is null || salutation.HasPlaceholder) return;
        var people = salutation.People.Where(p => !p.IsGeneric).ToList();
        if (people.Count == 0) return;
        if (people.Any(p => to.IsNamedBy(p.Folded))) return;
        var stranger = people.FirstOrDefault(p => !IsInCc(p, meta.Cc));
        if (stranger is null) return;

        var text = context.Draft.Text;
        string greeted = text.Substring(stranger.Span.Start, stranger.Span.Length);
        string replacement = (to.Title ?? stranger.Title) is { } title ? $"{title} {to.Surname}" : to.Surname;
        var fix = new Fix($"Greet {replacement}", [new TextEdit(stranger.Span, replacement)], IsPreferred: true);
        string message = Placeholders.Fill(Info.Message, context).Replace("{greeted}", greeted, StringComparison.Ordinal);
        sink.Report(context.Draft.DocumentId, salutation.Span, message, SeverityFor(context), [fix]);
    }

    /// <summary>A cc entry names the person: a name with the same surname, or an address whose local part holds it.</summary>
    private static bool IsInCc(GreetedPerson person, ImmutableArray<string> cc)
    {
        if (cc.IsDefaultOrEmpty || person.Folded.Length == 0) return false;
        string surname = person.Folded[^1].Replace("-", "", StringComparison.Ordinal);
        foreach (var entry in cc)
        {
            if (string.IsNullOrWhiteSpace(entry)) continue;
            int at = entry.IndexOf('@');
            string namePart = at >= 0 ? entry[..at] : entry;
            var asName = PersonName.Parse(namePart.Replace('<', ' ').Replace('"', ' ').Replace('.', ' ').Replace('_', ' '));
            if (asName is not null && asName.IsNamedBy(person.Folded)) return true;
            if (at >= 0)
            {
                int start = entry.LastIndexOfAny([' ', '<', '"'], at) + 1;
                string local = PersonName.FoldWord(entry[start..at].Replace('.', ' ').Replace('_', ' ').Replace(" ", "", StringComparison.Ordinal));
                if (surname.Length >= 3 && local.Replace("-", "", StringComparison.Ordinal).Contains(surname, StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }
}
