using System.Text;

namespace OutreachLsp.Core.Rules;

/// <summary>
/// Renders docs/rules.md from the loaded rules, so the documentation that diagnostics link to
/// (each rule's <see cref="RuleInfo.HelpUri"/> anchor) cannot drift from the pack. A test compares
/// the file with this output.
/// </summary>
public static class RuleDocs
{
    public static string Render(IEnumerable<Rule> rules)
    {
        var sb = new StringBuilder();
        sb.Append("# Rules\n\n");
        sb.Append("The rules of the default pack, generated from `server/OutreachLsp.Core/Packs/default/` ");
        sb.Append("(do not edit by hand: run the tests with `OUTREACH_UPDATE_DOCS=1` to regenerate). ");
        sb.Append("Severities can be changed per workspace in `.outreach.yaml` (`rules: {rule-id: off|info|warning|error}`).\n\n");
        sb.Append("| id | severity | kind | what it looks for |\n|---|---|---|---|\n");
        var ordered = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        foreach (var r in ordered)
            sb.Append($"| [`{r.Id}`](#{r.Id}) | {Severity(r.Info)} | {r.Info.Kind} | {Escape(r.Info.Description)} |\n");
        foreach (var r in ordered)
        {
            var info = r.Info;
            sb.Append($"\n## {r.Id}\n\n");
            sb.Append($"**{Severity(info)}**{(info.Advisory ? " (advisory)" : "")} · kind `{info.Kind}`\n\n");
            sb.Append(info.Description).Append("\n\n");
            sb.Append("**Message:** ").Append(Flatten(info.Message)).Append("\n\n");
            if (info.Rationale is { } why) sb.Append("**Why:** ").Append(Flatten(why)).Append("\n\n");
            if (!info.Compliant.IsEmpty)
            {
                sb.Append("**Write instead:**\n\n");
                foreach (var c in info.Compliant) sb.Append("- ").Append(c).Append('\n');
                sb.Append('\n');
            }
            if (!info.Sources.IsEmpty)
            {
                sb.Append("**Sources:**\n\n");
                foreach (var s in info.Sources) sb.Append("- ").Append(s.Url is null ? s.Title : $"[{s.Title}]({s.Url})").Append('\n');
                sb.Append('\n');
            }
            var examples = ExampleRunner.ExamplesOf(r);
            if (!examples.IsEmpty)
            {
                sb.Append("**Examples** (checked by the tests):\n\n");
                foreach (var e in examples.Where(e => e.ShouldFire).Take(4)) sb.Append("- fires: ").Append(Quote(e.Describe())).Append('\n');
                foreach (var e in examples.Where(e => !e.ShouldFire).Take(4)) sb.Append("- does not fire: ").Append(Quote(e.Describe())).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Severity(RuleInfo info) => info.Severity.ToString().ToLowerInvariant();

    private static string Flatten(string s) => string.Join(' ', s.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    private static string Escape(string s) => Flatten(s).Replace("|", "\\|");

    private static string Quote(string s) => "\"" + Flatten(s).Replace("|", "\\|") + "\"";
}
