using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;

namespace OutreachLsp.Core.Config;

/// <summary>The applicant, from <c>profile:</c> in .outreach.yaml. Used to fill placeholders and templates.</summary>
public sealed record ApplicantProfile
{
    public string? Name { get; init; }
    public string? Degree { get; init; }
    public string? AamcId { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? School { get; init; }
    public string? Specialty { get; init; }
    /// <summary>J-1 | H-1B | J-1 or H-1B | none (lower-case canonical, like FrontMatter.Visa).</summary>
    public string? Visa { get; init; }
    /// <summary>passed | scheduled | not-taken.</summary>
    public string? Step3 { get; init; }
    public bool? EcfmgCertified { get; init; }
}

/// <summary>The Match calendar of one year. Dates are Eastern-time calendar days.</summary>
public sealed record MatchCalendar(
    int Year,
    DateOnly RankOpen,
    DateOnly RolDeadline,
    DateOnly MatchWeekStart,
    DateOnly SoapEnd,
    DateOnly MatchDay)
{
    /// <summary>The official NRMP 2026 Main Residency Match dates (RULES.md F19).</summary>
    public static readonly MatchCalendar Nrmp2026 = new(
        2026,
        new DateOnly(2026, 1, 15),
        new DateOnly(2026, 2, 25),
        new DateOnly(2026, 3, 16),
        new DateOnly(2026, 3, 19),
        new DateOnly(2026, 3, 20));

    public static readonly ImmutableDictionary<int, MatchCalendar> BuiltIn =
        ImmutableDictionary<int, MatchCalendar>.Empty.Add(2026, Nrmp2026);

    /// <summary>Named dates for rule conditions: rank_open, rol_deadline, match_week_start, soap_end, match_day.</summary>
    public DateOnly? Get(string name) => name switch
    {
        "rank_open" => RankOpen,
        "rol_deadline" => RolDeadline,
        "match_week_start" => MatchWeekStart,
        "soap_end" => SoapEnd,
        "match_day" => MatchDay,
        _ => null,
    };
}

/// <summary>
/// The parsed .outreach.yaml. Loading never throws: problems become <see cref="Problems"/>,
/// located in the config file (rule id <c>config</c>).
/// </summary>
public sealed record WorkspaceConfig
{
    public static readonly WorkspaceConfig Default = new();

    /// <summary>Path of the file this came from, or null for defaults.</summary>
    public string? Path { get; init; }

    public ApplicantProfile Profile { get; init; } = new();

    /// <summary>Match year used when a draft has no match_year.</summary>
    public int? DefaultMatchYear { get; init; }

    /// <summary>Calendars by year: built-in ones overlaid with the config's own.</summary>
    public ImmutableDictionary<int, MatchCalendar> Calendars { get; init; } = MatchCalendar.BuiltIn;

    /// <summary>rule-id → severity; a null value means "off".</summary>
    public ImmutableDictionary<string, Severity?> RuleOverrides { get; init; } = ImmutableDictionary<string, Severity?>.Empty;

    /// <summary>Extra rule-pack folders, absolute.</summary>
    public ImmutableArray<string> Packs { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Glob patterns (relative to the workspace root) of drafts not to lint.</summary>
    public ImmutableArray<string> Ignore { get; init; } = ImmutableArray<string>.Empty;

    public ImmutableArray<Finding> Problems { get; init; } = ImmutableArray<Finding>.Empty;

    public MatchCalendar? GetCalendar(int year) => Calendars.TryGetValue(year, out var c) ? c : null;

    /// <summary>
    /// The Match year a new draft sent on <paramref name="sendDate"/> belongs to: the configured
    /// <c>match_year</c> while that Match is still ahead or under way, else the cycle the date falls in
    /// (a Match in March closes the cycle that began the previous summer). A config left at last
    /// year's Match must not turn a November thank-you note into a Match Week contact.
    /// </summary>
    public int MatchYearFor(DateOnly sendDate)
    {
        int cycle = sendDate.Month >= 7 ? sendDate.Year + 1 : sendDate.Year;
        if (DefaultMatchYear is not { } configured) return cycle;
        if (GetCalendar(configured) is { } calendar) return sendDate > calendar.MatchDay ? Math.Max(cycle, configured) : configured;
        return sendDate.Year > configured || (sendDate.Year == configured && sendDate.Month >= 7) ? Math.Max(cycle, configured) : configured;
    }
}
