namespace OutreachLsp.Core.Text;

/// <summary>An immutable document text with its line index, built once and shared.</summary>
public sealed class SourceText
{
    private LineIndex? _lines;

    public SourceText(string text) => Text = text ?? string.Empty;

    public string Text { get; }

    public int Length => Text.Length;

    public LineIndex Lines => _lines ??= LineIndex.Create(Text);

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);

    public LinePosition GetPosition(int offset) => Lines.GetPosition(offset);

    public int GetOffset(LinePosition position) => Lines.GetOffset(position, Text);

    public override string ToString() => Text;
}
