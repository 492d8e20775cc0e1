using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Yaml;

/// <summary>A closed set of values, shown as written in the docs and stored lower-case.</summary>
internal sealed class ValueSet
{
    public ValueSet(params string[] display)
    {
        Display = display;
        Canonical = display.Select(d => d.ToLowerInvariant()).ToArray();
    }

    /// <summary>The values as the docs write them ("J-1 or H-1B").</summary>
    public string[] Display { get; }

    /// <summary>The same values lower-case ("j-1 or h-1b"): what the models store.</summary>
    public string[] Canonical { get; }

    /// <summary>"a, b or c" for messages.</summary>
    public string Describe() => Display.Length switch
    {
        0 => "",
        1 => Display[0],
        _ => string.Join(", ", Display[..^1]) + " or " + Display[^1],
    };
}

/// <summary>
/// Reads typed values out of <see cref="YNode"/>s and reports located problems: the code shared by the
/// front-matter reader and the config loader, so both speak the same way about dates, booleans and
/// enumerated values, and both offer the same did-you-mean fixes.
/// </summary>
internal sealed class YamlValueReader
{
    private readonly ImmutableArray<Finding>.Builder _findings;

    public YamlValueReader(string documentId, string ruleId, ImmutableArray<Finding>.Builder findings)
    {
        DocumentId = documentId;
        RuleId = ruleId;
        _findings = findings;
    }

    public string DocumentId { get; }

    public string RuleId { get; }

    public void Report(Severity severity, TextSpan span, string message, string? replacement = null, bool safe = false)
    {
        var finding = new Finding(RuleId, severity, DocumentId, span, message);
        if (replacement is not null)
        {
            finding = finding with
            {
                Fixes = [new Fix($"Change to '{replacement}'", [new TextEdit(span, replacement)], IsPreferred: true, IsSafe: safe)],
            };
        }
        _findings.Add(finding);
    }

    /// <summary>The scalar, or null after reporting that a single value was expected.</summary>
    public YScalar? ExpectScalar(YNode node, string what)
    {
        if (node is YScalar s) return s;
        Report(Severity.Error, node.Span, $"{what} must be a single value, not a {node.KindName}.");
        return null;
    }

    /// <summary>A trimmed string, or null for an empty value or after reporting a list or mapping.</summary>
    public string? ReadString(YNode node, string what)
    {
        var s = ExpectScalar(node, what);
        if (s is null || s.IsNull) return null;
        string v = s.Value.Trim();
        return v.Length == 0 ? null : v;
    }

    /// <summary>A single string or a list of strings. Non-string items are reported and skipped.</summary>
    public ImmutableArray<string> ReadStringList(YNode node, string what)
    {
        switch (node)
        {
            case YScalar s:
                if (s.IsNull) return ImmutableArray<string>.Empty;
                string v = s.Value.Trim();
                return v.Length == 0 ? ImmutableArray<string>.Empty : [v];
            case YSequence seq:
                var builder = ImmutableArray.CreateBuilder<string>(seq.Items.Length);
                foreach (var item in seq.Items)
                {
                    if (item is not YScalar itemScalar)
                    {
                        Report(Severity.Error, item.Span, $"Each item of {what} must be a single value, not a {item.KindName}.");
                        continue;
                    }
                    if (itemScalar.IsNull) continue;
                    string t = itemScalar.Value.Trim();
                    if (t.Length > 0) builder.Add(t);
                }
                return builder.ToImmutable();
            default:
                Report(Severity.Error, node.Span, $"{what} must be a value or a list of values, not a {node.KindName}.");
                return ImmutableArray<string>.Empty;
        }
    }

    /// <summary>A YYYY-MM-DD date, or null (reported unless empty).</summary>
    public DateOnly? ReadDate(YNode node, string what)
    {
        var s = ExpectScalar(node, what);
        if (s is null || s.IsNull) return null;
        string v = s.Value.Trim();
        if (v.Length == 0) return null;
        if (IsDateShaped(v))
        {
            if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            Report(Severity.Error, s.Span, $"'{v}' is not a real calendar date.");
            return null;
        }
        Report(Severity.Error, s.Span, $"'{Shorten(v)}' is not a date; write YYYY-MM-DD (for example 2025-09-22).");
        return null;
    }

    /// <summary>true/false (also yes/no), or null (reported unless empty).</summary>
    public bool? ReadBool(YNode node, string what)
    {
        var s = ExpectScalar(node, what);
        if (s is null || s.IsNull) return null;
        string v = s.Value.Trim().ToLowerInvariant();
        switch (v)
        {
            case "": return null;
            case "true" or "yes": return true;
            case "false" or "no": return false;
        }
        string? suggestion = DidYouMean.Closest(v, ["true", "false"]);
        Report(Severity.Error, s.Span, $"'{Shorten(s.Value.Trim())}' is not a valid {what} value; use true or false.{Hint(suggestion)}", suggestion);
        return null;
    }

    /// <summary>An integer within [min, max], or null (reported unless empty).</summary>
    public int? ReadInt(YNode node, string what, int min, int max)
    {
        var s = ExpectScalar(node, what);
        if (s is null || s.IsNull) return null;
        string v = s.Value.Trim();
        if (v.Length == 0) return null;
        if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max) return n;
        Report(Severity.Error, s.Span, $"'{Shorten(v)}' is not a valid {what}; write a year between {min} and {max}.");
        return null;
    }

    /// <summary>
    /// One of <paramref name="set"/>, lower-case canonical, or null (reported with the allowed values
    /// and a did-you-mean fix unless empty). Case and runs of spaces do not matter.
    /// </summary>
    public string? ReadEnum(YNode node, string what, ValueSet set)
    {
        var s = ExpectScalar(node, what);
        if (s is null || s.IsNull) return null;
        string v = Normalize(s.Value);
        if (v.Length == 0) return null;
        int idx = Array.IndexOf(set.Canonical, v);
        if (idx >= 0) return set.Canonical[idx];
        string? suggestion = DidYouMean.Closest(v, set.Display);
        bool safe = suggestion is not null && DidYouMean.Compact(suggestion) == DidYouMean.Compact(v);
        Report(Severity.Error, s.Span, $"'{Shorten(s.Value.Trim())}' is not a valid {what} value; use {set.Describe()}.{Hint(suggestion)}", suggestion, safe);
        return null;
    }

    /// <summary>Lower-case, trimmed, inner whitespace collapsed to one space.</summary>
    public static string Normalize(string value)
    {
        var span = value.AsSpan().Trim();
        var sb = new StringBuilder(span.Length);
        bool space = false;
        foreach (char c in span)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    public static string Hint(string? suggestion) => suggestion is null ? "" : $" Did you mean '{suggestion}'?";

    /// <summary>Keeps messages readable when someone pastes a paragraph into a field.</summary>
    public static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";

    private static bool IsDateShaped(string v) =>
        v.Length == 10 && char.IsAsciiDigit(v[0]) && char.IsAsciiDigit(v[1]) && char.IsAsciiDigit(v[2]) && char.IsAsciiDigit(v[3])
        && v[4] == '-' && char.IsAsciiDigit(v[5]) && char.IsAsciiDigit(v[6]) && v[7] == '-' && char.IsAsciiDigit(v[8]) && char.IsAsciiDigit(v[9]);
}

/// <summary>Did-you-mean for keys and values: edit distance ≤ 2, or the same letters and digits ("thank you", "thankyou" → "thank-you").</summary>
internal static class DidYouMean
{
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string needle = input.Trim().ToLowerInvariant();
        // Long values are pasted text, not typos; and the distance table is quadratic.
        if (needle.Length == 0 || needle.Length > 64) return null;
        string compactNeedle = Compact(needle);
        string? best = null;
        int bestScore = int.MaxValue;
        foreach (var candidate in candidates)
        {
            string lower = candidate.ToLowerInvariant();
            int score;
            if (compactNeedle.Length > 0 && Compact(lower) == compactNeedle) score = 0;
            else
            {
                int d = Math.Min(Suggest.Distance(needle, lower), Suggest.Distance(compactNeedle, Compact(lower)));
                if (d <= 2 && d < lower.Length) score = d;
                else if (needle.Length >= 3 && lower.StartsWith(needle, StringComparison.Ordinal)) score = 3; // "warn" → "warning"
                else continue;
            }
            if (score < bestScore) { bestScore = score; best = candidate; }
        }
        return best;
    }

    /// <summary>Only letters and digits, lower-case.</summary>
    public static string Compact(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (char c in value)
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
