using System.Text;
using OutreachLsp.Core.Text;
using OutreachLsp.Server.Protocol;

namespace OutreachLsp.Server.Workspace;

/// <summary>Applies <c>textDocument/didChange</c> content changes, in order, each against the text the previous one produced.</summary>
public static class TextSync
{
    public static string Apply(string text, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        foreach (var change in changes)
        {
            if (change.Range is null)
            {
                text = change.Text ?? "";
                continue;
            }
            var source = new SourceText(text);
            var span = ProtocolConversions.ToSpan(source, change.Range);
            var sb = new StringBuilder(text.Length - span.Length + (change.Text?.Length ?? 0));
            sb.Append(text, 0, span.Start).Append(change.Text).Append(text, span.End, text.Length - span.End);
            text = sb.ToString();
        }
        return text;
    }
}
