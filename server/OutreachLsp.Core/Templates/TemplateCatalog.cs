using System.Collections.Immutable;
using System.Reflection;

namespace OutreachLsp.Core.Templates;

/// <summary>
/// One email template: its type (the file name without <c>.scriban</c>), a title and description
/// read from the template's header comment, and the template text itself.
/// </summary>
/// <param name="Type">The template's name, e.g. <c>thank-you</c>.</param>
/// <param name="Title">One line for menus and snippet names.</param>
/// <param name="Description">What the email is for and when to send it.</param>
/// <param name="Text">The Scriban template text.</param>
/// <param name="Origin">Where the text came from: an embedded resource name or a file path.</param>
public sealed record TemplateInfo(string Type, string Title, string Description, string Text, string Origin);

/// <summary>
/// The email templates available for <c>outreach new</c>, completion and editor snippets. The shipped
/// ones are embedded in the engine assembly from <c>snippets/*.scriban</c>; others (a workspace
/// <c>templates:</c> folder later) can be layered on with <see cref="With"/>. Immutable.
/// </summary>
/// <remarks>
/// A template starts with a Scriban comment block that names it:
/// <code>
/// {{-
/// # title: Thank-you note after an interview
/// # description: Sent within 72 hours of the interview ...
/// -}}
/// </code>
/// </remarks>
public sealed class TemplateCatalog
{
    private const string ResourcePrefix = "OutreachLsp.Snippets.";
    private const string ResourceSuffix = ".scriban";

    /// <summary>The order the seed guide's timeline follows; templates not listed come after, by name.</summary>
    private static readonly string[] PreferredOrder =
    [
        "interest", "visa-inquiry", "thank-you", "update", "letter-of-intent",
        "offer-response", "offer-accept", "offer-decline",
    ];

    private static readonly Lazy<TemplateCatalog> s_default = new(LoadEmbedded);

    private readonly ImmutableDictionary<string, TemplateInfo> _byType;

    private TemplateCatalog(IEnumerable<TemplateInfo> templates)
    {
        var byType = ImmutableDictionary.CreateBuilder<string, TemplateInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in templates) byType[t.Type] = t;
        _byType = byType.ToImmutable();
        All = _byType.Values
            .OrderBy(t => Array.IndexOf(PreferredOrder, t.Type.ToLowerInvariant()) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(t => t.Type, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>The templates shipped in the engine assembly.</summary>
    public static TemplateCatalog Default => s_default.Value;

    /// <summary>All templates, in the seed guide's timeline order.</summary>
    public ImmutableArray<TemplateInfo> All { get; }

    public IEnumerable<string> Types => All.Select(t => t.Type);

    public TemplateInfo? Get(string type) => _byType.TryGetValue(type, out var t) ? t : null;

    /// <summary>A catalog built from template texts (e.g. a workspace folder), keyed by type.</summary>
    public static TemplateCatalog FromTexts(IEnumerable<(string Type, string Text, string Origin)> templates) =>
        new(templates.Select(t => Describe(t.Type, t.Text, t.Origin)));

    /// <summary>This catalog with <paramref name="overrides"/> added; same type replaces the shipped one.</summary>
    public TemplateCatalog With(IEnumerable<TemplateInfo> overrides) => new(All.Concat(overrides));

    /// <summary>Reads the title and description from the template's header comment.</summary>
    public static TemplateInfo Describe(string type, string text, string origin)
    {
        string? title = null, description = null;
        // Only the leading code block is the header; a "# title:" further down is template content.
        int headerEnd = text.StartsWith("{{", StringComparison.Ordinal) ? text.IndexOf("}}", StringComparison.Ordinal) : -1;
        if (headerEnd > 0)
        {
            foreach (var rawLine in text[..headerEnd].Split('\n'))
            {
                var line = rawLine.Trim().TrimStart('#').Trim();
                if (line.StartsWith("title:", StringComparison.OrdinalIgnoreCase)) title = line["title:".Length..].Trim();
                else if (line.StartsWith("description:", StringComparison.OrdinalIgnoreCase)) description = line["description:".Length..].Trim();
            }
        }
        return new TemplateInfo(type, title ?? type, description ?? "", text, origin);
    }

    private static TemplateCatalog LoadEmbedded()
    {
        var assembly = typeof(TemplateCatalog).Assembly;
        var templates = new List<TemplateInfo>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(ResourceSuffix, StringComparison.Ordinal)) continue;
            string type = name[ResourcePrefix.Length..^ResourceSuffix.Length];
            templates.Add(Describe(type, ReadResource(assembly, name), name));
        }
        return new TemplateCatalog(templates);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        // Templates are written with "\n"; a checkout with CRLF must not change the rendered drafts.
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
