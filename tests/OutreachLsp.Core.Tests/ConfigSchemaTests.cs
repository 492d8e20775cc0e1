using System.Text.Json;
using OutreachLsp.Core.Config;
using OutreachLsp.Core.Drafts;

namespace OutreachLsp.Core.Tests;

/// <summary>The published JSON Schemas say what the loaders accept: same keys, same enumerated values.</summary>
public class ConfigSchemaTests
{
    private static JsonElement Load(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "schemas", name)));
        return doc.RootElement.Clone();
    }

    private static string[] Keys(JsonElement obj) => obj.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>The enum of a property, following one $ref and looking into anyOf branches.</summary>
    private static string[] Enum(JsonElement schema, JsonElement property)
    {
        if (property.TryGetProperty("$ref", out var reference))
            property = schema.GetProperty("$defs").GetProperty(reference.GetString()!.Split('/')[^1]);
        if (property.TryGetProperty("enum", out var values)) return values.EnumerateArray().Select(v => v.GetString()!).ToArray();
        if (property.TryGetProperty("anyOf", out var anyOf))
            foreach (var branch in anyOf.EnumerateArray())
                if (branch.TryGetProperty("enum", out var inner)) return inner.EnumerateArray().Select(v => v.GetString()!).ToArray();
        return [];
    }

    [Fact]
    public void FrontMatterSchema_ListsExactlyTheKnownKeys()
    {
        var schema = Load("front-matter.schema.json");
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.Equal(FrontMatterVocabulary.Keys.Order(), Keys(schema).Order());
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
    }

    [Theory]
    [InlineData("stage")]
    [InlineData("type")]
    [InlineData("visa")]
    [InlineData("program_visa")]
    [InlineData("step3")]
    [InlineData("status")]
    [InlineData("program_policy")]
    public void FrontMatterSchema_EnumsMatchTheReader(string key)
    {
        var schema = Load("front-matter.schema.json");
        var property = schema.GetProperty("properties").GetProperty(key);
        Assert.Equal(FrontMatterVocabulary.ValuesOf(key), Enum(schema, property));
        Assert.True(property.TryGetProperty("description", out _));
    }

    [Fact]
    public void FrontMatterSchema_NrmpAcceptsWhatTheReaderAccepts()
    {
        var schema = Load("front-matter.schema.json");
        var values = Enum(schema, schema.GetProperty("properties").GetProperty("nrmp"));
        Assert.Subset(values.ToHashSet(), FrontMatterVocabulary.ValuesOf("nrmp").ToHashSet());
        foreach (var v in values) Assert.Empty(DraftParser.Parse("d", $"---\nnrmp: {v}\n---\n").ParseFindings);
    }

    [Fact]
    public void ConfigSchema_ListsExactlyTheKeysTheLoaderReads()
    {
        var schema = Load("outreach.schema.json");
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.Equal(ConfigLoader.TopLevelKeys.Order(), Keys(schema).Order());
        Assert.Equal(ConfigLoader.ProfileKeys.Order(), Keys(schema.GetProperty("properties").GetProperty("profile")).Order());
        Assert.Equal(ConfigLoader.CalendarKeys.Order(), Keys(schema.GetProperty("$defs").GetProperty("calendar")).Order());
        var severities = schema.GetProperty("properties").GetProperty("rules").GetProperty("additionalProperties").GetProperty("enum");
        Assert.Equal(ConfigLoader.SeverityWords, severities.EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public void ConfigSchemaExample_LoadsWithoutProblems()
    {
        var schema = Load("outreach.schema.json");
        var example = schema.GetProperty("properties").GetProperty("calendars").GetProperty("examples")[0].GetProperty("2027");
        string yaml = "calendars:\n  2027:\n" + string.Concat(example.EnumerateObject().Select(p => $"    {p.Name}: {p.Value.GetString()}\n"));
        var config = ConfigLoader.Load("/ws/.outreach.yaml", yaml);
        Assert.Empty(config.Problems);
        Assert.NotNull(config.GetCalendar(2027));
    }
}
