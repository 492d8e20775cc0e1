using System.Collections.Immutable;
using OutreachLsp.Core.Analysis;

namespace OutreachLsp.Core.Rules;

/// <summary>Base of the YAML-defined rule kinds: the common fields and the examples.</summary>
public abstract class PackRule : Rule, IHasExamples
{
    protected PackRule(RuleCommon common) : base(common.Info) => Common = common;

    public RuleCommon Common { get; }

    public ImmutableArray<RuleExample> Examples => Common.Examples;

    /// <summary>Metadata conditions hold for this draft.</summary>
    protected bool Applies(DocumentContext context) => Common.Applies(context.Facts);

    protected Severity SeverityFor(DocumentContext context) => Common.SeverityFor(context.Facts);
}
