using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using OutreachLsp.Cli.Output;
using OutreachLsp.Core.Analysis;

namespace OutreachLsp.Cli.Commands;

/// <summary><c>outreach rules [--format text|json] [--config FILE]</c>: the rules in force and their severities.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var config = new Option<string?>("--config", "-c") { Description = "The workspace config (default: .outreach.yaml in the current folder), for severity overrides and extra packs." };
        var command = new Command("rules", "List the rules: id, severity, kind and what each looks for.") { format, config };
        command.SetAction(parseResult => Run(context, parseResult.GetValue(format) ?? "text", parseResult.GetValue(config)));
        return command;
    }

    private static int Run(CliContext context, string format, string? configOption)
    {
        var config = ConfigResolver.Load(context, configOption, context.Environment.CurrentDirectory);
        var engine = Engine.Create(config, context.FileSystem);
        var rows = engine.Rules.All
            .Select(r => (r.Id, Severity: Effective(config.RuleOverrides, r.Id, r.Info.Severity), r.Info.Kind, r.Info.Description, r.Info.HelpUri, r.Info.Advisory, Workspace: r.IsWorkspaceRule))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();

        if (format == "json")
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer, JsonFormatter.WriterOptions))
            {
                json.WriteStartArray();
                foreach (var row in rows)
                {
                    json.WriteStartObject();
                    json.WriteString("id", row.Id);
                    json.WriteString("severity", row.Severity);
                    json.WriteString("kind", row.Kind);
                    json.WriteString("scope", row.Workspace ? "workspace" : "document");
                    json.WriteBoolean("advisory", row.Advisory);
                    json.WriteString("description", row.Description);
                    json.WriteString("helpUri", row.HelpUri);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            context.Out.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            context.Out.Write('\n');
        }
        else
        {
            int idWidth = Math.Max(2, rows.Select(r => r.Id.Length).DefaultIfEmpty().Max());
            int severityWidth = Math.Max(8, rows.Select(r => r.Severity.Length).DefaultIfEmpty().Max());
            int kindWidth = Math.Max(4, rows.Select(r => r.Kind.Length).DefaultIfEmpty().Max());
            var sb = new StringBuilder();
            sb.Append("ID".PadRight(idWidth)).Append("  ").Append("SEVERITY".PadRight(severityWidth)).Append("  ")
              .Append("KIND".PadRight(kindWidth)).Append("  ").Append("DESCRIPTION").Append('\n');
            foreach (var row in rows)
            {
                sb.Append(row.Id.PadRight(idWidth)).Append("  ")
                  .Append(row.Severity.PadRight(severityWidth)).Append("  ")
                  .Append(row.Kind.PadRight(kindWidth)).Append("  ")
                  .Append(OneLine(row.Description)).Append('\n');
            }
            context.Out.Write(sb.ToString());
        }

        ConfigResolver.ReportProblems(context, config.Problems.Concat(engine.PackProblems));
        return ExitCodes.Success;
    }

    private static string Effective(IReadOnlyDictionary<string, Severity?> overrides, string id, Severity severity) =>
        overrides.TryGetValue(id, out var o) ? (o is { } s ? CheckReport.SeverityWord(s) : "off") : CheckReport.SeverityWord(severity);

    private static string OneLine(string text)
    {
        int newline = text.IndexOfAny(['\r', '\n']);
        return (newline < 0 ? text : text[..newline]).Trim();
    }
}
