using OutreachLsp.Core.Analysis;

namespace OutreachLsp.Core.Rules.Kinds;

// PLACEHOLDER CLASS: being implemented now; must not ship like this.
public sealed class SalutationFormatRule : PackRule
{
    private SalutationFormatRule(RuleCommon common) : base(common) { }

    public static Rule? Create(RuleCommon common, RuleYaml yaml) => new SalutationFormatRule(common);
}
