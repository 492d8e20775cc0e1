using System.Text;
using OutreachLsp.Core.Yaml;

namespace OutreachLsp.Core.Tests;

/// <summary>
/// Front matter in the common flat form is read without YamlDotNet (<see cref="FlatMapping"/>). The
/// tree must be the one the full reader builds: same nodes, values, styles and spans.
/// </summary>
public sealed class DraftsYamlFastPathTests
{
    private static readonly SafeYamlLimits Limits = SafeYamlLimits.FrontMatter;

    public static IEnumerable<object[]> RepositoryFrontMatter()
    {
        foreach (var folder in new[] { "tests/corpus", "tests/corpus-holdout", "tests/corpus-blind", "tests/corpus-blind2", "tests/corpus-blind3", "tests/corpus-blind4", "tests/corpus-blind5", "tests/corpus-blind6", "tests/corpus-blind7", "examples", "client-vscode/e2e" })
        {
            string dir = Path.Combine(TestPaths.RepoRoot, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.GetFiles(dir, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                yield return [Path.GetRelativePath(TestPaths.RepoRoot, file)];
        }
    }

    private static (int Start, int End)? FrontMatterOf(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && !text.StartsWith("---\r\n", StringComparison.Ordinal)) return null;
        int start = text.IndexOf('\n') + 1;
        int close = text.IndexOf("\n---", start - 1, StringComparison.Ordinal);
        return close < 0 ? null : (start, close + 1);
    }

    private static string Describe(YNode? node)
    {
        var sb = new StringBuilder();
        void Walk(YNode? n, int depth)
        {
            sb.Append(' ', depth * 2);
            switch (n)
            {
                case null: sb.Append("null\n"); return;
                case YScalar s: sb.Append($"scalar {s.Span.Start}+{s.Span.Length} {s.Style} tag={s.Tag} size={s.ExpandedSize} '{s.Value}'\n"); return;
                case YSequence q:
                    sb.Append($"seq {q.Span.Start}+{q.Span.Length} size={q.ExpandedSize}\n");
                    foreach (var item in q.Items) Walk(item, depth + 1);
                    return;
                case YMapping m:
                    sb.Append($"map {m.Span.Start}+{m.Span.Length} size={m.ExpandedSize}\n");
                    foreach (var e in m.Entries) { Walk(e.Key, depth + 1); Walk(e.Value, depth + 2); }
                    return;
            }
        }
        Walk(node, 0);
        return sb.ToString();
    }

    private static bool SameAsFullReader(string text, int start, int end)
    {
        var fast = FlatMapping.TryRead(text, start, end);
        if (fast is null) return false;
        var full = SafeYaml.ParseWithYamlDotNet(text, start, end, "doc.md", "front-matter", Limits);
        Assert.False(full.Failed, "the fast path accepted YAML the full reader refuses");
        Assert.Empty(full.Problems);
        Assert.Equal(Describe(full.Root), Describe(fast.Root));
        return true;
    }

    [Fact]
    public void EveryDraftInTheRepository_ReadsTheSameWithTheFastPath()
    {
        int accepted = 0, total = 0;
        foreach (var file in RepositoryFrontMatter().Select(r => (string)r[0]))
        {
            string text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, file));
            if (FrontMatterOf(text) is not { } range) continue;
            total++;
            if (SameAsFullReader(text, range.Start, range.End)) accepted++;
        }
        Assert.True(total > 200, $"only {total} drafts with front matter found");
        // The fast path is worth having only if it takes the common case.
        Assert.True(accepted * 2 > total, $"the fast path took {accepted} of {total} front matters");
    }

    [Theory]
    [InlineData("program: Pinecrest IM\ntype: thank-you\n")]
    [InlineData("program: Pinecrest IM   \r\ntype: thank-you\r\n")]
    [InlineData("to: \"Dr. O'Brien\"\nsubject: 'Re: interview on 12/3'\n")]
    [InlineData("# a comment\n\nprogram: Mercy Hôpital 🎓 Residency\n\nnrmp: true\n")]
    [InlineData("send_date: 2026-01-10\nmatch_year: 2026\nstage: post-interview\n")]
    [InlineData("to: Dr. Smith\rprogram: Lakeshore\r")]
    [InlineData("a_b-c: x, y [z] {w}\n")]
    [InlineData("aliases: [Pinecrest, PMC IM, \"St. Mary's\", 'Mercy']\nprogram: Pinecrest\n")]
    [InlineData("aliases: []\ncc: [ a ,b ]\n")]
    public void FlatFrontMatter_TakesTheFastPath_AndReadsTheSame(string yaml)
    {
        string text = "---\n" + yaml + "---\n";
        Assert.True(SameAsFullReader(text, 4, 4 + yaml.Length), "expected the fast path to take this");
    }

    [Theory]
    [InlineData("program: Pinecrest # the IM one\n")]
    [InlineData("aliases: [Pinecrest, [PMC]]\n")]
    [InlineData("aliases: [a, b,]\n")]
    [InlineData("aliases: [a, b\n")]
    [InlineData("aliases: [a: b]\n")]
    [InlineData("aliases:\n  - Pinecrest\n")]
    [InlineData("program:\n")]
    [InlineData("subject: \"Re: a \\\"quoted\\\" word\"\n")]
    [InlineData("subject: 'it''s'\n")]
    [InlineData("program: Pinecrest\n  Medical Center\n")]
    [InlineData("program: a: b\n")]
    [InlineData("program:Pinecrest\n")]
    [InlineData("program: ~\n")]
    [InlineData("program: &p Pinecrest\nalias: *p\n")]
    [InlineData("\tprogram: x\n")]
    [InlineData("program: x\tlater\n")]
    [InlineData("program: \"unclosed\n")]
    public void AnythingElse_GoesToTheFullReader(string yaml)
    {
        string text = "---\n" + yaml + "---\n";
        Assert.Null(FlatMapping.TryRead(text, 4, 4 + yaml.Length));
    }
}
