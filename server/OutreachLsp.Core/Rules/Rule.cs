using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;

namespace OutreachLsp.Core.Rules;

/// <summary>
/// What a rule says about itself: everything a hover, `outreach rules`, SARIF's rule table or the
/// docs need. Loaded from the rule's YAML file.
/// </summary>
public sealed record RuleInfo
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required Severity Severity { get; init; }
    /// <summary>One line: what the rule looks for.</summary>
    public required string Description { get; init; }
    /// <summary>The finding's message: what is wrong and what to write instead.</summary>
    public required string Message { get; init; }
    /// <summary>Why the rule exists (Markdown).</summary>
    public string? Rationale { get; init; }
    /// <summary>Authorities, e.g. "NRMP Match Participation Agreement §6.3".</summary>
    public ImmutableArray<RuleSource> Sources { get; init; } = ImmutableArray<RuleSource>.Empty;
    /// <summary>Compliant wording to use instead (shown on hover, offered as fixes where the kind can).</summary>
    public ImmutableArray<string> Compliant { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>True for advisory rules (advice, not a binding agreement).</summary>
    public bool Advisory { get; init; }
    /// <summary>Absolute documentation link.</summary>
    public required string HelpUri { get; init; }
    /// <summary>The YAML file the rule came from (or an embedded resource name).</summary>
    public required string Origin { get; init; }
}

public sealed record RuleSource(string Title, string? Url);

/// <summary>
/// Base class of every rule kind (one sealed subclass per kind under Rules/Kinds). A rule instance
/// is immutable and thread-safe: it is built once by the loader and run on many snapshots.
/// </summary>
public abstract class Rule
{
    protected Rule(RuleInfo info) => Info = info;

    public RuleInfo Info { get; }

    public string Id => Info.Id;

    /// <summary>Workspace rules compare drafts; they run once per snapshot.</summary>
    public virtual bool IsWorkspaceRule => false;

    /// <summary>Reports findings in one draft. Default: none (workspace-only kinds).</summary>
    public virtual void CheckDocument(DocumentContext context, FindingSink sink) { }

    /// <summary>Reports findings across drafts. Default: none (document-only kinds).</summary>
    public virtual void CheckWorkspace(WorkspaceContext context, FindingSink sink) { }
}

/// <summary>Collects findings for one rule; fills in the rule id, default severity and help link.</summary>
public sealed class FindingSink
{
    private readonly List<Finding> _findings;
    private readonly Rule _rule;

    public FindingSink(Rule rule, List<Finding> findings)
    {
        _rule = rule;
        _findings = findings;
    }

    public void Report(string documentId, Text.TextSpan span, string? message = null, Severity? severity = null,
        ImmutableArray<Fix> fixes = default, ImmutableArray<RelatedLocation> related = default)
    {
        _findings.Add(new Finding(_rule.Id, severity ?? _rule.Info.Severity, documentId, span, message ?? _rule.Info.Message)
        {
            Fixes = fixes.IsDefault ? ImmutableArray<Fix>.Empty : fixes,
            Related = related.IsDefault ? ImmutableArray<RelatedLocation>.Empty : related,
            HelpUri = _rule.Info.HelpUri,
        });
    }
}
