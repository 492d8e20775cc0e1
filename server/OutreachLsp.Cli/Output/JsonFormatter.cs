using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Cli.Output;

/// <summary>
/// The documented JSON report (docs/CLI.md): ranges are 0-based lines and UTF-16 characters, exactly
/// as LSP counts them, so an editor integration can use them unchanged.
/// </summary>
internal static class JsonFormatter
{
    /// <summary>Bumped when a field changes meaning or disappears; new fields do not bump it.</summary>
    public const int FormatVersion = 1;

    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Output goes to a file or a pipe, not into HTML: keep names and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(CheckReport report, TextWriter writer)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteStartArray("files");
            foreach (var document in report.Documents)
            {
                json.WriteStartObject();
                json.WriteString("path", document.DisplayPath);
                json.WriteStartArray("findings");
                foreach (var finding in document.Findings) WriteFinding(json, report, document, finding);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("errors", report.Errors);
            json.WriteNumber("warnings", report.Warnings);
            json.WriteNumber("infos", report.Infos);
            json.WriteNumber("files", report.DraftCount);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }

    private static void WriteFinding(Utf8JsonWriter json, CheckReport report, ReportDocument document, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteString("severity", CheckReport.SeverityWord(finding.Severity));
        json.WriteString("message", finding.Message);
        WriteRange(json, "range", document.Text, finding.Span);
        json.WriteNumber("offset", finding.Span.Start);
        json.WriteNumber("length", finding.Span.Length);
        if (finding.HelpUri is null) json.WriteNull("helpUri");
        else json.WriteString("helpUri", finding.HelpUri);

        json.WriteStartArray("fixes");
        foreach (var fix in finding.Fixes)
        {
            json.WriteStartObject();
            json.WriteString("title", fix.Title);
            json.WriteBoolean("isPreferred", fix.IsPreferred);
            json.WriteStartArray("edits");
            foreach (var edit in fix.Edits)
            {
                json.WriteStartObject();
                WriteRange(json, "range", document.Text, edit.Span);
                json.WriteString("newText", edit.NewText);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("related");
        foreach (var related in finding.Related)
        {
            var target = report.Find(related.DocumentId);
            json.WriteStartObject();
            json.WriteString("path", target?.DisplayPath ?? related.DocumentId);
            WriteRange(json, "range", target?.Text, related.Span);
            json.WriteString("message", related.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter json, string name, SourceText? text, TextSpan span)
    {
        var range = CheckReport.GetRange(text, span);
        json.WriteStartObject(name);
        WritePosition(json, "start", range.Start);
        WritePosition(json, "end", range.End);
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, string name, LinePosition position)
    {
        json.WriteStartObject(name);
        json.WriteNumber("line", position.Line);
        json.WriteNumber("character", position.Character);
        json.WriteEndObject();
    }
}
