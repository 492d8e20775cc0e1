using System.Globalization;
using System.Text;
using OutreachLsp.Core.Config;
using Scriban.Runtime;

namespace OutreachLsp.Core.Templates;

/// <summary>
/// Builds the only data a template sees: three parallel trees of plain strings and booleans.
/// <list type="bullet">
/// <item><c>program</c>, <c>to_name</c>, <c>profile.name</c>, ...: the value for the email body, or a
/// visible placeholder such as <c>[Program name]</c> when unknown;</item>
/// <item><c>known.program</c>, ...: whether the value is known, for <c>if</c> blocks;</item>
/// <item><c>fm.program</c>, ...: the value as a YAML scalar for the front matter, or empty when unknown.</item>
/// </list>
/// Plus two functions: <c>blank "label"</c> (a placeholder the applicant must fill) and
/// <c>yaml value</c> (quotes a string for front matter).
/// </summary>
internal static class TemplateScope
{
    private static readonly string[] Honorifics = ["Dr.", "Dr", "Ms.", "Ms", "Mr.", "Mr", "Mrs.", "Mrs", "Mx.", "Mx", "Prof.", "Professor"];

    public static ScriptObject Build(TemplateModel model)
    {
        var root = new Tree();
        var profile = model.Profile;

        root.Add("program", model.Program, "Program name");
        root.Add("institution", model.Institution, "Institution");
        root.Add("to", model.To, "Recipient email");
        root.Add("to_name", model.ToName, "Recipient name");
        root.Add("to_role", model.ToRole, "Recipient role");
        root.Add("the_program", string.IsNullOrWhiteSpace(model.Program) ? null : WithArticle(model.Program), "Program name", display: string.IsNullOrWhiteSpace(model.Program) ? "the " + Blank("Program name") : null);

        bool coordinator = model.ToRole?.Contains("coordinator", StringComparison.OrdinalIgnoreCase) == true;
        root.Add("salutation", model.ToName is null ? null : SalutationName(model.ToName), "Recipient name",
            display: model.ToName is null ? (coordinator ? Blank("Coordinator's name") : "Dr. " + Blank("Last name")) : null);

        string? year = model.MatchYear?.ToString(CultureInfo.InvariantCulture);
        root.Add("match_year", year, "Match year", fm: year); // a YAML integer, not a quoted string
        root.Add("interview_date", model.InterviewDate?.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture), "Interview date",
            fm: model.InterviewDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), fmLabel: "Interview date, YYYY-MM-DD");
        root.Add("interview_month", model.InterviewDate?.ToString("MMMM", CultureInfo.InvariantCulture), "Interview month");
        root.Add("send_date", model.SendDate?.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture), "Send date",
            fm: model.SendDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                // In an editor the snippet can fill today's date itself.
                ?? Sentinel(TemplateRenderer.KindVariable, "$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE"));

        string nrmp = model.Nrmp switch { true => "true", false => "false", null => "unknown" };
        root.AddFixed("nrmp", nrmp, model.Nrmp is not null);
        string programVisa = string.IsNullOrWhiteSpace(model.ProgramVisa) ? "unknown" : model.ProgramVisa.Trim();
        root.AddFixed("program_visa", programVisa, programVisa != "unknown");
        root.AddFixed("stage_after_interview", StageAfterInterview(model), known: model.SendDate is not null && model.Calendar is not null);
        root.Add("rol_deadline", model.Calendar?.RolDeadline.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture), "rank list certification deadline");
        root.AddFlag("interviewed", model.InterviewDate is { } interview && model.SendDate is { } sent && interview <= sent);
        root.AddFlag("after_rol_deadline", model.Calendar is { } cal && model.SendDate is { } date && date > cal.RolDeadline);

        var p = root.Child("profile");
        p.Add("name", profile.Name, "Your name");
        p.Add("degree", profile.Degree, "Degree");
        p.Add("aamc_id", profile.AamcId, "AAMC ID");
        p.Add("email", profile.Email, "Your email");
        p.Add("phone", profile.Phone, "Your phone");
        p.Add("school", profile.School, "Medical school");
        p.Add("specialty", profile.Specialty, "Specialty");
        p.Add("visa", VisaLabel(profile.Visa), "Visa");
        p.Add("step3", Canonical(profile.Step3), "Step 3 status");
        p.AddFixed("ecfmg_certified", profile.EcfmgCertified switch { true => "true", false => "false", null => "" }, profile.EcfmgCertified is not null);

        string? signature = profile.Name is null ? null : profile.Degree is null ? profile.Name : $"{profile.Name}, {profile.Degree}";
        root.Add("signature_name", signature, "Your name",
            display: signature is null ? Blank("Your name") + (profile.Degree is null ? "" : ", " + Clean(profile.Degree)) : null);

        var script = root.ToScriptObject();
        script.Import("blank", new Func<string, string>(label => Blank(label ?? "")));
        script.Import("yaml", new Func<object?, string>(value => Yaml(value)));
        return script;
    }

    public static string Blank(string label) => Sentinel(TemplateRenderer.KindBlank, Clean(label));

    private static string Field(string label) => Sentinel(TemplateRenderer.KindField, Clean(label));

    private static string Sentinel(char kind, string label) =>
        $"{TemplateRenderer.Start}{kind}{label}{TemplateRenderer.End}";

    /// <summary>Model values must not smuggle sentinels or line breaks into the draft.</summary>
    private static string Clean(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (char c in value.Trim())
        {
            if (c is TemplateRenderer.Start or TemplateRenderer.End) continue;
            sb.Append(c is '\r' or '\n' or '\t' ? ' ' : c);
        }
        return sb.ToString();
    }

    /// <summary>"Dr. Miriam Feld" → "Dr. Feld"; a name without an honorific is used whole.</summary>
    internal static string SalutationName(string toName)
    {
        // Post-nominals ("Dr. Ana Ruiz, MD") are not part of a salutation.
        int comma = toName.IndexOf(',');
        string name = (comma > 0 ? toName[..comma] : toName).Trim();
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && Honorifics.Contains(parts[0], StringComparer.OrdinalIgnoreCase))
        {
            string honorific = parts[0].EndsWith('.') || parts[0].Equals("Professor", StringComparison.OrdinalIgnoreCase) ? parts[0] : parts[0] + ".";
            return $"{honorific} {parts[^1]}";
        }
        return name;
    }

    /// <summary>
    /// "the Pinecrest Medical Center Internal Medicine Residency" but "Pinecrest IM": a full name
    /// ending in a common noun takes the article, a short name reads better without it.
    /// </summary>
    internal static string WithArticle(string program)
    {
        string name = program.Trim();
        if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) return name;
        string last = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd('.', ')');
        bool commonNoun = last.ToLowerInvariant() is "residency" or "program" or "programme" or "track" or "pathway" or "training";
        return commonNoun || name.StartsWith("University ", StringComparison.OrdinalIgnoreCase) ? "the " + name : name;
    }

    private static string? VisaLabel(string? visa) => visa?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "j-1" or "j1" => "J-1",
        "h-1b" or "h1b" => "H-1B",
        "j-1 or h-1b" or "j-1/h-1b" or "h-1b or j-1" => "J-1 or H-1B",
        "none" => "none",
        var other => visa!.Trim(),
    };

    private static string? Canonical(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    private static string StageAfterInterview(TemplateModel model)
    {
        if (model.SendDate is not { } send || model.Calendar is not { } calendar) return "post-interview";
        if (send >= calendar.MatchWeekStart) return "match-week";
        if (send > calendar.RolDeadline) return "post-certification";
        if (send >= calendar.RankOpen) return "rank-season";
        return "post-interview";
    }

    /// <summary>Formats a value as a YAML scalar: plain when unambiguous, double-quoted otherwise.</summary>
    internal static string Yaml(object? value)
    {
        string text = value switch
        {
            null => "",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (text.Length == 0) return "";
        if (IsPlainSafe(text)) return text;
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static bool IsPlainSafe(string text)
    {
        if (!char.IsAsciiLetter(text[0])) return false;
        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':')) return false;
        foreach (char c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c is ' ' or '.' or ',' or '\'' or '(' or ')' or '/' or '@' or '_' or '+' or '-' or '&' or ':' or '’' or '–' or '—'))
                return false;
        }
        // Words YAML 1.1 readers turn into booleans or null.
        return text.ToLowerInvariant() is not ("true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or "null");
    }

    /// <summary>Three parallel trees (display, known, fm) filled together so they cannot drift apart.</summary>
    private sealed class Tree
    {
        private readonly ScriptObject _display = new();
        private readonly ScriptObject _known = new();
        private readonly ScriptObject _fm = new();
        private readonly List<(string Name, Tree Child)> _children = [];

        /// <param name="key">The variable name templates use.</param>
        /// <param name="value">The value, or null when unknown.</param>
        /// <param name="label">The placeholder label when unknown (<c>[label]</c>, <c>${n:label}</c>).</param>
        /// <param name="display">Body text when it differs from the value (e.g. derived wording for an unknown value).</param>
        /// <param name="fm">Front-matter text when it differs from the YAML form of the value.</param>
        /// <param name="fmLabel">Tab-stop label in front matter when its format differs from the body's (dates).</param>
        public void Add(string key, string? value, string label, string? display = null, string? fm = null, string? fmLabel = null)
        {
            string? clean = string.IsNullOrWhiteSpace(value) ? null : Clean(value);
            _display[key] = display ?? (clean ?? Blank(label));
            _known[key] = clean is not null;
            _fm[key] = fm ?? (clean is null ? Field(fmLabel ?? label) : Yaml(clean));
        }

        /// <summary>A value that is always written as is (an enumerated value such as <c>unknown</c>).</summary>
        public void AddFixed(string key, string value, bool known)
        {
            _display[key] = value;
            _known[key] = known;
            _fm[key] = value;
        }

        /// <summary>A condition for <c>if</c> blocks; the same boolean in every tree.</summary>
        public void AddFlag(string key, bool value)
        {
            _display[key] = value;
            _known[key] = true;
            _fm[key] = value ? "true" : "false";
        }

        public Tree Child(string key)
        {
            var child = new Tree();
            _children.Add((key, child));
            return child;
        }

        public ScriptObject ToScriptObject()
        {
            var root = Merge();
            root["known"] = MergeKnown();
            root["fm"] = MergeFm();
            return root;
        }

        private ScriptObject Merge()
        {
            var o = new ScriptObject();
            foreach (var kv in _display) o[kv.Key] = kv.Value;
            foreach (var (name, child) in _children) o[name] = child.Merge();
            return o;
        }

        private ScriptObject MergeKnown()
        {
            var o = new ScriptObject();
            foreach (var kv in _known) o[kv.Key] = kv.Value;
            foreach (var (name, child) in _children) o[name] = child.MergeKnown();
            return o;
        }

        private ScriptObject MergeFm()
        {
            var o = new ScriptObject();
            foreach (var kv in _fm) o[kv.Key] = kv.Value;
            foreach (var (name, child) in _children) o[name] = child.MergeFm();
            return o;
        }
    }
}
