using OutreachLsp.Core.Config;

namespace OutreachLsp.Core.Templates;

/// <summary>
/// What a template may know about the email to write: the applicant's profile and the recipient.
/// Every value is optional; a missing value renders as a visible placeholder in the body (which the
/// <c>unfilled-placeholder</c> rule then flags) or as an empty front-matter field, and as a tab stop
/// in snippet mode.
/// </summary>
public sealed record TemplateModel
{
    /// <summary>The model with nothing known but the profile defaults (used for editor snippets).</summary>
    public static readonly TemplateModel Empty = new();

    public ApplicantProfile Profile { get; init; } = new();

    /// <summary>Canonical program name, e.g. "Pinecrest Medical Center Internal Medicine Residency".</summary>
    public string? Program { get; init; }

    public string? Institution { get; init; }

    /// <summary>Recipient's email address.</summary>
    public string? To { get; init; }

    /// <summary>Person greeted, with honorific: "Dr. Miriam Feld", "Ms. Dana Whitley".</summary>
    public string? ToName { get; init; }

    /// <summary>Program Director | Associate Program Director | Program Coordinator | Faculty | Chief Resident.</summary>
    public string? ToRole { get; init; }

    /// <summary>Whether this program or track fills through the NRMP Match; null means unknown.</summary>
    public bool? Nrmp { get; init; }

    /// <summary>What the program sponsors as far as the applicant knows (J-1 | H-1B | J-1 and H-1B | none).</summary>
    public string? ProgramVisa { get; init; }

    public int? MatchYear { get; init; }

    /// <summary>
    /// The planned send date. Passed in rather than read from the clock so rendering is deterministic;
    /// null leaves it to the editor (snippet variable) or empty.
    /// </summary>
    public DateOnly? SendDate { get; init; }

    public DateOnly? InterviewDate { get; init; }

    /// <summary>The Match calendar of <see cref="MatchYear"/>, used to choose the draft's <c>stage</c>.</summary>
    public MatchCalendar? Calendar { get; init; }
}
