using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace OutreachLsp.Core.Templates;

/// <summary>A template that failed to parse or render: where and why (1-based line and column).</summary>
public sealed record TemplateError(string Template, int Line, int Column, string Message)
{
    public override string ToString() => $"{Template}({Line},{Column}): {Message}";
}

/// <summary>The rendered text, or the errors that stopped it.</summary>
public sealed record TemplateResult(string? Text, ImmutableArray<TemplateError> Errors)
{
    public bool Success => Text is not null && Errors.IsEmpty;

    internal static TemplateResult Fail(string template, int line, int column, string message) =>
        new(null, [new TemplateError(template, line, column, message)]);
}

/// <summary>The sandbox limits a template renders under. Templates may come from a workspace, so they are untrusted.</summary>
public sealed record TemplateLimits
{
    public static readonly TemplateLimits Default = new();

    /// <summary>Cumulative iterations of nested loops.</summary>
    public int LoopLimit { get; init; } = 1000;

    /// <summary>Depth of recursive function calls.</summary>
    public int RecursiveLimit { get; init; } = 20;

    /// <summary>Longest string a single expression may build, in UTF-16 code units.</summary>
    public int LimitToString { get; init; } = 64 * 1024;

    /// <summary>Longest rendered output, in UTF-16 code units.</summary>
    public int OutputLimit { get; init; } = 256 * 1024;

    /// <summary>Longest template text accepted.</summary>
    public int MaxTemplateLength { get; init; } = 256 * 1024;

    /// <summary>Wall-clock budget for one render.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Renders email templates (Scriban) into complete drafts, either as plain text or as an LSP/VS Code
/// snippet with tab stops. Templates render in a sandbox: the only data they see is a
/// <see cref="ScriptObject"/> built from the <see cref="TemplateModel"/> (no .NET object is exposed,
/// member access to anything else is an error), with loop, recursion, string, output and time limits.
/// Rendering never throws for a bad template: it returns <see cref="TemplateResult.Errors"/>.
/// Thread-safe.
/// </summary>
/// <remarks>
/// Unknown values are rendered as sentinels (private-use characters around a label) and expanded
/// afterwards: to <c>[label]</c> in the body or nothing in front matter for plain text, and to
/// <c>${n:label}</c> for snippets. This keeps one template for both outputs and lets the snippet
/// escaping apply to literal text only.
/// </remarks>
public sealed class TemplateRenderer
{
    // Sentinels: Start Kind Label End. Kinds: Blank (body placeholder), Field (front-matter value),
    // Variable (snippet-only text such as $CURRENT_YEAR; nothing in plain text).
    internal const char Start = '\uE000';
    internal const char End = '\uE001';
    internal const char KindBlank = 'b';
    internal const char KindField = 'f';
    internal const char KindVariable = 'v';

    private const int MaxCachedTemplates = 64;

    private readonly ConcurrentDictionary<string, Template> _parsed = new(StringComparer.Ordinal);

    public TemplateRenderer(TemplateCatalog catalog, TemplateLimits? limits = null)
    {
        Catalog = catalog;
        Limits = limits ?? TemplateLimits.Default;
    }

    /// <summary>A renderer over the shipped templates.</summary>
    public static TemplateRenderer Default { get; } = new(TemplateCatalog.Default);

    public TemplateCatalog Catalog { get; }

    public TemplateLimits Limits { get; }

    /// <summary>Renders the template of <paramref name="type"/> as a plain draft.</summary>
    public TemplateResult Render(string type, TemplateModel model, CancellationToken cancellationToken = default) =>
        RenderType(type, model, snippet: false, cancellationToken);

    /// <summary>
    /// Renders the same draft as an LSP snippet: each unknown value is a tab stop
    /// (<c>${1:Program name}</c>, one number per label so repeated values mirror), literal
    /// <c>$</c>, <c>}</c> and <c>\</c> are escaped, and <c>$0</c> ends it.
    /// </summary>
    public TemplateResult RenderSnippet(string type, TemplateModel model, CancellationToken cancellationToken = default) =>
        RenderType(type, model, snippet: true, cancellationToken);

    /// <summary>Renders template text from any source (embedded, workspace file, test).</summary>
    public TemplateResult RenderText(string name, string templateText, TemplateModel model, bool snippet, CancellationToken cancellationToken = default)
    {
        if (templateText.Length > Limits.MaxTemplateLength)
            return TemplateResult.Fail(name, 1, 1, $"The template is {templateText.Length} characters long; the limit is {Limits.MaxTemplateLength}.");

        var template = Parse(name, templateText);
        if (template.HasErrors)
        {
            var errors = template.Messages
                .Where(m => m.Type == ParserMessageType.Error)
                .Select(m => new TemplateError(name, m.Span.Start.Line + 1, m.Span.Start.Column + 1, m.Message))
                .ToImmutableArray();
            return new TemplateResult(null, errors.IsEmpty ? [new TemplateError(name, 1, 1, "The template could not be parsed.")] : errors);
        }

        // The time limit is checked by the renderer itself at every node it evaluates, not by a timer:
        // a timer's callback needs a free thread-pool thread, which a busy process may not have for
        // longer than the limit (a starved pool let a one-second render through a 20 ms limit).
        var context = CreateContext(Stopwatch.GetTimestamp() + (long)(Limits.Timeout.TotalSeconds * Stopwatch.Frequency), cancellationToken);
        context.PushGlobal(TemplateScope.Build(model));
        string raw;
        try
        {
            raw = template.Render(context);
        }
        catch (TemplateTimeoutException)
        {
            return TemplateResult.Fail(name, 1, 1, TimeoutMessage());
        }
        catch (ScriptAbortException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return TemplateResult.Fail(name, 1, 1, TimeoutMessage());
        }
        catch (Exception) when (context.IsPastDeadline && !cancellationToken.IsCancellationRequested)
        {
            // Scriban may wrap the deadline's exception when it is thrown inside a function call.
            return TemplateResult.Fail(name, 1, 1, TimeoutMessage());
        }
        catch (ScriptRuntimeException ex)
        {
            return TemplateResult.Fail(name, ex.Span.Start.Line + 1, ex.Span.Start.Column + 1, ex.OriginalMessage);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Scriban reports most template faults as ScriptRuntimeException; anything else (an
            // allocation guard, a bad cast inside a builtin) is still the template's fault, not ours.
            var node = context.CurrentNode;
            int line = node is null ? 1 : node.Span.Start.Line + 1;
            int column = node is null ? 1 : node.Span.Start.Column + 1;
            return TemplateResult.Fail(name, line, column, ex.Message);
        }
        if (context.IsPastDeadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return TemplateResult.Fail(name, 1, 1, TimeoutMessage());
        }
        return new TemplateResult(Expand(raw, snippet), ImmutableArray<TemplateError>.Empty);
    }

    private string TimeoutMessage() => Limits.Timeout < TimeSpan.FromSeconds(1)
        ? $"Rendering took longer than {Limits.Timeout.TotalMilliseconds:0} ms and was stopped."
        : $"Rendering took longer than {Limits.Timeout.TotalSeconds:0.#} s and was stopped.";

    private TemplateResult RenderType(string type, TemplateModel model, bool snippet, CancellationToken cancellationToken)
    {
        var info = Catalog.Get(type);
        if (info is null)
            return TemplateResult.Fail(type, 1, 1, $"Unknown template type '{type}'. Known types: {string.Join(", ", Catalog.Types)}.");
        return RenderText(info.Type, info.Text, model, snippet, cancellationToken);
    }

    private Template Parse(string name, string text)
    {
        if (_parsed.TryGetValue(text, out var cached)) return cached;
        var template = Template.Parse(text, name);
        // Workspace templates change as the user edits them; keep the cache small rather than exact.
        if (_parsed.Count >= MaxCachedTemplates) _parsed.Clear();
        _parsed[text] = template;
        return template;
    }

    private SandboxContext CreateContext(long deadline, CancellationToken cancellationToken) => new(deadline)
    {
        LoopLimit = Limits.LoopLimit,
        LoopLimitQueryable = Limits.LoopLimit,
        RecursiveLimit = Limits.RecursiveLimit,
        ObjectRecursionLimit = 20,
        LimitToString = Limits.LimitToString,
        OnStringLimit = ScriptLimitBehavior.Throw,
        OutputLimit = Limits.OutputLimit,
        OnOutputLimit = ScriptLimitBehavior.Throw,
        RegexTimeOut = TimeSpan.FromMilliseconds(500),
        // A typo such as {{ progam }} or {{ "".GetType }} is an error, not silently empty text.
        StrictVariables = true,
        EnableRelaxedMemberAccess = false,
        EnableRelaxedTargetAccess = false,
        EnableRelaxedFunctionAccess = false,
        EnableRelaxedIndexerAccess = false,
        // No reflection-backed .NET members are visible, even if a builtin hands one out.
        MemberFilter = static _ => false,
        // No include: templates cannot read other files.
        TemplateLoader = null,
        NewLine = "\n",
        CancellationToken = cancellationToken,
    };

    /// <summary>Turns sentinels into placeholders (plain) or tab stops (snippet); trims trailing blanks on each line.</summary>
    internal static string Expand(string raw, bool snippet)
    {
        var sb = new StringBuilder(raw.Length + 64);
        var tabStops = new Dictionary<string, int>(StringComparer.Ordinal);
        int i = 0;
        while (i < raw.Length)
        {
            int open = raw.IndexOf(Start, i);
            int literalEnd = open < 0 ? raw.Length : open;
            AppendLiteral(sb, raw.AsSpan(i, literalEnd - i), snippet);
            if (open < 0) break;
            int close = raw.IndexOf(End, open + 1);
            if (close < 0 || close == open + 1)
            {
                // A stray sentinel (only a hostile template can write one): drop it.
                i = open + 1;
                continue;
            }
            char kind = raw[open + 1];
            string label = raw[(open + 2)..close];
            i = close + 1;
            if (!snippet)
            {
                if (kind == KindBlank) sb.Append('[').Append(label).Append(']');
                continue;
            }
            if (kind == KindVariable)
            {
                sb.Append(label);
                continue;
            }
            if (!tabStops.TryGetValue(label, out int number))
            {
                number = tabStops.Count + 1;
                tabStops[label] = number;
            }
            sb.Append("${").Append(number.ToString(CultureInfo.InvariantCulture)).Append(':');
            AppendLiteral(sb, label, snippet: true);
            sb.Append('}');
        }
        string text = TrimLineEnds(sb.ToString());
        return snippet ? text + "$0" : text;
    }

    private static void AppendLiteral(StringBuilder sb, ReadOnlySpan<char> text, bool snippet)
    {
        foreach (char c in text)
        {
            if (c is Start or End) continue;
            if (snippet && c is '$' or '}' or '\\') sb.Append('\\');
            sb.Append(c);
        }
    }

    private static string TrimLineEnds(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
            sb.Append(line.TrimEnd(' ', '\t')).Append('\n');
        sb.Length--; // the Split produced one more piece than there were line breaks
        return sb.ToString();
    }
}

/// <summary>A Scriban context that stops evaluating once the render's deadline has passed.</summary>
internal sealed class SandboxContext(long deadline) : TemplateContext
{
    public bool IsPastDeadline => Stopwatch.GetTimestamp() > deadline;

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (IsPastDeadline) throw new TemplateTimeoutException();
        return base.Evaluate(scriptNode, aliasReturnedFunction);
    }
}

internal sealed class TemplateTimeoutException : Exception;
