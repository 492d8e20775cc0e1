using System.Buffers;
using System.Text;
using System.Text.Json;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Cli.Output;

/// <summary>
/// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html): one run, the rule
/// table in <c>tool.driver.rules</c>, artifact URIs relative to the checked folder through the
/// <c>SRCROOT</c> base id, and 1-based regions counted in UTF-16 code units (declared by
/// <c>columnKind</c>), so a surrogate pair before a finding counts as two columns.
/// </summary>
internal static class SarifFormatter
{
    private const string RootBaseId = "SRCROOT";

    public static void Write(CheckReport report, TextWriter writer)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        using (var json = new Utf8JsonWriter(buffer, JsonFormatter.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "outreach");
            json.WriteString("version", ToolInfo.Version);
            json.WriteString("semanticVersion", ToolInfo.Version);
            json.WriteString("informationUri", ToolInfo.InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in report.Rules.All)
            {
                ruleIndex[rule.Id] = ruleIndex.Count;
                var severity = report.Overrides.TryGetValue(rule.Id, out var o) ? o : rule.Info.Severity;
                WriteRule(json, rule.Id, rule.Info.Description, FullDescription(rule.Info), rule.Info.HelpUri, severity);
            }
            foreach (var id in report.ExtraRuleIds())
            {
                ruleIndex[id] = ruleIndex.Count;
                var description = CheckReport.DescribeWellKnown(id);
                WriteRule(json, id, description, description, null, Severity.Error);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(RootBaseId);
            json.WriteString("uri", DirectoryUri(report.RootPath));
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var document in report.Documents)
            {
                foreach (var finding in document.Findings)
                    WriteResult(json, report, document, finding, ruleIndex[finding.RuleId]);
            }
            json.WriteEndArray();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }

    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string FullDescription(Core.Rules.RuleInfo info) =>
        string.IsNullOrWhiteSpace(info.Rationale) ? info.Message : info.Rationale.Trim();

    private static void WriteRule(Utf8JsonWriter json, string id, string shortText, string fullText, string? helpUri, Severity? severity)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", shortText);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", fullText);
        json.WriteEndObject();
        if (helpUri is not null) json.WriteString("helpUri", helpUri);
        json.WriteStartObject("defaultConfiguration");
        if (severity is { } s) json.WriteString("level", Level(s));
        else
        {
            // Turned off in .outreach.yaml.
            json.WriteBoolean("enabled", false);
            json.WriteString("level", "none");
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, CheckReport report, ReportDocument document, Finding finding, int index)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", index);
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();

        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, report, document, finding.Span);
        json.WriteEndObject();
        json.WriteEndArray();

        if (!finding.Fixes.IsEmpty && document.Text is not null)
        {
            json.WriteStartArray("fixes");
            foreach (var fix in finding.Fixes)
            {
                json.WriteStartObject();
                json.WriteStartObject("description");
                json.WriteString("text", fix.Title);
                json.WriteEndObject();
                json.WriteStartArray("artifactChanges");
                json.WriteStartObject();
                WriteArtifactLocation(json, report, document);
                json.WriteStartArray("replacements");
                foreach (var edit in fix.Edits)
                {
                    json.WriteStartObject();
                    WriteRegion(json, "deletedRegion", document.Text, edit.Span);
                    json.WriteStartObject("insertedContent");
                    json.WriteString("text", edit.NewText);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        if (!finding.Related.IsEmpty)
        {
            json.WriteStartArray("relatedLocations");
            int id = 1;
            foreach (var related in finding.Related)
            {
                var target = report.Find(related.DocumentId);
                json.WriteStartObject();
                json.WriteNumber("id", id++);
                if (target is not null) WritePhysicalLocation(json, report, target, related.Span);
                json.WriteStartObject("message");
                json.WriteString("text", related.Message);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, CheckReport report, ReportDocument document, TextSpan span)
    {
        json.WriteStartObject("physicalLocation");
        WriteArtifactLocation(json, report, document);
        if (document.Text is not null) WriteRegion(json, "region", document.Text, span);
        json.WriteEndObject();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter json, CheckReport report, ReportDocument document)
    {
        json.WriteStartObject("artifactLocation");
        var (uri, relative) = ArtifactUri(report.RootPath, document);
        json.WriteString("uri", uri);
        if (relative) json.WriteString("uriBaseId", RootBaseId);
        json.WriteEndObject();
    }

    /// <summary>1-based region; SARIF's endColumn is the column just past the last character.</summary>
    private static void WriteRegion(Utf8JsonWriter json, string name, SourceText text, TextSpan span)
    {
        var range = CheckReport.GetRange(text, span);
        json.WriteStartObject(name);
        json.WriteNumber("startLine", range.Start.Line + 1);
        json.WriteNumber("startColumn", range.Start.Character + 1);
        json.WriteNumber("endLine", range.End.Line + 1);
        json.WriteNumber("endColumn", range.End.Character + 1);
        json.WriteNumber("charOffset", span.Start);
        json.WriteNumber("charLength", span.Length);
        json.WriteEndObject();
    }

    /// <summary>A URI relative to the checked folder when the file is inside it, else an absolute file URI.</summary>
    internal static (string Uri, bool Relative) ArtifactUri(string root, ReportDocument document)
    {
        if (document.AbsolutePath is not { } path) return (document.Id, false);
        string relative = Path.GetRelativePath(root, path);
        if (relative == ".." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return (new Uri(path).AbsoluteUri, false);
        var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return (string.Join('/', segments.Select(Uri.EscapeDataString)), true);
    }

    internal static string DirectoryUri(string directory)
    {
        string uri = new Uri(Path.GetFullPath(directory)).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }
}
