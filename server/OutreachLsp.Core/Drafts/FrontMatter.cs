using System.Collections.Immutable;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Drafts;

/// <summary>Tri-state for <c>nrmp:</c>: absent and <c>unknown</c> both mean we cannot tell.</summary>
public enum NrmpStatus { Unknown, True, False }

/// <summary>Where a front-matter field sits in the document, for diagnostics and edits.</summary>
public sealed record FieldLocation(string Key, TextSpan KeySpan, TextSpan ValueSpan);

/// <summary>
/// The typed front matter of a draft (RULES.md section 2). Every field is optional. A field with a
/// bad value is left null here and reported as a finding by the parser. Enumerated fields are kept
/// as lower-case canonical strings ("post-interview", "thank-you", "j-1 or h-1b").
/// </summary>
public sealed record FrontMatter
{
    public static readonly FrontMatter Empty = new();

    public string? From { get; init; }
    public string? To { get; init; }
    public string? ToName { get; init; }
    public string? ToRole { get; init; }
    public ImmutableArray<string> Cc { get; init; } = ImmutableArray<string>.Empty;
    public string? Program { get; init; }
    public string? Institution { get; init; }
    public ImmutableArray<string> Aliases { get; init; } = ImmutableArray<string>.Empty;
    public string? Specialty { get; init; }
    public string? Track { get; init; }
    public NrmpStatus Nrmp { get; init; } = NrmpStatus.Unknown;
    /// <summary>True when the <c>nrmp</c> key is present (even as <c>unknown</c>).</summary>
    public bool NrmpGiven { get; init; }
    public string? Stage { get; init; }
    public string? Type { get; init; }
    public int? MatchYear { get; init; }
    public DateOnly? InterviewDate { get; init; }
    public DateOnly? SendDate { get; init; }
    public string? Visa { get; init; }
    public string? Step3 { get; init; }
    public bool? EcfmgCertified { get; init; }
    public string? ProgramVisa { get; init; }
    public string? ProgramPolicy { get; init; }
    public bool? ProgramInitiated { get; init; }
    public string? Status { get; init; }
    public string? Subject { get; init; }

    /// <summary>Rule ids disabled for the whole draft by <c>outreach: {disable: [...]}</c>.</summary>
    public ImmutableArray<string> DisabledRules { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Locations of the keys present, by key name as written in YAML.</summary>
    public ImmutableDictionary<string, FieldLocation> Fields { get; init; } = ImmutableDictionary<string, FieldLocation>.Empty;

    public FieldLocation? GetField(string key) => Fields.TryGetValue(key, out var loc) ? loc : null;
}
