using System.Text;
using System.Text.Json;
using OutreachLsp.Server.Protocol;

namespace OutreachLsp.Server.Tests.Harness;

/// <summary>
/// What an editor does with positions and edits, written independently of the server's own
/// conversions so the tests check them rather than repeat them. Columns are UTF-16 code units.
/// </summary>
public static class ClientText
{
    public static int OffsetOf(string text, Position position)
    {
        int line = 0, i = 0;
        while (line < position.Line && i < text.Length)
        {
            if (text[i] == '\r') { i++; if (i < text.Length && text[i] == '\n') i++; line++; }
            else if (text[i] == '\n') { i++; line++; }
            else i++;
        }
        int end = i;
        while (end < text.Length && text[end] is not ('\r' or '\n')) end++;
        return Math.Min(i + position.Character, end);
    }

    public static Position PositionOf(string text, int offset)
    {
        int line = 0, lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (text[i] == '\r') { if (i + 1 < text.Length && text[i + 1] == '\n') i++; line++; lineStart = i + 1; }
            else if (text[i] == '\n') { line++; lineStart = i + 1; }
        }
        return new Position(line, offset - lineStart);
    }

    public static OutreachLsp.Server.Protocol.Range RangeOf(string text, int start, int end) => new(PositionOf(text, start), PositionOf(text, end));

    /// <summary>Applies edits the way LSP defines them: all ranges refer to the original text.</summary>
    public static string Apply(string text, IEnumerable<OutreachLsp.Server.Protocol.TextEdit> edits)
    {
        var resolved = edits.Select(e => (Start: OffsetOf(text, e.Range.Start), End: OffsetOf(text, e.Range.End), e.NewText))
            .OrderBy(e => e.Start).ThenBy(e => e.End).ToList();
        var sb = new StringBuilder();
        int cursor = 0;
        foreach (var (start, end, newText) in resolved)
        {
            if (start < cursor) throw new InvalidOperationException("Overlapping edits.");
            sb.Append(text, cursor, start - cursor).Append(newText);
            cursor = end;
        }
        return sb.Append(text, cursor, text.Length - cursor).ToString();
    }

    /// <summary>The edits a code action makes to <paramref name="uri"/> (documentChanges or changes).</summary>
    public static IReadOnlyList<OutreachLsp.Server.Protocol.TextEdit> EditsFor(WorkspaceEdit edit, string uri)
    {
        if (edit.Changes is { } changes) return changes.TryGetValue(uri, out var list) ? list : [];
        var result = new List<OutreachLsp.Server.Protocol.TextEdit>();
        foreach (var change in edit.DocumentChanges ?? [])
        {
            var element = change is JsonElement e ? e : JsonSerializer.SerializeToElement(change, LspJson.Options);
            if (!element.TryGetProperty("textDocument", out var doc) || doc.GetProperty("uri").GetString() != uri) continue;
            result.AddRange(element.GetProperty("edits").Deserialize<List<OutreachLsp.Server.Protocol.TextEdit>>(LspJson.Options)!);
        }
        return result;
    }
}
