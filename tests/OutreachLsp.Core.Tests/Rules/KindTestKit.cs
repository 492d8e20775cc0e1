using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.IO;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Tests.Rules;

/// <summary>
/// Shared helpers of the rule-kind tests: real drafts through <see cref="DraftParser"/> and the
/// default engine, findings of one rule, slices, and fixes applied with <see cref="TextEdit.Apply"/>.
/// </summary>
internal static class KindTestKit
{
    private static readonly Engine DefaultEngine = Engine.CreateDefault();

    /// <summary>A config whose profile has a name, an AAMC ID and (optionally) a school.</summary>
    public static WorkspaceConfig Profile(string? aamcId = "12345678", string? name = "Jane Applicant", string? school = null) =>
        WorkspaceConfig.Default with { Profile = new ApplicantProfile { Name = name, AamcId = aamcId, School = school, Degree = "MD" } };

    /// <summary>A draft file: front matter lines, a fence, the body; every "\n" becomes <paramref name="eol"/>.</summary>
    public static string Doc(string frontMatter, string body, string eol = "\n") =>
        ("---\n" + frontMatter.TrimEnd('\n') + "\n---\n" + body).Replace("\n", eol, StringComparison.Ordinal);

    /// <summary>Findings of <paramref name="ruleId"/> per document, all drafts linted as one workspace.</summary>
    public static Dictionary<string, ImmutableArray<Finding>> Lint(IEnumerable<(string Id, string Text)> drafts, string ruleId, WorkspaceConfig? config = null)
    {
        var engine = config is null ? DefaultEngine : Engine.Create(config, PhysicalFileSystem.Instance);
        var snapshot = WorkspaceSnapshot.Create(drafts.Select(d => DraftParser.Parse(d.Id, d.Text)), config ?? WorkspaceConfig.Default);
        var result = engine.Analyze(snapshot);
        return result.ByDocument.ToDictionary(kv => kv.Key, kv => kv.Value.Where(f => f.RuleId == ruleId).ToImmutableArray());
    }

    /// <summary>Findings of <paramref name="ruleId"/> in a single draft.</summary>
    public static ImmutableArray<Finding> Lint(string text, string ruleId, WorkspaceConfig? config = null) =>
        Lint([("draft.md", text)], ruleId, config)["draft.md"];

    public static string Slice(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    /// <summary>Applies a fix and checks that everything outside its edits is unchanged, byte for byte.</summary>
    public static string Apply(string text, Fix fix)
    {
        var result = TextEdit.Apply(text, fix.Edits);
        var edits = fix.Edits.OrderBy(e => e.Span.Start).ToList();
        // Before the first edit and after the last one, the text must be identical.
        Assert.Equal(text[..edits[0].Span.Start], result[..edits[0].Span.Start]);
        int tail = text.Length - edits[^1].Span.End;
        Assert.Equal(text[^tail..], result[^tail..]);
        return result;
    }
}
