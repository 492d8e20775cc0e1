using System.Text.RegularExpressions;

namespace OutreachLsp.Core.Rules;

/// <summary>
/// Regular expressions from rule packs are untrusted: they run on .NET's non-backtracking engine
/// (linear time in the input, whatever the pattern), with a match timeout as a second fence and a
/// cap on pattern length. A pattern the engine cannot run without backtracking (backreferences,
/// lookarounds) is refused at load time with a located error.
/// </summary>
public static class SafeRegex
{
    public const int MaxPatternLength = 2000;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(50);

    public static Regex? Create(string pattern, out string? error)
    {
        error = null;
        if (pattern.Length > MaxPatternLength)
        {
            error = $"longer than {MaxPatternLength} characters";
            return null;
        }
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or OutOfMemoryException)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>The first match, or null (also when the timeout fires: a slow pattern reports nothing).</summary>
    public static System.Text.RegularExpressions.Match? Match(Regex regex, string input) => Match(regex, input, 0, input.Length);

    /// <summary>
    /// As <see cref="Match(Regex, string)"/> on input[start, start + length), which the pattern sees as
    /// its whole input (anchors included), without copying it out. Match indices are into <paramref name="input"/>.
    /// </summary>
    public static System.Text.RegularExpressions.Match? Match(Regex regex, string input, int start, int length)
    {
        try
        {
            // Most inputs do not match: answering that on the span allocates nothing.
            if (!regex.IsMatch(input.AsSpan(start, length))) return null;
            var m = regex.Match(input, start, length);
            return m.Success ? m : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
