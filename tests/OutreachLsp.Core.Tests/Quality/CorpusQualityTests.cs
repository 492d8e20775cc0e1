using System.Globalization;
using System.Text;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.IO;
using OutreachLsp.Core.Tests.Rules;
using OutreachLsp.Core.Workspace;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace OutreachLsp.Core.Tests.Quality;

/// <summary>
/// Precision and recall of the default pack on the labelled corpus (tests/corpus, see its README):
/// drafts written independently of the rules, with every expected finding labelled. A finding is a
/// true positive when a label of the same file names its rule (or lists it in also_ok) and the
/// label's text overlaps the finding's span; a label on a front-matter line is met by a finding of
/// that rule anywhere in the file. The gate is 0.95 for rules whose default severity is error or
/// warning; info rules are measured and printed.
/// </summary>
public sealed class CorpusQualityTests(ITestOutputHelper output)
{
    private const double Gate = 0.95;

    /// <summary>The rules RULES.md gives info severity by default.</summary>
    private static readonly string[] InfoRules =
    [
        "outside-match-acceptance-timing", "visa-fact-error", "intent-without-visa-confirmation", "thank-you-timing",
        "post-certification-contact", "desperate-tone", "salutation-format", "stock-phrasing", "missing-applicant-id",
    ];

    private sealed record Label(string File, string Rule, string[] AlsoOk, int Start, int End, bool InFrontMatter);

    private sealed record Scored(string Workspace, string File, Finding Finding, bool Matched);

    /// <summary>The development corpus: the rules were tuned on it; the gate is the issue's 0.95.</summary>
    [Fact]
    public void DefaultPack_MeetsPrecisionAndRecallGateOnCorpus() => Measure("corpus", Gate);

    /// <summary>
    /// The held-out corpus, written by another author without sight of the rules. It was used once
    /// to find missed paraphrases, so it is no longer blind; its floor guards against regressions.
    /// </summary>
    [Fact]
    public void DefaultPack_HoldsUpOnHeldOutCorpus() => Measure("corpus-holdout", 0.90);

    /// <summary>The blind corpus: never used for tuning. Measured and reported; its floor only catches collapse.</summary>
    [Fact]
    public void DefaultPack_IsMeasuredOnBlindCorpus()
    {
        if (!Directory.Exists(Path.Combine(TestPaths.RepoRoot, "tests", "corpus-blind"))) return;
        Measure("corpus-blind", 0.60);
    }

    /// <summary>
    /// The second blind corpus (two writers, November 2026, from RULES.md alone): measured untouched
    /// once (the first-look figures are in the README), then its misses taught general paraphrases.
    /// </summary>
    [Fact]
    public void DefaultPack_HoldsUpOnSecondBlindCorpus() => Measure("corpus-blind2", 0.90);

    /// <summary>
    /// The third blind corpus, written at the same time as the second and held out while the rules
    /// were tuned on it: measured once untouched (figures in the README), then used for one round of
    /// tuning in its turn. Its floor guards against regressions.
    /// </summary>
    [Fact]
    public void DefaultPack_IsMeasuredOnHeldOutBlindCorpus() => Measure("corpus-blind3", 0.85);

    /// <summary>
    /// The fourth blind corpus: written from RULES.md alone while the rules learned from the second
    /// and third, and never used for tuning. Its figures are the honest estimate for unseen drafts;
    /// the floor only catches collapse.
    /// </summary>
    [Fact]
    public void DefaultPack_IsMeasuredOnHeldOutBlindCorpus4() => Measure("corpus-blind4", 0.65);

    /// <summary>
    /// The fifth blind corpus (two writers): measured once untouched (figures in its README), then
    /// its misses taught the rules general forms. Its floor guards against regressions.
    /// </summary>
    [Fact]
    public void DefaultPack_IsMeasuredOnHeldOutBlindCorpus5() => Measure("corpus-blind5", 0.85);

    /// <summary>
    /// The sixth blind corpus (two writers): measured once untouched (figures in its README), then
    /// its misses taught the rules general forms. Its floor guards against regressions.
    /// </summary>
    [Fact]
    public void DefaultPack_IsMeasuredOnHeldOutBlindCorpus6() => Measure("corpus-blind6", 0.90);

    /// <summary>
    /// The seventh blind corpus (two writers): written from RULES.md alone while the rules learned from
    /// the sixth, measured once and never read: the honest estimate for unseen drafts. The floor
    /// only catches collapse.
    /// </summary>
    [Fact]
    public void DefaultPack_IsMeasuredOnHeldOutBlindCorpus7() => Measure("corpus-blind7", 0.55);

    private void Measure(string corpusName, double gate)
    {
        // Gated: the catalogue's error and warning rules, by RULES.md, whatever loaded (a rule that
        // failed to load must count as missed, not as ungated).
        var catalogue = DefaultPackTests.CatalogueIds.ToHashSet();
        var gated = catalogue.Except(InfoRules).ToHashSet();

        var labels = new List<(string Workspace, Label Label, bool Found)>();
        var findings = new List<Scored>();
        var unexpected = new List<string>();
        foreach (var workspace in Directory.GetDirectories(Path.Combine(TestPaths.RepoRoot, "tests", corpusName)).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(workspace);
            var config = ConfigLoader.LoadFromDirectory(PhysicalFileSystem.Instance, workspace);
            var engine = Engine.Create(config, PhysicalFileSystem.Instance);
            var (snapshot, problems) = WorkspaceLoader.Load(PhysicalFileSystem.Instance, workspace, config, CancellationToken.None);
            unexpected.AddRange(problems.Select(p => $"{name}: {p.Message}"));
            var result = engine.Analyze(snapshot);
            var workspaceLabels = ReadLabels(workspace, snapshot);
            var found = new bool[workspaceLabels.Count];
            foreach (var (id, list) in result.ByDocument)
            {
                string file = Path.GetFileName(id);
                foreach (var f in list)
                {
                    if (!catalogue.Contains(f.RuleId))
                    {
                        unexpected.Add($"{name}/{file}: {f.RuleId}: {f.Message}");
                        continue;
                    }
                    bool matched = false;
                    for (int i = 0; i < workspaceLabels.Count; i++)
                    {
                        var l = workspaceLabels[i];
                        if (l.File != file || !(l.Rule == f.RuleId || l.AlsoOk.Contains(f.RuleId))) continue;
                        if (!l.InFrontMatter && !(f.Span.Start < l.End && l.Start < Math.Max(f.Span.End, f.Span.Start + 1))) continue;
                        matched = true;
                        found[i] = true;
                    }
                    findings.Add(new Scored(name, file, f, matched));
                }
            }
            for (int i = 0; i < workspaceLabels.Count; i++) labels.Add((name, workspaceLabels[i], found[i]));
        }

        var report = Report(labels, findings, gated);
        output.WriteLine(report.Text);
        WriteArtifact(corpusName, report.Text);
        Assert.True(unexpected.Count == 0, "Corpus drafts must parse cleanly:\n" + string.Join("\n", unexpected));
        Assert.True(report.Precision >= gate && report.Recall >= gate,
            $"{corpusName}, error/warning rules: precision {report.Precision:F3}, recall {report.Recall:F3} (gate {gate}).\n{report.Text}");
    }

    private static List<Label> ReadLabels(string workspace, WorkspaceSnapshot snapshot)
    {
        var path = Path.Combine(workspace, "expected.yaml");
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var result = new List<Label>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode seq) return result;
        foreach (var item in seq.Children.OfType<YamlMappingNode>())
        {
            string Get(string key) => item.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value ?? "" : "";
            var also = item.Children.TryGetValue(new YamlScalarNode("also_ok"), out var a) && a is YamlSequenceNode list
                ? list.Children.OfType<YamlScalarNode>().Select(s => s.Value!).ToArray()
                : [];
            string file = Get("file");
            string text = Get("text");
            string content = File.ReadAllText(Path.Combine(workspace, file));
            int start = content.IndexOf(text, StringComparison.Ordinal);
            Assert.True(start >= 0, $"label text not found in {file}: {text}");
            var draft = snapshot.Drafts.Values.FirstOrDefault(d => Path.GetFileName(d.DocumentId) == file);
            bool inFrontMatter = draft?.FrontMatterSpan is { } fm && start >= fm.Start && start < fm.End;
            result.Add(new Label(file, Get("rule"), also, start, start + text.Length, inFrontMatter));
        }
        return result;
    }

    private sealed record QualityReport(string Text, double Precision, double Recall);

    private static QualityReport Report(List<(string Workspace, Label Label, bool Found)> labels, List<Scored> findings, HashSet<string> gated)
    {
        var sb = new StringBuilder();
        var rules = labels.Select(l => l.Label.Rule).Concat(findings.Select(f => f.Finding.RuleId)).Distinct().Order(StringComparer.Ordinal).ToList();
        sb.AppendLine("| rule | labels | found | findings | false positives | precision | recall |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var rule in rules)
        {
            var ls = labels.Where(l => l.Label.Rule == rule).ToList();
            var fs = findings.Where(f => f.Finding.RuleId == rule).ToList();
            int fp = fs.Count(f => !f.Matched);
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {rule}{(gated.Contains(rule) ? "" : " (info)")} | {ls.Count} | {ls.Count(l => l.Found)} | {fs.Count} | {fp} | {Ratio(fs.Count - fp, fs.Count)} | {Ratio(ls.Count(l => l.Found), ls.Count)} |");
        }
        (double p, double r) Score(Func<string, bool> include)
        {
            var fs = findings.Where(f => include(f.Finding.RuleId)).ToList();
            var ls = labels.Where(l => include(l.Label.Rule)).ToList();
            double precision = fs.Count == 0 ? 1 : (double)fs.Count(f => f.Matched) / fs.Count;
            double recall = ls.Count == 0 ? 1 : (double)ls.Count(l => l.Found) / ls.Count;
            return (precision, recall);
        }
        var gatedScore = Score(gated.Contains);
        var allScore = Score(_ => true);
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Error and warning rules: precision {gatedScore.p:F3}, recall {gatedScore.r:F3}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"All rules (info included): precision {allScore.p:F3}, recall {allScore.r:F3}");
        sb.AppendLine();
        foreach (var f in findings.Where(f => !f.Matched))
            sb.AppendLine(CultureInfo.InvariantCulture, $"FP {f.Workspace}/{f.File} {f.Finding.RuleId} {f.Finding.Span}: {f.Finding.Message[..Math.Min(60, f.Finding.Message.Length)]}");
        foreach (var l in labels.Where(l => !l.Found))
            sb.AppendLine(CultureInfo.InvariantCulture, $"FN {l.Workspace}/{l.Label.File} {l.Label.Rule} at {l.Label.Start}");
        return new QualityReport(sb.ToString(), gatedScore.p, gatedScore.r);
    }

    private static string Ratio(int a, int b) => b == 0 ? "-" : ((double)a / b).ToString("F2", CultureInfo.InvariantCulture);

    private static void WriteArtifact(string corpusName, string text)
    {
        try
        {
            var dir = Path.Combine(TestPaths.RepoRoot, "test-artifacts");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, $"{corpusName}-quality.md"), text);
        }
        catch (IOException)
        {
            // The report is a convenience; the assertion above carries the verdict.
        }
    }
}
