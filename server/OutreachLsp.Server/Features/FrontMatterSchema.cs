using OutreachLsp.Core.Drafts;

namespace OutreachLsp.Server.Features;

/// <summary>One front-matter key: what it means and, for closed sets, its allowed values.</summary>
public sealed record FrontMatterKey(string Name, string Description, IReadOnlyList<string> Values, string? Example = null, bool IsDate = false, bool IsList = false);

/// <summary>
/// The draft front matter of RULES.md section 2, for hover and completion. The engine's
/// <see cref="FrontMatterVocabulary"/> is the authority on the keys and on what each accepts (the
/// values below come from it); this table adds what each key means for the person typing it.
/// </summary>
public static class FrontMatterSchema
{
    private static IReadOnlyList<string> Accepted(string key) => FrontMatterVocabulary.ValuesOf(key);

    public static readonly IReadOnlyList<FrontMatterKey> Keys =
    [
        new("from", "Who sends the email (your name as signed).", [], "Jane Applicant, MD"),
        new("to", "The recipient's email address.", [], "im.residency@pinecrest.example.org"),
        new("to_name", "The person greeted in the salutation, with honorific. The salutation must use the same surname.", [], "Dr. Ana Ruiz"),
        new("to_role", "The recipient's role.", ["Program Director", "Associate Program Director", "Program Coordinator", "Faculty", "Chief Resident"]),
        new("cc", "Other recipients (a greeted person listed here is not a salutation mismatch).", [], IsList: true),
        new("program", "The canonical name of the program this email goes to. Drafts to the same program are counted together, and a body naming another draft's program is a mail-merge error.", [], "Pinecrest Medical Center Internal Medicine Residency"),
        new("institution", "The program's institution.", [], "Pinecrest Medical Center"),
        new("aliases", "Other names that refer to the same program (so they are not taken for another program).", [], "[Pinecrest, PMC IM]", IsList: true),
        new("specialty", "The specialty of the program.", [], "Internal Medicine"),
        new("track", "The track within the program (tracks can differ in NRMP participation).", [], "Global Health Pathway (categorical)"),
        new("nrmp", "Does THIS program or track fill through the NRMP Main Residency Match? It decides whether pre-match offers and commitments are Match violations.", Accepted("nrmp")),
        new("stage", "Where in the Match season this email is sent.", Accepted("stage")),
        new("type", "The kind of email; decides which template, message budget and timing rules apply.", Accepted("type")),
        new("match_year", "The Match this email belongs to (the year of Match Day); selects the Match calendar.", [], "2026"),
        new("interview_date", "The interview date (YYYY-MM-DD). Thank-you notes are checked against it.", [], "2025-11-03", IsDate: true),
        new("send_date", "The planned or actual send date (YYYY-MM-DD), checked against the Match calendar.", [], "2025-09-22", IsDate: true),
        new("visa", "The visa you need (defaults to the profile in .outreach.yaml).", Accepted("visa")),
        new("step3", "Your USMLE Step 3 status (an H-1B needs Step 3 passed).", Accepted("step3")),
        new("ecfmg_certified", "Whether you hold ECFMG certification.", Accepted("ecfmg_certified")),
        new("program_visa", "What the program sponsors, as far as you know.", Accepted("program_visa")),
        new("program_policy", "The program's own instruction about post-interview contact, copied from its website or emails.", Accepted("program_policy")),
        new("program_initiated", "Did the program contact you first (SOAP, replies)?", Accepted("program_initiated")),
        new("status", "Whether the email is still a draft or was sent (sent messages still count for workspace rules).", Accepted("status")),
        new("subject", "The email's subject line.", [], "\"Question regarding visa sponsorship\""),
        new("outreach", "In-document control: `outreach: {disable: [rule-id, ...]}` turns rules off for this draft.", [], "{disable: [stock-phrasing]}"),
    ];

    private static readonly Dictionary<string, FrontMatterKey> ByName = Keys.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static FrontMatterKey? Get(string name) => ByName.TryGetValue(name, out var k) ? k : null;

    /// <summary>Markdown explaining a key.</summary>
    public static string Describe(FrontMatterKey key)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("**`").Append(key.Name).Append("`** (front matter)\n\n").Append(key.Description);
        if (key.Values.Count > 0)
        {
            sb.Append("\n\nAllowed values: ");
            sb.Append(string.Join(", ", key.Values.Select(v => "`" + v + "`")));
        }
        else if (key.IsDate)
        {
            sb.Append("\n\nA date: `YYYY-MM-DD`.");
        }
        if (key.Example is { } example) sb.Append("\n\nExample: `").Append(key.Name).Append(": ").Append(example).Append('`');
        return sb.ToString();
    }
}
