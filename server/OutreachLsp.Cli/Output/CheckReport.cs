using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Rules;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Cli.Output;

/// <summary>One file in a report: a draft, the config file or a rule-pack file, with its findings.</summary>
internal sealed class ReportDocument
{
    /// <summary>The engine's document id: an absolute path, or a name such as "default/rank-inquiry.yaml".</summary>
    public required string Id { get; init; }

    /// <summary>The path as printed in text and JSON output.</summary>
    public required string DisplayPath { get; init; }

    /// <summary>The file on disk, or null for an embedded resource.</summary>
    public string? AbsolutePath { get; init; }

    /// <summary>The text the spans point into, or null when it could not be read (no line numbers then).</summary>
    public SourceText? Text { get; init; }

    /// <summary>True for a checked draft (counted in the summary), false for config and rule-pack files.</summary>
    public bool IsDraft { get; init; }

    public List<Finding> Findings { get; } = [];
}

/// <summary>A 0-based, UTF-16 range, as LSP and the JSON format count.</summary>
internal readonly record struct Range(LinePosition Start, LinePosition End);

/// <summary>The outcome of <c>outreach check</c>, independent of the output format.</summary>
internal sealed class CheckReport
{
    private readonly Dictionary<string, ReportDocument> _byId;

    public CheckReport(string rootPath, IReadOnlyList<ReportDocument> documents, RuleSet rules, IReadOnlyDictionary<string, Severity?> overrides)
    {
        RootPath = rootPath;
        Documents = documents;
        Rules = rules;
        Overrides = overrides;
        _byId = new Dictionary<string, ReportDocument>(StringComparer.Ordinal);
        foreach (var d in documents) _byId.TryAdd(d.Id, d);
        foreach (var d in documents)
        {
            if (d.IsDraft)
            {
                DraftCount++;
                if (d.Findings.Count == 0) CleanDrafts++;
            }
            foreach (var f in d.Findings)
            {
                switch (f.Severity)
                {
                    case Severity.Error: Errors++; break;
                    case Severity.Warning: Warnings++; break;
                    default: Infos++; break;
                }
            }
        }
    }

    /// <summary>The checked folder: SARIF URIs are relative to it.</summary>
    public string RootPath { get; }

    /// <summary>Config and rule-pack files first, then the drafts in path order.</summary>
    public IReadOnlyList<ReportDocument> Documents { get; }

    public RuleSet Rules { get; }

    public IReadOnlyDictionary<string, Severity?> Overrides { get; }

    public int Errors { get; }
    public int Warnings { get; }
    public int Infos { get; }
    public int DraftCount { get; }
    public int CleanDrafts { get; }

    /// <summary>
    /// The first file with an error-level problem the user must fix before the run means anything:
    /// in .outreach.yaml, or in a rule pack of theirs on disk (exit code 2). A problem in the shipped
    /// pack is our bug, not a configuration error: it is reported like any finding.
    /// </summary>
    public ReportDocument? FirstConfigError => Documents.FirstOrDefault(d => d.Findings.Any(f =>
        f.Severity == Severity.Error
        && (f.RuleId == WellKnownRuleIds.Config || (f.RuleId == WellKnownRuleIds.RulePack && d.AbsolutePath is not null))));

    public ReportDocument? Find(string id) => _byId.TryGetValue(id, out var d) ? d : null;

    public static Range GetRange(SourceText? text, TextSpan span)
    {
        if (text is null) return default;
        int start = Math.Clamp(span.Start, 0, text.Length);
        int end = Math.Clamp(span.End, start, text.Length);
        return new Range(text.GetPosition(start), text.GetPosition(end));
    }

    public static string SeverityWord(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Findings of the well-known pseudo rules have no RuleInfo; describe them here.</summary>
    public static string DescribeWellKnown(string id) => id switch
    {
        WellKnownRuleIds.FrontMatter => "A front-matter value of the wrong shape, or an unknown key.",
        WellKnownRuleIds.Input => "Unreadable, binary, non-UTF-8 or oversized input.",
        WellKnownRuleIds.Config => "A problem in .outreach.yaml.",
        WellKnownRuleIds.RulePack => "A problem in a rule-pack file (bad YAML, unknown kind, failing example).",
        WellKnownRuleIds.Calendar => "A draft's match year has no Match calendar, so date rules are skipped.",
        _ => id,
    };

    /// <summary>Every rule id that appears in the findings but not in the rule set (the pseudo rules).</summary>
    public ImmutableArray<string> ExtraRuleIds() =>
        Documents.SelectMany(d => d.Findings).Select(f => f.RuleId)
            .Where(id => !Rules.Contains(id))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
}
