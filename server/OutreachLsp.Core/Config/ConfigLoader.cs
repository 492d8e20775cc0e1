using System.Collections.Immutable;
using System.Globalization;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.IO;
using OutreachLsp.Core.Text;
using OutreachLsp.Core.Yaml;

namespace OutreachLsp.Core.Config;

/// <summary>
/// Reads <c>.outreach.yaml</c> (schema: <c>schemas/outreach.schema.json</c>). Never throws: every
/// problem is a <see cref="Finding"/> with rule id <c>config</c>, located on the offending key or
/// value of the config file, in <see cref="WorkspaceConfig.Problems"/>. A bad section is skipped
/// and its defaults kept; the rest of the file still applies.
/// </summary>
public static class ConfigLoader
{
    /// <summary>File names looked for in a workspace root, in order.</summary>
    public static readonly ImmutableArray<string> FileNames = [".outreach.yaml", ".outreach.yml"];

    public static readonly ImmutableArray<string> TopLevelKeys = ["profile", "match_year", "calendars", "rules", "packs", "ignore"];

    public static readonly ImmutableArray<string> ProfileKeys = ["name", "degree", "aamc_id", "email", "phone", "school", "specialty", "visa", "step3", "ecfmg_certified"];

    public static readonly ImmutableArray<string> CalendarKeys = ["rank_open", "rol_deadline", "match_week_start", "soap_end", "match_day"];

    /// <summary>Severity words accepted under <c>rules:</c>.</summary>
    public static readonly ImmutableArray<string> SeverityWords = ["off", "info", "warning", "error"];

    private static readonly ValueSet Severities = new("off", "info", "warning", "error");

    /// <summary>
    /// Reads the config text of the file at <paramref name="path"/>. Relative <c>packs</c> are resolved
    /// against the file's folder (no disk access: see <see cref="LoadFromDirectory"/> for existence checks).
    /// </summary>
    public static WorkspaceConfig Load(string path, string text) => Load(path, text, null);

    /// <summary>
    /// Loads <c>.outreach.yaml</c> (else <c>.outreach.yml</c>) from <paramref name="root"/>; none gives
    /// <see cref="WorkspaceConfig.Default"/> with a null path. Also checks that pack folders exist.
    /// </summary>
    public static WorkspaceConfig LoadFromDirectory(IFileSystem fs, string root)
    {
        string? found = null;
        foreach (var name in FileNames)
        {
            string candidate = Path.Combine(root, name);
            if (!fs.FileExists(candidate)) continue;
            found = candidate;
            break;
        }
        return found is null ? WorkspaceConfig.Default : LoadFile(fs, found);
    }

    /// <summary>
    /// Loads the config file at <paramref name="path"/> (for <c>--config FILE</c>). A missing or
    /// unreadable file gives defaults plus one problem saying why.
    /// </summary>
    public static WorkspaceConfig LoadFile(IFileSystem fs, string path)
    {
        try
        {
            path = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Failed(path, $"Invalid config path: {ex.Message}");
        }
        if (!fs.FileExists(path)) return Failed(path, "Config file not found.");
        var bytes = fs.ReadAllBytes(path, out var error);
        if (bytes is null) return Failed(path, $"Cannot read the config file: {error ?? "unknown error"}");
        var (text, decodeProblems, skip) = DraftDecoder.Decode(bytes, path);
        // Decoding problems are about this config file, so they carry the config rule id.
        var retagged = decodeProblems.Select(p => p with { RuleId = WellKnownRuleIds.Config }).ToImmutableArray();
        if (skip) return WorkspaceConfig.Default with { Path = path, Problems = retagged };
        var config = Load(path, text, fs);
        return retagged.IsEmpty ? config : config with { Problems = retagged.AddRange(config.Problems) };
    }

    private static WorkspaceConfig Failed(string path, string message) => WorkspaceConfig.Default with
    {
        Path = path,
        Problems = [new Finding(WellKnownRuleIds.Config, Severity.Error, path, new TextSpan(0, 0), message)],
    };

    private static WorkspaceConfig Load(string path, string text, IFileSystem? fs)
    {
        path ??= string.Empty;
        text ??= string.Empty;
        try
        {
            return new Reader(path, text, fs).Read();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug, not a config problem; editors and the CLI must go on with defaults.
            return Failed(path, $"Internal error while reading the config ({ex.GetType().Name}: {ex.Message}); defaults are used. Please report it.");
        }
    }

    private sealed class Reader
    {
        private readonly string _path;
        private readonly string _text;
        private readonly IFileSystem? _fs;
        private readonly ImmutableArray<Finding>.Builder _problems = ImmutableArray.CreateBuilder<Finding>();
        private readonly YamlValueReader _values;

        public Reader(string path, string text, IFileSystem? fs)
        {
            _path = path;
            _text = text;
            _fs = fs;
            _values = new YamlValueReader(path, WellKnownRuleIds.Config, _problems);
        }

        public WorkspaceConfig Read()
        {
            var config = WorkspaceConfig.Default with { Path = _path };
            var yaml = SafeYaml.Parse(_text, _path, WellKnownRuleIds.Config, SafeYamlLimits.Config);
            _problems.AddRange(yaml.Problems);
            if (yaml.Root is null or YScalar { IsNull: true }) return config with { Problems = _problems.ToImmutable() };
            if (yaml.Root is not YMapping root)
            {
                _values.Report(Severity.Error, yaml.Root.Span, $"The config must be 'key: value' lines (profile, match_year, calendars, rules, packs, ignore), not a {yaml.Root.KindName}.");
                return config with { Problems = _problems.ToImmutable() };
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in root.Entries)
            {
                if (keyNode is not YScalar { IsNull: false } key)
                {
                    _values.Report(Severity.Error, keyNode.Span, "A config key must be a plain name such as 'profile'.");
                    continue;
                }
                if (!seen.Add(key.Value))
                    _values.Report(Severity.Warning, key.Span, $"'{key.Value}' appears more than once; the last one is used.");
                switch (key.Value)
                {
                    case "profile": config = config with { Profile = ReadProfile(value) }; break;
                    case "match_year": config = config with { DefaultMatchYear = _values.ReadInt(value, "match_year", 2000, 2100) }; break;
                    case "calendars": config = config with { Calendars = ReadCalendars(value) }; break;
                    case "rules": config = config with { RuleOverrides = ReadRules(value) }; break;
                    case "packs": config = config with { Packs = ReadPacks(value) }; break;
                    case "ignore": config = config with { Ignore = ReadIgnore(value) }; break;
                    default: UnknownKey(key, TopLevelKeys, "Unknown config key"); break;
                }
            }
            return config with { Problems = _problems.ToImmutable() };
        }

        private void UnknownKey(YScalar key, ImmutableArray<string> known, string what)
        {
            string? suggestion = DidYouMean.Closest(key.Value, known);
            bool safe = suggestion is not null && DidYouMean.Compact(suggestion) == DidYouMean.Compact(key.Value);
            _values.Report(Severity.Warning, key.Span, $"{what} '{YamlValueReader.Shorten(key.Value)}'; it is ignored.{YamlValueReader.Hint(suggestion)}", suggestion, safe);
        }

        private YMapping? ExpectMapping(YNode node, string what, string example)
        {
            if (node is YMapping m) return m;
            if (node is YScalar { IsNull: true }) return null;
            _values.Report(Severity.Error, node.Span, $"{what} must be a mapping, for example {example}.");
            return null;
        }

        private ApplicantProfile ReadProfile(YNode node)
        {
            var profile = new ApplicantProfile();
            var mapping = ExpectMapping(node, "profile", "{name: Jane Applicant, degree: MD}");
            if (mapping is null) return profile;
            foreach (var (keyNode, value) in mapping.Entries)
            {
                if (keyNode is not YScalar { IsNull: false } key)
                {
                    _values.Report(Severity.Error, keyNode.Span, "A profile key must be a plain name such as 'name'.");
                    continue;
                }
                string what = "profile." + key.Value;
                switch (key.Value)
                {
                    case "name": profile = profile with { Name = _values.ReadString(value, what) }; break;
                    case "degree": profile = profile with { Degree = _values.ReadString(value, what) }; break;
                    case "aamc_id": profile = profile with { AamcId = _values.ReadString(value, what) }; break;
                    case "email": profile = profile with { Email = _values.ReadString(value, what) }; break;
                    case "phone": profile = profile with { Phone = _values.ReadString(value, what) }; break;
                    case "school": profile = profile with { School = _values.ReadString(value, what) }; break;
                    case "specialty": profile = profile with { Specialty = _values.ReadString(value, what) }; break;
                    case "visa": profile = profile with { Visa = _values.ReadEnum(value, what, FrontMatterVocabulary.Visa) }; break;
                    case "step3": profile = profile with { Step3 = _values.ReadEnum(value, what, FrontMatterVocabulary.Step3) }; break;
                    case "ecfmg_certified": profile = profile with { EcfmgCertified = _values.ReadBool(value, what) }; break;
                    default: UnknownKey(key, ProfileKeys, "Unknown profile key"); break;
                }
            }
            return profile;
        }

        private ImmutableDictionary<int, MatchCalendar> ReadCalendars(YNode node)
        {
            var calendars = MatchCalendar.BuiltIn;
            var mapping = ExpectMapping(node, "calendars", "{2027: {rank_open: 2027-01-14, rol_deadline: 2027-02-24, match_week_start: 2027-03-15, soap_end: 2027-03-18, match_day: 2027-03-19}}");
            if (mapping is null) return calendars;
            foreach (var (keyNode, value) in mapping.Entries)
            {
                if (keyNode is not YScalar yearKey
                    || !int.TryParse(yearKey.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int year)
                    || year < 2000 || year > 2100)
                {
                    string shown = keyNode is YScalar s ? YamlValueReader.Shorten(s.Value) : keyNode.KindName;
                    _values.Report(Severity.Error, keyNode.Span, $"'{shown}' is not a Match year; calendars are keyed by year (2000-2100), e.g. 2027:.");
                    continue;
                }
                if (ReadCalendar(year, yearKey, value) is { } calendar) calendars = calendars.SetItem(year, calendar);
            }
            return calendars;
        }

        private MatchCalendar? ReadCalendar(int year, YScalar yearKey, YNode node)
        {
            var mapping = ExpectMapping(node, $"calendars.{year}", "{rank_open: 2027-01-14, rol_deadline: 2027-02-24, match_week_start: 2027-03-15, soap_end: 2027-03-18, match_day: 2027-03-19}");
            if (mapping is null)
            {
                if (node is YScalar { IsNull: true })
                    _values.Report(Severity.Error, yearKey.Span, $"Calendar {year} is empty; give {string.Join(", ", CalendarKeys)}.");
                return null;
            }
            var dates = new Dictionary<string, (DateOnly Date, TextSpan Span)>(StringComparer.Ordinal);
            bool bad = false;
            foreach (var (keyNode, value) in mapping.Entries)
            {
                if (keyNode is not YScalar { IsNull: false } key)
                {
                    _values.Report(Severity.Error, keyNode.Span, "A calendar key must be a plain name such as 'rank_open'.");
                    continue;
                }
                if (!CalendarKeys.Contains(key.Value))
                {
                    UnknownKey(key, CalendarKeys, $"Unknown key in calendar {year}:");
                    continue;
                }
                var date = _values.ReadDate(value, $"calendars.{year}.{key.Value}");
                if (date is null)
                {
                    // An empty value is a missing date, reported below; a bad one was reported already.
                    if (value is not YScalar { IsNull: true }) bad = true;
                    continue;
                }
                dates[key.Value] = (date.Value, value.Span);
            }
            var missing = CalendarKeys.Where(k => !dates.ContainsKey(k)).ToList();
            if (missing.Count > 0 && !bad)
            {
                _values.Report(Severity.Error, yearKey.Span,
                    $"Calendar {year} is missing {string.Join(", ", missing)}; it is not used until every date is given.");
                return null;
            }
            if (bad || missing.Count > 0) return null;

            // The dates must follow the Match: ranking opens, lists are certified, Match Week starts,
            // SOAP ends, Match Day. SOAP ends within Match Week, so it may fall on its first day.
            for (int i = 1; i < CalendarKeys.Length; i++)
            {
                var (previous, current) = (dates[CalendarKeys[i - 1]], dates[CalendarKeys[i]]);
                bool ordered = CalendarKeys[i] == "soap_end" ? current.Date >= previous.Date : current.Date > previous.Date;
                if (ordered) continue;
                _values.Report(Severity.Error, current.Span,
                    $"{CalendarKeys[i]} ({current.Date:yyyy-MM-dd}) must come after {CalendarKeys[i - 1]} ({previous.Date:yyyy-MM-dd}); calendar {year} is not used.");
                return null;
            }
            return new MatchCalendar(year, dates["rank_open"].Date, dates["rol_deadline"].Date, dates["match_week_start"].Date, dates["soap_end"].Date, dates["match_day"].Date);
        }

        private ImmutableDictionary<string, Severity?> ReadRules(YNode node)
        {
            var overrides = ImmutableDictionary.CreateBuilder<string, Severity?>(StringComparer.Ordinal);
            var mapping = ExpectMapping(node, "rules", "{stock-phrasing: off}");
            if (mapping is null) return overrides.ToImmutable();
            foreach (var (keyNode, value) in mapping.Entries)
            {
                if (keyNode is not YScalar { IsNull: false } key)
                {
                    _values.Report(Severity.Error, keyNode.Span, "A key under rules must be a rule id such as 'stock-phrasing'.");
                    continue;
                }
                // Unknown rule ids are reported by the engine, which knows the loaded packs.
                string? word = _values.ReadEnum(value, $"severity for {key.Value}", Severities);
                if (word is null)
                {
                    if (value is YScalar { IsNull: true })
                        _values.Report(Severity.Error, key.Span, $"Give a severity for {key.Value}: off, info, warning or error.");
                    continue;
                }
                overrides[key.Value.Trim()] = word switch
                {
                    "info" => Severity.Info,
                    "warning" => Severity.Warning,
                    "error" => Severity.Error,
                    _ => null,
                };
            }
            return overrides.ToImmutable();
        }

        private ImmutableArray<string> ReadPacks(YNode node)
        {
            var items = ReadPathList(node, "packs");
            var packs = ImmutableArray.CreateBuilder<string>(items.Count);
            string baseDir = ConfigDirectory();
            foreach (var (value, span) in items)
            {
                string full;
                try
                {
                    full = Path.GetFullPath(Path.Combine(baseDir, value));
                }
                catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
                {
                    _values.Report(Severity.Error, span, $"'{YamlValueReader.Shorten(value)}' is not a valid folder path: {ex.Message}");
                    continue;
                }
                if (_fs is not null && !_fs.DirectoryExists(full))
                {
                    _values.Report(Severity.Error, span, $"Rule-pack folder '{YamlValueReader.Shorten(value)}' not found (looked for {full}).");
                    continue;
                }
                packs.Add(full);
            }
            return packs.ToImmutable();
        }

        private ImmutableArray<string> ReadIgnore(YNode node)
        {
            var items = ReadPathList(node, "ignore");
            var globs = ImmutableArray.CreateBuilder<string>(items.Count);
            foreach (var (value, span) in items)
            {
                if (Path.IsPathRooted(value) || value.StartsWith("../", StringComparison.Ordinal) || value == "..")
                {
                    _values.Report(Severity.Warning, span, $"Ignore globs are relative to the workspace root; '{YamlValueReader.Shorten(value)}' never matches a draft in it.");
                    continue;
                }
                globs.Add(value.StartsWith("./", StringComparison.Ordinal) ? value[2..] : value);
            }
            return globs.ToImmutable();
        }

        /// <summary>A string or a list of strings, with spans for messages.</summary>
        private List<(string Value, TextSpan Span)> ReadPathList(YNode node, string what)
        {
            var result = new List<(string, TextSpan)>();
            IEnumerable<YNode> items = node switch
            {
                YSequence seq => seq.Items,
                YScalar { IsNull: true } => [],
                YScalar s => [s],
                _ => [],
            };
            if (node is YMapping)
            {
                _values.Report(Severity.Error, node.Span, $"{what} must be a list, for example [\"archive/**\"].");
                return result;
            }
            foreach (var item in items)
            {
                var text = _values.ReadString(item, $"each item of {what}");
                if (text is not null) result.Add((text, item.Span));
            }
            return result;
        }

        private string ConfigDirectory()
        {
            try
            {
                return Path.GetDirectoryName(Path.GetFullPath(_path)) ?? Directory.GetCurrentDirectory();
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return Directory.GetCurrentDirectory();
            }
        }
    }
}
