using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Matching;
using OutreachLsp.Core.Text;
using YamlDotNet.RepresentationModel;

namespace OutreachLsp.Core.Rules.Kinds;

/// <summary>
/// kind: salutation-format. Looks at the salutation (the first prose line of the body, up to its
/// comma) and fires when it starts with a <c>deferential</c> honorific ("Respected Sir",
/// "Esteemed Professor"), an <c>informal</c> opener ("Hi", "Hey", "Hello"), a <c>generic</c> one
/// ("Dear Sir or Madam", "To whom it may concern") while <c>to_name</c> is known, or greets a person
/// whose <c>to_role</c> is one of <c>first_name_roles</c> by the given name alone. The deferential and
/// informal patterns are anchored at the salutation's first word; a generic pattern must cover the
/// whole salutation ("Dear Doctor," but not "Dear Doctor Park,"). The fix rewrites the salutation as "Dear {title}
/// {Surname}," from <c>to_name</c>, keeping its title.
///
/// Fields: deferential, informal, generic (pattern lists), first_name_roles (to_role values),
/// messages ({deferential, informal, generic, first_name}: a message per case; default the rule's).
/// Messages may use {suggestion}, the salutation the fix writes.
/// </summary>
public sealed class SalutationFormatRule : PackRule
{
    private static readonly string[] Cases = ["deferential", "informal", "generic", "first_name"];

    private readonly ImmutableArray<Pattern> _deferential;
    private readonly ImmutableArray<Pattern> _informal;
    private readonly ImmutableArray<Pattern> _generic;
    private readonly ImmutableHashSet<string> _firstNameRoles;
    private readonly ImmutableDictionary<string, string> _messages;

    private SalutationFormatRule(RuleCommon common, ImmutableArray<Pattern> deferential, ImmutableArray<Pattern> informal, ImmutableArray<Pattern> generic,
        ImmutableHashSet<string> firstNameRoles, ImmutableDictionary<string, string> messages) : base(common)
    {
        _deferential = deferential;
        _informal = informal;
        _generic = generic;
        _firstNameRoles = firstNameRoles;
        _messages = messages;
    }

    public static Rule? Create(RuleCommon common, RuleYaml yaml)
    {
        var deferential = common.ReadPatterns(yaml, "deferential");
        var informal = common.ReadPatterns(yaml, "informal");
        var generic = common.ReadPatterns(yaml, "generic");
        var roles = yaml.GetStrings("first_name_roles").Select(r => NormalizeRole(r.Value)).ToImmutableHashSet(StringComparer.Ordinal);
        var messages = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var map = yaml.GetMapping("messages");
        if (map is not null)
        {
            foreach (var (key, value) in map.Children)
            {
                string? name = (key as YamlScalarNode)?.Value;
                if (name is null || !Cases.Contains(name)) { yaml.Error(key, $"unknown case '{name}'; the cases are {string.Join(", ", Cases)}"); continue; }
                if (value is YamlScalarNode { Value: { } text }) messages[name] = text;
                else yaml.Error(value, "a message is a string");
            }
        }
        if (deferential.IsEmpty && informal.IsEmpty && generic.IsEmpty && roles.IsEmpty)
            yaml.Error(yaml.Node, "a salutation-format rule needs 'deferential', 'informal', 'generic' or 'first_name_roles'");
        return new SalutationFormatRule(common, deferential, informal, generic, roles, messages.ToImmutable());
    }

    private static string NormalizeRole(string role) => string.Join(' ', KindText.Fold(role).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public override void CheckDocument(DocumentContext context, FindingSink sink)
    {
        if (!Applies(context)) return;
        var salutation = SalutationLine.Find(context.Draft);
        if (salutation is null) return;
        var meta = context.Draft.Meta;
        var to = PersonName.Parse(meta.ToName);
        string? problem = null;
        if (salutation.Words.Length > 0)
        {
            if (_deferential.Any(salutation.StartsWith)) problem = "deferential";
            else if (_informal.Any(salutation.StartsWith)) problem = "informal";
            else if (to is not null && _generic.Any(salutation.IsExactly)) problem = "generic";
            else if (to is not null && IsFirstNameOnly(salutation, to, meta.ToRole)) problem = "first_name";
        }
        if (problem is null) return;
        string? suggestion = Suggestion(to);
        string template = _messages.TryGetValue(problem, out var m) ? m : Info.Message;
        string message = Placeholders.Fill(template, context).Replace("{suggestion}", suggestion ?? "Dear Dr. [Last name],", StringComparison.Ordinal);
        var fixes = suggestion is null
            ? ImmutableArray<Fix>.Empty
            : [new Fix($"Use \"{suggestion}\"", [new TextEdit(salutation.Span, suggestion)], IsPreferred: true, IsSafe: true)];
        sink.Report(context.Draft.DocumentId, salutation.Span, message, SeverityFor(context), fixes);
    }

    private bool IsFirstNameOnly(SalutationLine salutation, PersonName to, string? role)
    {
        if (role is null || !_firstNameRoles.Contains(NormalizeRole(role))) return false;
        if (salutation.People.Length != 1) return false;
        var person = salutation.People[0];
        return !person.IsGeneric && to.IsGivenNameOnly(person.Folded);
    }

    /// <summary>"Dear Dr. Park," from to_name, keeping its title; without a title, the full name.</summary>
    internal static string? Suggestion(PersonName? to)
    {
        if (to is null) return null;
        if (to.Title is { } title) return $"Dear {title} {to.Surname},";
        return to.Given is { } given ? $"Dear {given} {to.Surname}," : $"Dear {to.Surname},";
    }
}
