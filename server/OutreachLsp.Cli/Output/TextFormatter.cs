using System.Globalization;
using System.Text;
using OutreachLsp.Core.Analysis;

namespace OutreachLsp.Cli.Output;

/// <summary>
/// Compiler-style output: <c>path:line:col: severity rule-id: message</c> (1-based, UTF-16 columns),
/// related drafts as indented <c>note:</c> lines, then one summary line.
/// </summary>
internal static class TextFormatter
{
    private const string Reset = "\u001b[0m";
    private const string Red = "\u001b[1;31m";
    private const string Yellow = "\u001b[1;33m";
    private const string Cyan = "\u001b[1;36m";
    private const string Dim = "\u001b[2m";
    private const string Bold = "\u001b[1m";

    /// <param name="errorsOnly">--quiet: print error-level findings only, and no summary.</param>
    public static void Write(CheckReport report, TextWriter writer, bool color, bool errorsOnly)
    {
        // Built in memory and written once: thousands of small writes to a console are slow.
        var sb = new StringBuilder(4096);
        foreach (var document in report.Documents)
        {
            foreach (var finding in document.Findings)
            {
                if (errorsOnly && finding.Severity != Severity.Error) continue;
                AppendLocation(sb, document, finding);
                string word = CheckReport.SeverityWord(finding.Severity);
                if (color) sb.Append(ColorOf(finding.Severity)).Append(word).Append(Reset);
                else sb.Append(word);
                sb.Append(' ').Append(finding.RuleId).Append(": ");
                AppendFlat(sb, finding.Message);
                sb.Append('\n');
                foreach (var related in finding.Related)
                {
                    var target = report.Find(related.DocumentId);
                    sb.Append("  ");
                    if (color) sb.Append(Dim);
                    if (target is null) sb.Append(related.DocumentId).Append(": ");
                    else AppendPosition(sb, target.DisplayPath, target, related.Span);
                    sb.Append("note: ");
                    AppendFlat(sb, related.Message);
                    if (color) sb.Append(Reset);
                    sb.Append('\n');
                }
            }
        }
        if (!errorsOnly)
        {
            string summary = Summary(report);
            sb.Append(color ? Bold + summary + Reset : summary).Append('\n');
        }
        writer.Write(sb.ToString());
    }

    /// <summary>"3 errors, 2 warnings, 1 info in 8 drafts (5 clean)".</summary>
    public static string Summary(CheckReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{Count(report.Errors, "error", "errors")}, {Count(report.Warnings, "warning", "warnings")}, {report.Infos} info in {Count(report.DraftCount, "draft", "drafts")} ({report.CleanDrafts} clean)");

    private static string Count(int n, string one, string many) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

    private static void AppendLocation(StringBuilder sb, ReportDocument document, Finding finding)
    {
        if (document.Text is null)
        {
            sb.Append(document.DisplayPath).Append(": ");
            return;
        }
        AppendPosition(sb, document.DisplayPath, document, finding.Span);
    }

    private static void AppendPosition(StringBuilder sb, string path, ReportDocument document, Core.Text.TextSpan span)
    {
        sb.Append(path);
        if (document.Text is not null)
        {
            var start = CheckReport.GetRange(document.Text, span).Start;
            sb.Append(':').Append(start.Line + 1).Append(':').Append(start.Character + 1);
        }
        sb.Append(": ");
    }

    /// <summary>A message on one line, so every finding is exactly one line of output.</summary>
    private static void AppendFlat(StringBuilder sb, string message)
    {
        foreach (char c in message) sb.Append(c is '\r' or '\n' ? ' ' : c);
    }

    private static string ColorOf(Severity severity) => severity switch
    {
        Severity.Error => Red,
        Severity.Warning => Yellow,
        _ => Cyan,
    };
}
