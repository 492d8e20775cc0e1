using OutreachLsp.Core.Analysis;

namespace OutreachLsp.Core.Rules.Kinds;

// PLACEHOLDER CLASS: being implemented now; must not ship like this.
public sealed class FirstChoiceRule : PackRule
{
    private FirstChoiceRule(RuleCommon common) : base(common) { }

    public static Rule? Create(RuleCommon common, RuleYaml yaml) => new FirstChoiceRule(common);
}
