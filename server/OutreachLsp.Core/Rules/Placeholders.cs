using System.Text;
using OutreachLsp.Core.Analysis;

namespace OutreachLsp.Core.Rules;

/// <summary>
/// Fills <c>{name}</c> slots in compliant wording from the draft's front matter and the profile:
/// {program}, {institution}, {to_name}, {applicant}, {aamc_id}, {visa}, {specialty}. A slot with no
/// value falls back to neutral wording ("your program") so a fix never inserts an empty hole.
/// </summary>
public static class Placeholders
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "program", "institution", "to_name", "applicant", "aamc_id", "visa", "specialty", "program_or_institution",
    };

    public static string Fill(string template, DocumentContext context)
    {
        if (!template.Contains('{')) return template;
        var sb = new StringBuilder(template.Length + 32);
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            if (open < 0) { sb.Append(template, i, template.Length - i); break; }
            int close = template.IndexOf('}', open + 1);
            if (close < 0) { sb.Append(template, i, template.Length - i); break; }
            sb.Append(template, i, open - i);
            string name = template[(open + 1)..close];
            sb.Append(Value(name, context) ?? template[open..(close + 1)]);
            i = close + 1;
        }
        return sb.ToString();
    }

    /// <summary>The value of a slot, or null for an unknown slot name.</summary>
    public static string? Value(string name, DocumentContext context)
    {
        var meta = context.Draft.Meta;
        var profile = context.Config.Profile;
        return name switch
        {
            "program" => meta.Program ?? meta.Institution ?? "your program",
            "institution" => meta.Institution ?? meta.Program ?? "your institution",
            "program_or_institution" => meta.Program ?? meta.Institution ?? "your program",
            "to_name" => meta.ToName ?? "Dr. [Last name]",
            "applicant" => profile.Name ?? "[Your name]",
            "aamc_id" => profile.AamcId ?? "[AAMC ID]",
            "visa" => context.Facts.Visa switch { "j-1" => "J-1", "h-1b" => "H-1B", "none" or null => "J-1 and/or H-1B", _ => "J-1 and/or H-1B" },
            "specialty" => meta.Specialty ?? profile.Specialty ?? "residency",
            _ => null,
        };
    }

    /// <summary>Slot names used in a template that <see cref="Known"/> does not list.</summary>
    public static IEnumerable<string> Unknown(string template)
    {
        int i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            int close = template.IndexOf('}', i + 1);
            if (close < 0) yield break;
            string name = template[(i + 1)..close];
            if (!Known.Contains(name)) yield return name;
            i = close + 1;
        }
    }
}
