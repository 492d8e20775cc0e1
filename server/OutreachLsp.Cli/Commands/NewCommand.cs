using System.CommandLine;
using System.Globalization;
using System.Text;
using OutreachLsp.Core.Templates;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Cli.Commands;

/// <summary>
/// <c>outreach new TYPE --program NAME [--to NAME] [--to-email ADDR] [-o FILE] [--config FILE]</c>:
/// writes a draft from a template filled with the workspace profile.
/// </summary>
internal static class NewCommand
{
    public static Command Create(CliContext context)
    {
        var type = new Argument<string>("type") { Description = $"The kind of email: {string.Join(", ", TemplateCatalog.Default.Types)}." };
        var program = new Option<string>("--program", "-p") { Description = "The program's canonical name.", Required = true };
        var to = new Option<string?>("--to") { Description = "The person greeted, with honorific (\"Dr. Miriam Feld\")." };
        var toEmail = new Option<string?>("--to-email") { Description = "The recipient's email address." };
        var role = new Option<string?>("--role") { Description = "The recipient's role (Program Director, Program Coordinator, ...)." };
        var institution = new Option<string?>("--institution") { Description = "The sponsoring institution." };
        var interviewDate = new Option<string?>("--interview-date") { Description = "Interview date, YYYY-MM-DD." };
        var sendDate = new Option<string?>("--date") { Description = "Planned send date, YYYY-MM-DD (default: today)." };
        var nrmp = new Option<string?>("--nrmp") { Description = "Whether the position fills through the NRMP Match." };
        nrmp.AcceptOnlyFromAmong("true", "false", "unknown");
        var programVisa = new Option<string?>("--program-visa") { Description = "What the program sponsors, as far as you know." };
        programVisa.AcceptOnlyFromAmong("J-1", "H-1B", "J-1 and H-1B", "none", "unknown");
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: TYPE-PROGRAM.md in the current folder; '-' prints it)." };
        var config = new Option<string?>("--config", "-c") { Description = "The workspace config (default: .outreach.yaml in the current folder)." };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists." };

        var command = new Command("new", "Write a new draft from a template, filled from the workspace profile.")
        {
            type, program, to, toEmail, role, institution, interviewDate, sendDate, nrmp, programVisa, output, config, force,
        };
        command.SetAction(parseResult => Run(context, new NewOptions(
            parseResult.GetValue(type)!,
            parseResult.GetValue(program)!,
            parseResult.GetValue(to),
            parseResult.GetValue(toEmail),
            parseResult.GetValue(role),
            parseResult.GetValue(institution),
            parseResult.GetValue(interviewDate),
            parseResult.GetValue(sendDate),
            parseResult.GetValue(nrmp),
            parseResult.GetValue(programVisa),
            parseResult.GetValue(output),
            parseResult.GetValue(config),
            parseResult.GetValue(force))));
        return command;
    }

    internal sealed record NewOptions(string Type, string Program, string? To, string? ToEmail, string? Role, string? Institution,
        string? InterviewDate, string? SendDate, string? Nrmp, string? ProgramVisa, string? Output, string? Config, bool Force);

    private static int Run(CliContext context, NewOptions options)
    {
        var catalog = TemplateCatalog.Default;
        var template = catalog.Get(options.Type);
        if (template is null)
        {
            string? suggestion = Suggest.Closest(options.Type, catalog.Types);
            throw new UsageException($"unknown draft type '{options.Type}'{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} Types: {string.Join(", ", catalog.Types)}");
        }
        if (string.IsNullOrWhiteSpace(options.Program)) throw new UsageException("--program must not be empty");

        var config = ConfigResolver.Load(context, options.Config, context.Environment.CurrentDirectory);
        ConfigResolver.ReportProblems(context, config.Problems);
        var sendDate = ParseDate(options.SendDate, "--date") ?? context.Environment.Today;
        int year = config.MatchYearFor(sendDate);
        var model = new TemplateModel
        {
            Profile = config.Profile,
            Program = options.Program.Trim(),
            Institution = options.Institution,
            To = options.ToEmail,
            ToName = options.To,
            ToRole = options.Role,
            Nrmp = options.Nrmp switch { "true" => true, "false" => false, _ => null },
            ProgramVisa = options.ProgramVisa,
            MatchYear = year,
            SendDate = sendDate,
            InterviewDate = ParseDate(options.InterviewDate, "--interview-date"),
            Calendar = config.GetCalendar(year),
        };
        var result = TemplateRenderer.Default.Render(template.Type, model);
        if (!result.Success)
            throw new InvalidOperationException($"template {template.Type} failed: {string.Join("; ", result.Errors)}");

        if (options.Output == "-")
        {
            context.Out.Write(result.Text);
            return ExitCodes.Success;
        }
        string path = context.Resolve(options.Output ?? $"{template.Type}-{Slug(options.Program)}.md");
        string? folder = Path.GetDirectoryName(path);
        if (folder is not null && !Directory.Exists(folder))
            throw new UsageException($"folder not found: {context.Display(folder)}");
        try
        {
            // CreateNew makes the existence check and the creation one step: no race with another writer.
            using var stream = new FileStream(path, options.Force ? FileMode.Create : FileMode.CreateNew, FileAccess.Write);
            var bytes = new UTF8Encoding(false).GetBytes(result.Text!);
            stream.Write(bytes);
        }
        catch (IOException) when (!options.Force && File.Exists(path))
        {
            throw new UsageException($"{context.Display(path)} already exists (use --force to overwrite)");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {context.Display(path)}: {ex.Message}");
        }
        context.Out.WriteLine(context.Display(path));
        return ExitCodes.Success;
    }

    private static DateOnly? ParseDate(string? value, string option)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw new UsageException($"{option} expects a date as YYYY-MM-DD, not '{value}'");
    }

    /// <summary>"Pinecrest IM" → "pinecrest-im": lower-case ASCII letters and digits joined by single dashes.</summary>
    internal static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char raw in text)
        {
            char c = char.ToLowerInvariant(raw);
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (Fold(c) is { } folded) sb.Append(folded);
            else if (c is '\'' or '’') continue;
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        string slug = sb.ToString().Trim('-');
        if (slug.Length > 60) slug = slug[..60].TrimEnd('-');
        return slug.Length == 0 ? "program" : slug;
    }

    // The process runs with invariant globalization, where string.Normalize cannot strip accents;
    // a table of the Latin letters program names use does.
    private static readonly (string Accented, string Plain)[] Folds =
    [
        ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
        ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
        ("ß", "ss"), ("æ", "ae"), ("œ", "oe"),
    ];

    private static string? Fold(char c)
    {
        if (c < '\u00C0') return null;
        foreach (var (accented, plain) in Folds)
            if (accented.Contains(c)) return plain;
        return null;
    }
}
