using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Drafts;

/// <summary>
/// One contiguous stretch of the applicant's own prose (a paragraph, heading or list item) with
/// the markup removed. <see cref="Text"/> is what rules read; <see cref="MapToSource(int)"/> maps an
/// offset in it back to the unmodified document. Line breaks inside a paragraph read as one space.
/// </summary>
public sealed class ProseBlock
{
    private readonly int[] _textStarts;   // start of each piece in Text
    private readonly int[] _sourceStarts; // start of the same piece in the document

    public ProseBlock(string text, int[] textStarts, int[] sourceStarts, TextSpan sourceSpan)
    {
        Text = text;
        _textStarts = textStarts;
        _sourceStarts = sourceStarts;
        SourceSpan = sourceSpan;
    }

    public string Text { get; }

    /// <summary>The whole block in the document, markup included.</summary>
    public TextSpan SourceSpan { get; }

    /// <summary>Maps an offset in <see cref="Text"/> to a document offset.</summary>
    public int MapToSource(int textOffset)
    {
        if (_textStarts.Length == 0) return SourceSpan.Start;
        int idx = Array.BinarySearch(_textStarts, textOffset);
        if (idx < 0) idx = ~idx - 1;
        if (idx < 0) idx = 0;
        return _sourceStarts[idx] + (textOffset - _textStarts[idx]);
    }

    /// <summary>Maps a span of <see cref="Text"/> to the document (end mapped as last char + 1).</summary>
    public TextSpan MapToSource(int textStart, int textEnd)
    {
        int start = MapToSource(textStart);
        int end = textEnd > textStart ? MapToSource(textEnd - 1) + 1 : start;
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }

    /// <summary>A block whose text is exactly a slice of the document (no markup inside).</summary>
    public static ProseBlock Verbatim(string documentText, TextSpan span) =>
        new(documentText.Substring(span.Start, span.Length), [0], [span.Start], span);
}

/// <summary>An in-document control comment: outreach-disable / -enable / -disable-next-line.</summary>
public sealed record ControlDirective(ControlKind Kind, ImmutableArray<string> RuleIds, TextSpan Span, int Line);

public enum ControlKind { Disable, Enable, DisableNextLine }

/// <summary>
/// An immutable parsed draft. Parsing never fails: problems in the input become
/// <see cref="ParseFindings"/> (rule ids <c>front-matter</c>, <c>input</c>).
/// </summary>
public sealed class Draft
{
    public required string DocumentId { get; init; }
    public required SourceText Source { get; init; }
    public FrontMatter Meta { get; init; } = FrontMatter.Empty;

    /// <summary>The front matter block including its fences, or null when there is none.</summary>
    public TextSpan? FrontMatterSpan { get; init; }

    /// <summary>Everything after the front matter.</summary>
    public TextSpan BodySpan { get; init; }

    /// <summary>The applicant's own prose, in document order: no code, link targets, HTML, quotes.</summary>
    public ImmutableArray<ProseBlock> Prose { get; init; } = ImmutableArray<ProseBlock>.Empty;

    public ImmutableArray<ControlDirective> Directives { get; init; } = ImmutableArray<ControlDirective>.Empty;

    public ImmutableArray<Finding> ParseFindings { get; init; } = ImmutableArray<Finding>.Empty;

    public string Text => Source.Text;

    private Matching.ProseAnalysis? _analysis;
    private Draft? _earlierVersion;

    /// <summary>
    /// Lets this draft's sentence analysis reuse the paragraphs it shares with an earlier version of
    /// the same document (the language server calls this for each edit). Only a version whose
    /// analysis exists is kept, and only until this draft's analysis is made.
    /// </summary>
    public void ReuseAnalysisOf(Draft? earlier)
    {
        if (earlier is null || ReferenceEquals(earlier, this) || _analysis is not null) return;
        // Never chain: keep the nearest version that was analysed, not the versions in between.
        _earlierVersion = earlier._analysis is not null ? earlier : earlier._earlierVersion;
    }

    /// <summary>
    /// The sentences and tokens of <see cref="Prose"/>, made on first use and kept with the draft:
    /// a draft is immutable, so every analysis of it (each keystroke in another draft of the same
    /// workspace) reuses them. Word ids added by a later pack are looked up on demand (see
    /// <see cref="Matching.Sentence"/>), so the cache never goes stale.
    /// </summary>
    internal Matching.ProseAnalysis Analysis => _analysis ?? CreateAnalysis();

    private Matching.ProseAnalysis CreateAnalysis()
    {
        var earlier = _earlierVersion?._analysis;
        var analysis = Interlocked.CompareExchange(ref _analysis, Matching.ProseAnalysis.Create(Prose, earlier), null) ?? _analysis!;
        _earlierVersion = null;
        return analysis;
    }
}
