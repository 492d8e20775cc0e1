using OutreachLsp.Core.Drafts;
using OutreachLsp.Server.Features;

namespace OutreachLsp.Server.Tests;

/// <summary>Hover and completion explain exactly the keys and values the engine's parser accepts.</summary>
public sealed class FrontMatterSchemaTests
{
    [Fact]
    public void Schema_HasEveryKeyTheParserKnows_AndNoOther()
    {
        Assert.Equal(FrontMatterVocabulary.Keys.Order(StringComparer.Ordinal), FrontMatterSchema.Keys.Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ClosedValueSets_AreTheParsers()
    {
        foreach (var key in FrontMatterSchema.Keys.Where(k => k.Name != "to_role"))
            Assert.Equal(FrontMatterVocabulary.ValuesOf(key.Name), key.Values);
        Assert.Contains("J-1 and H-1B", FrontMatterSchema.Get("visa")!.Values);
    }
}
