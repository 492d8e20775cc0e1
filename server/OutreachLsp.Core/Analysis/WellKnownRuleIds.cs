namespace OutreachLsp.Core.Analysis;

/// <summary>Ids of findings that come from the input itself rather than from a rule pack.</summary>
public static class WellKnownRuleIds
{
    /// <summary>A front-matter value of the wrong shape, or an unknown key.</summary>
    public const string FrontMatter = "front-matter";

    /// <summary>Unreadable, binary, non-UTF-8 or oversized input.</summary>
    public const string Input = "input";

    /// <summary>A problem in .outreach.yaml.</summary>
    public const string Config = "config";

    /// <summary>A problem in a rule-pack file (bad YAML, unknown kind, failing example).</summary>
    public const string RulePack = "rule-pack";

    /// <summary>A draft's match_year has no calendar: date rules are skipped.</summary>
    public const string Calendar = "calendar";
}
