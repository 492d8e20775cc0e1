using System.Collections.Immutable;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Analysis;

public enum Severity
{
    Info = 1,
    Warning = 2,
    Error = 3,
}

/// <summary>A place in another draft that a workspace finding points at.</summary>
public sealed record RelatedLocation(string DocumentId, TextSpan Span, string Message);

/// <summary>
/// One compliant alternative: a list of non-overlapping edits against the unmodified text of the
/// finding's document. <see cref="IsSafe"/> fixes may be applied in bulk (fix-all).
/// <see cref="SnippetText"/>, when set, is the same replacement with LSP snippet tab stops
/// ($1, ${2:placeholder}) for editors that support them; <see cref="Edits"/> always holds plain text.
/// </summary>
public sealed record Fix(string Title, ImmutableArray<TextEdit> Edits, bool IsPreferred = false, bool IsSafe = false)
{
    public string? SnippetText { get; init; }
}

/// <summary>
/// A rule violation: plain data, no protocol types. <see cref="Span"/> is in UTF-16 code units of
/// the document identified by <see cref="DocumentId"/>.
/// </summary>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string DocumentId,
    TextSpan Span,
    string Message)
{
    public ImmutableArray<Fix> Fixes { get; init; } = ImmutableArray<Fix>.Empty;

    public ImmutableArray<RelatedLocation> Related { get; init; } = ImmutableArray<RelatedLocation>.Empty;

    /// <summary>Link to the rule's documentation (docs/rules.md#rule-id), when known.</summary>
    public string? HelpUri { get; init; }
}
