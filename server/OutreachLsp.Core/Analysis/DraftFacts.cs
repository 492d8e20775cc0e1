using OutreachLsp.Core.Config;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Analysis;

/// <summary>
/// A draft's metadata as rules see it: front matter first, then the applicant profile for the
/// applicant's own facts (visa, Step 3, ECFMG), the match year and its calendar.
/// </summary>
public sealed record DraftFacts(FrontMatter Meta, int? MatchYear, MatchCalendar? Calendar, string? Visa, string? Step3, bool? EcfmgCertified)
{
    internal static DraftFacts Resolve(Draft draft, WorkspaceConfig config, out Finding? calendarProblem)
    {
        var meta = draft.Meta;
        calendarProblem = null;
        // match_year: the draft's, else the config's, else the cycle the send date falls in
        // (a Match in March closes the cycle that began the previous summer).
        int? year = meta.MatchYear ?? config.DefaultMatchYear;
        if (year is null && meta.SendDate is { } sent) year = sent.Month >= 7 ? sent.Year + 1 : sent.Year;
        MatchCalendar? calendar = year is { } y ? config.GetCalendar(y) : null;
        if (year is { } missingYear && calendar is null && NeedsCalendar(meta))
        {
            var span = meta.GetField("match_year")?.ValueSpan ?? meta.GetField("send_date")?.ValueSpan ?? new TextSpan(0, 0);
            calendarProblem = new Finding(WellKnownRuleIds.Calendar, Analysis.Severity.Info, draft.DocumentId, span,
                $"No Match calendar for {missingYear}: date rules are skipped for this draft. Add calendars: {{{missingYear}: {{rank_open, rol_deadline, match_week_start, soap_end, match_day}}}} to .outreach.yaml.");
        }
        return new DraftFacts(meta, year, calendar,
            meta.Visa ?? config.Profile.Visa,
            meta.Step3 ?? config.Profile.Step3,
            meta.EcfmgCertified ?? config.Profile.EcfmgCertified);
    }

    private static bool NeedsCalendar(FrontMatter meta) => meta.SendDate is not null || meta.Stage is not null;
}
