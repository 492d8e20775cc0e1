using System.Collections.Immutable;
using System.Globalization;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;

namespace OutreachLsp.Core.Rules;

/// <summary>
/// One metadata condition of a rule, written as a small comparison:
/// <c>type in [thank-you, update]</c>, <c>nrmp != false</c>, <c>send_date &gt; rol_deadline</c>,
/// <c>days(send_date - interview_date) &gt; 3</c>, <c>program_initiated is missing</c>.
/// Operands are front-matter fields (profile defaults applied), calendar dates (rank_open,
/// rol_deadline, match_week_start, soap_end, match_day), <c>days(a - b)</c>, and literals.
/// A missing value makes ==, in, &lt;, &gt; false and !=, not in true; "is missing" and "is set" test it.
/// </summary>
public sealed class Condition
{
    private readonly Operand _left;
    private readonly string _op;
    private readonly Operand? _right;
    private readonly ImmutableArray<string> _list;

    private Condition(string source, Operand left, string op, Operand? right, ImmutableArray<string> list)
    {
        Source = source;
        _left = left;
        _op = op;
        _right = right;
        _list = list;
    }

    public string Source { get; }

    /// <summary>True when the condition reads a calendar date (the rule is skipped without a calendar).</summary>
    public bool UsesCalendar => _left.UsesCalendar || (_right?.UsesCalendar ?? false);

    public static readonly ImmutableHashSet<string> Fields = ImmutableHashSet.Create(StringComparer.Ordinal,
        "type", "stage", "nrmp", "visa", "step3", "ecfmg_certified", "program_visa", "program_policy", "program_initiated",
        "status", "visa_covered", "to", "to_name", "to_role", "program", "institution", "interview_date", "send_date", "match_year", "track", "specialty");

    public static readonly ImmutableHashSet<string> CalendarNames = ImmutableHashSet.Create(StringComparer.Ordinal,
        "rank_open", "rol_deadline", "match_week_start", "soap_end", "match_day");

    public static Condition? Parse(string source, out string? error)
    {
        error = null;
        var s = source.Trim();
        try
        {
            foreach (var op in new[] { " not in ", " in " })
            {
                int at = s.IndexOf(op, StringComparison.Ordinal);
                if (at <= 0) continue;
                var left = Operand.Parse(s[..at]);
                var rest = s[(at + op.Length)..].Trim();
                if (!rest.StartsWith('[') || !rest.EndsWith(']')) throw new FormatException($"'{op.Trim()}' needs a list like [a, b]");
                var items = rest[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(v => v.Trim('"', '\'').ToLowerInvariant()).ToImmutableArray();
                return new Condition(source, left, op.Trim(), null, items);
            }
            foreach (var suffix in new[] { " is missing", " is set" })
            {
                if (!s.EndsWith(suffix, StringComparison.Ordinal)) continue;
                return new Condition(source, Operand.Parse(s[..^suffix.Length]), suffix.Trim(), null, ImmutableArray<string>.Empty);
            }
            foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
            {
                int at = s.IndexOf(op, StringComparison.Ordinal);
                if (at <= 0) continue;
                return new Condition(source, Operand.Parse(s[..at]), op, Operand.Parse(s[(at + op.Length)..]), ImmutableArray<string>.Empty);
            }
            throw new FormatException("expected a comparison such as 'type in [thank-you]', 'nrmp == true', 'send_date > rol_deadline' or 'days(send_date - interview_date) > 3'");
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    public bool Evaluate(DraftFacts facts)
    {
        var left = _left.Evaluate(facts);
        switch (_op)
        {
            case "is missing": return left is null;
            case "is set": return left is not null;
            case "in": return left is not null && _list.Contains(Format(left));
            case "not in": return left is null || !_list.Contains(Format(left));
        }
        var right = _right!.Evaluate(facts);
        if (_op == "!=") return left is null || right is null || !Equal(left, right);
        if (left is null || right is null) return false;
        if (_op == "==") return Equal(left, right);
        int? cmp = (left, right) switch
        {
            (DateOnly a, DateOnly b) => a.CompareTo(b),
            (int a, int b) => a.CompareTo(b),
            _ => null,
        };
        if (cmp is not { } c) return false;
        return _op switch { "<" => c < 0, "<=" => c <= 0, ">" => c > 0, ">=" => c >= 0, _ => false };
    }

    private static bool Equal(object a, object b) => Format(a) == Format(b);

    private static string Format(object value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString()!.ToLowerInvariant(),
    };

    public override string ToString() => Source;

    private abstract class Operand
    {
        public virtual bool UsesCalendar => false;

        public abstract object? Evaluate(DraftFacts facts);

        public static Operand Parse(string text)
        {
            var t = text.Trim();
            if (t.StartsWith("days(", StringComparison.Ordinal) && t.EndsWith(')'))
            {
                var inner = t[5..^1];
                int minus = inner.IndexOf(" - ", StringComparison.Ordinal);
                if (minus < 0) throw new FormatException("days() takes a difference of two dates: days(send_date - interview_date)");
                return new Days(Parse(inner[..minus]), Parse(inner[(minus + 3)..]));
            }
            if (Fields.Contains(t)) return new Field(t);
            if (CalendarNames.Contains(t)) return new CalendarDate(t);
            if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return new Literal(date);
            if (int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n)) return new Literal(n);
            if (t.Length == 0) throw new FormatException("missing operand");
            if (t.Contains(' ') || t.Contains('(')) throw new FormatException($"'{t}' is not a field, calendar date, date or value");
            return new Literal(t.Trim('"', '\'').ToLowerInvariant());
        }
    }

    private sealed class Literal(object value) : Operand
    {
        public override object? Evaluate(DraftFacts facts) => value;
    }

    private sealed class CalendarDate(string name) : Operand
    {
        public override bool UsesCalendar => true;
        public override object? Evaluate(DraftFacts facts) => facts.Calendar?.Get(name);
    }

    private sealed class Days(Operand later, Operand earlier) : Operand
    {
        public override bool UsesCalendar => later.UsesCalendar || earlier.UsesCalendar;
        public override object? Evaluate(DraftFacts facts) =>
            later.Evaluate(facts) is DateOnly a && earlier.Evaluate(facts) is DateOnly b ? a.DayNumber - b.DayNumber : null;
    }

    private sealed class Field(string name) : Operand
    {
        /// <summary>
        /// Whether the program's known sponsorship covers the applicant's need (RULES.md 4a): null when
        /// either side is unknown; "j-1 or h-1b" is covered by a program sponsoring either.
        /// </summary>
        private static string? VisaCovered(string? need, string? offered)
        {
            if (need is null || offered is null || offered == "unknown") return null;
            if (need == "none") return "true";
            bool j = offered is "j-1" or "j-1 and h-1b" or "j-1 or h-1b";
            bool h = offered is "h-1b" or "j-1 and h-1b" or "j-1 or h-1b";
            bool covered = need switch
            {
                "j-1" => j,
                "h-1b" => h,
                "j-1 or h-1b" or "j-1 and h-1b" => j || h,
                _ => false,
            };
            return covered ? "true" : "false";
        }

        public override object? Evaluate(DraftFacts facts)
        {
            var m = facts.Meta;
            return name switch
            {
                "type" => m.Type,
                "stage" => m.Stage,
                "nrmp" => m.Nrmp switch { NrmpStatus.True => "true", NrmpStatus.False => "false", _ => "unknown" },
                "visa" => facts.Visa,
                "step3" => facts.Step3,
                "ecfmg_certified" => facts.EcfmgCertified,
                "program_visa" => m.ProgramVisa,
                "program_policy" => m.ProgramPolicy,
                "program_initiated" => m.ProgramInitiated,
                "status" => m.Status,
                "visa_covered" => VisaCovered(facts.Visa, m.ProgramVisa),
                "to" => m.To,
                "to_name" => m.ToName,
                "to_role" => m.ToRole,
                "program" => m.Program,
                "institution" => m.Institution,
                "interview_date" => m.InterviewDate,
                "send_date" => m.SendDate,
                "match_year" => facts.MatchYear,
                "track" => m.Track,
                "specialty" => m.Specialty,
                _ => null,
            };
        }
    }
}

/// <summary>All conditions of a rule (a conjunction), compiled once.</summary>
public sealed class ConditionSet
{
    public static readonly ConditionSet Always = new(ImmutableArray<Condition>.Empty);

    public ConditionSet(ImmutableArray<Condition> conditions) => Conditions = conditions;

    public ImmutableArray<Condition> Conditions { get; }

    public bool UsesCalendar => Conditions.Any(c => c.UsesCalendar);

    public bool Holds(DraftFacts facts)
    {
        foreach (var c in Conditions) if (!c.Evaluate(facts)) return false;
        return true;
    }

    /// <summary>Reads a list of condition strings from <paramref name="key"/>.</summary>
    public static ConditionSet Read(RuleYaml yaml, string key)
    {
        var node = yaml.Get(key);
        return node is null ? Always : Read(yaml, node, key);
    }

    public static ConditionSet Read(RuleYaml yaml, YamlDotNet.RepresentationModel.YamlNode node, string what)
    {
        var list = ImmutableArray.CreateBuilder<Condition>();
        foreach (var (text, itemNode) in yaml.ReadStrings(node, what))
        {
            var c = Condition.Parse(text, out var error);
            if (c is null) yaml.Error(itemNode, $"bad condition '{text}': {error}");
            else list.Add(c);
        }
        return new ConditionSet(list.ToImmutable());
    }
}
