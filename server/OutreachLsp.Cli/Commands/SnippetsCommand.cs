using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using OutreachLsp.Cli.Output;
using OutreachLsp.Core.Templates;

namespace OutreachLsp.Cli.Commands;

/// <summary>
/// <c>outreach snippets --format vscode</c>: the templates as a VS Code snippets file. Rendered with an
/// empty profile, so every personal value stays a tab stop; the VS Code extension ships this output
/// and a drift test re-runs the command to keep the two in step.
/// </summary>
internal static class SnippetsCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format", "-f") { Description = "Snippet format.", DefaultValueFactory = _ => "vscode" };
        format.AcceptOnlyFromAmong("vscode");
        var command = new Command("snippets", "Print the email templates as editor snippets.") { format };
        command.SetAction(_ => Run(context));
        return command;
    }

    private static int Run(CliContext context)
    {
        var renderer = TemplateRenderer.Default;
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        using (var json = new Utf8JsonWriter(buffer, JsonFormatter.WriterOptions))
        {
            json.WriteStartObject();
            foreach (var template in renderer.Catalog.All)
            {
                var result = renderer.RenderSnippet(template.Type, TemplateModel.Empty);
                if (!result.Success)
                    throw new InvalidOperationException($"template {template.Type} failed: {string.Join("; ", result.Errors)}");
                json.WriteStartObject($"Outreach: {template.Title}");
                json.WriteString("prefix", $"outreach-{template.Type}");
                json.WriteString("description", template.Description);
                json.WriteStartArray("body");
                foreach (var line in result.Text!.Split('\n')) json.WriteStringValue(line);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        context.Out.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        context.Out.Write('\n');
        return ExitCodes.Success;
    }
}
