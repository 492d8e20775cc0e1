using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;
using OutreachLsp.Core.Yaml;

namespace OutreachLsp.Core.Drafts;

/// <summary>
/// The front-matter schema (RULES.md section 2): known keys and the values of the enumerated ones.
/// The reader validates against it; completion and the JSON schema list the same values.
/// </summary>
public static class FrontMatterVocabulary
{
    public static readonly ImmutableArray<string> Keys =
    [
        "from", "to", "to_name", "to_role", "cc", "program", "institution", "aliases", "specialty", "track",
        "nrmp", "stage", "type", "match_year", "interview_date", "send_date", "visa", "step3", "ecfmg_certified",
        "program_visa", "program_policy", "program_initiated", "status", "subject", "outreach",
    ];

    internal static readonly ValueSet Nrmp = new("true", "false", "unknown");
    internal static readonly ValueSet Stage = new("pre-interview", "post-interview", "rank-season", "post-certification", "match-week");
    internal static readonly ValueSet Type = new("interest", "visa-inquiry", "thank-you", "update", "letter-of-intent", "follow-up", "offer-response", "cancellation", "reply", "other");
    internal static readonly ValueSet Visa = new("J-1", "H-1B", "J-1 or H-1B", "J-1 and H-1B", "none", "unknown");
    internal static readonly ValueSet Step3 = new("passed", "scheduled", "not-taken");
    internal static readonly ValueSet Status = new("draft", "sent");
    internal static readonly ValueSet Policy = new("no-post-interview-communication", "no-thank-you-notes");
    internal static readonly ValueSet Bool = new("true", "false");

    /// <summary>
    /// The values a key accepts, as the docs write them (empty for free text, dates and numbers).
    /// <c>program_policy</c> accepts any text but only these values mean something to the rules.
    /// </summary>
    public static ImmutableArray<string> ValuesOf(string key) => key switch
    {
        "nrmp" => [.. Nrmp.Display],
        "stage" => [.. Stage.Display],
        "type" => [.. Type.Display],
        "visa" or "program_visa" => [.. Visa.Display],
        "step3" => [.. Step3.Display],
        "status" => [.. Status.Display],
        "program_policy" => [.. Policy.Display],
        "ecfmg_certified" or "program_initiated" => [.. Bool.Display],
        _ => ImmutableArray<string>.Empty,
    };
}

/// <summary>Turns the front matter's YAML tree into a typed <see cref="FrontMatter"/>, reporting every bad key or value where it is.</summary>
internal static class FrontMatterReader
{
    public static FrontMatter Read(YNode? root, string documentId, ImmutableArray<Finding>.Builder findings)
    {
        if (root is null) return FrontMatter.Empty;
        var values = new YamlValueReader(documentId, WellKnownRuleIds.FrontMatter, findings);
        if (root is not YMapping mapping)
        {
            if (root is YScalar { IsNull: true }) return FrontMatter.Empty;
            values.Report(Severity.Error, root.Span, $"Front matter must be 'key: value' lines, not a {root.KindName}.");
            return FrontMatter.Empty;
        }

        var meta = new FrontMatter();
        var fields = ImmutableDictionary.CreateBuilder<string, FieldLocation>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Entries)
        {
            if (keyNode is not YScalar keyScalar || keyScalar.IsNull)
            {
                values.Report(Severity.Error, keyNode.Span, "A front-matter key must be a plain name such as 'program'.");
                continue;
            }
            string key = keyScalar.Value;
            var valueSpan = valueNode.Span;
            if (fields.ContainsKey(key))
                values.Report(Severity.Warning, keyScalar.Span, $"'{key}' appears more than once; the last one is used.");
            fields[key] = new FieldLocation(key, keyScalar.Span, valueSpan);
            meta = Apply(meta, key, keyScalar, valueNode, values);
        }
        return meta with { Fields = fields.ToImmutable() };
    }

    private static FrontMatter Apply(FrontMatter meta, string key, YScalar keyNode, YNode value, YamlValueReader values)
    {
        switch (key)
        {
            case "from": return meta with { From = values.ReadString(value, key) };
            case "to": return meta with { To = values.ReadString(value, key) };
            case "to_name": return meta with { ToName = values.ReadString(value, key) };
            case "to_role": return meta with { ToRole = values.ReadString(value, key) };
            case "program": return meta with { Program = values.ReadString(value, key) };
            case "institution": return meta with { Institution = values.ReadString(value, key) };
            case "specialty": return meta with { Specialty = values.ReadString(value, key) };
            case "track": return meta with { Track = values.ReadString(value, key) };
            case "subject": return meta with { Subject = values.ReadString(value, key) };
            case "cc": return meta with { Cc = values.ReadStringList(value, key) };
            case "aliases": return meta with { Aliases = values.ReadStringList(value, key) };
            case "nrmp": return meta with { Nrmp = ReadNrmp(value, values), NrmpGiven = true };
            case "stage": return meta with { Stage = values.ReadEnum(value, key, FrontMatterVocabulary.Stage) };
            case "type": return meta with { Type = values.ReadEnum(value, key, FrontMatterVocabulary.Type) };
            case "status": return meta with { Status = values.ReadEnum(value, key, FrontMatterVocabulary.Status) };
            case "step3": return meta with { Step3 = values.ReadEnum(value, key, FrontMatterVocabulary.Step3) };
            case "visa": return meta with { Visa = values.ReadEnum(value, key, FrontMatterVocabulary.Visa) };
            case "program_visa": return meta with { ProgramVisa = values.ReadEnum(value, key, FrontMatterVocabulary.Visa) };
            case "match_year": return meta with { MatchYear = values.ReadInt(value, key, 2000, 2100) };
            case "interview_date": return meta with { InterviewDate = values.ReadDate(value, key) };
            case "send_date": return meta with { SendDate = values.ReadDate(value, key) };
            case "ecfmg_certified": return meta with { EcfmgCertified = values.ReadBool(value, key) };
            case "program_initiated": return meta with { ProgramInitiated = values.ReadBool(value, key) };
            case "program_policy": return meta with { ProgramPolicy = ReadPolicy(value, values) };
            case "outreach": return meta with { DisabledRules = ReadOutreach(value, values) };
        }
        string? suggestion = DidYouMean.Closest(key, FrontMatterVocabulary.Keys);
        bool safe = suggestion is not null && DidYouMean.Compact(suggestion) == DidYouMean.Compact(key);
        values.Report(Severity.Warning, keyNode.Span,
            $"Unknown front-matter key '{YamlValueReader.Shorten(key)}'; rules ignore it.{YamlValueReader.Hint(suggestion)}", suggestion, safe);
        return meta;
    }

    private static NrmpStatus ReadNrmp(YNode value, YamlValueReader values)
    {
        // yes/no are read like true/false: applicants write both.
        if (value is YScalar s && YamlValueReader.Normalize(s.Value) is "yes" or "no")
            return YamlValueReader.Normalize(s.Value) == "yes" ? NrmpStatus.True : NrmpStatus.False;
        return values.ReadEnum(value, "nrmp", FrontMatterVocabulary.Nrmp) switch
        {
            "true" => NrmpStatus.True,
            "false" => NrmpStatus.False,
            _ => NrmpStatus.Unknown,
        };
    }

    private static string? ReadPolicy(YNode value, YamlValueReader values)
    {
        string? text = values.ReadString(value, "program_policy");
        if (text is null) return null;
        string normalized = YamlValueReader.Normalize(text);
        if (Array.IndexOf(FrontMatterVocabulary.Policy.Canonical, normalized) >= 0) return normalized;
        // Any policy may be copied from a program's instructions; only the known ones drive rules.
        string? suggestion = DidYouMean.Closest(normalized, FrontMatterVocabulary.Policy.Display);
        values.Report(Severity.Info, value.Span,
            $"Unrecognised policy '{YamlValueReader.Shorten(text)}'; rules understand {FrontMatterVocabulary.Policy.Describe()}.{YamlValueReader.Hint(suggestion)}",
            suggestion);
        return normalized;
    }

    private static ImmutableArray<string> ReadOutreach(YNode value, YamlValueReader values)
    {
        if (value is YScalar { IsNull: true }) return ImmutableArray<string>.Empty;
        if (value is not YMapping mapping)
        {
            values.Report(Severity.Error, value.Span, "outreach must be a mapping such as {disable: [stock-phrasing]}.");
            return ImmutableArray<string>.Empty;
        }
        var disabled = ImmutableArray<string>.Empty;
        foreach (var (k, v) in mapping.Entries)
        {
            if (k is YScalar { Value: "disable" })
            {
                disabled = disabled.AddRange(values.ReadStringList(v, "outreach.disable"));
                continue;
            }
            string name = k is YScalar ks ? ks.Value : k.KindName;
            string? suggestion = DidYouMean.Closest(name, ["disable"]);
            values.Report(Severity.Warning, k.Span, $"Unknown key '{YamlValueReader.Shorten(name)}' under outreach; only 'disable' is read.{YamlValueReader.Hint(suggestion)}", suggestion);
        }
        return disabled;
    }
}
