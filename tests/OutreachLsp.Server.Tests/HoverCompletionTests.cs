using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Tests.Harness;

namespace OutreachLsp.Server.Tests;

public class HoverCompletionTests
{
    [Fact]
    public async Task HoverOnFinding_ExplainsWhatWhyInsteadAndSources()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:hover";
        var text = Drafts.Draft("Pinecrest", Drafts.RankQuestion);
        await client.OpenAsync(uri, text);
        var hover = await client.RequestAsync<Hover?>("textDocument/hover", new { textDocument = new { uri }, position = ClientText.PositionOf(text, text.IndexOf("rank list", StringComparison.Ordinal)) });
        Assert.NotNull(hover);
        Assert.Equal("markdown", hover!.Contents.Kind);
        Assert.Contains("**rank-inquiry**", hover.Contents.Value);
        Assert.Contains("**Why.**", hover.Contents.Value);
        Assert.Contains("**Instead:**", hover.Contents.Value);
        Assert.Contains("](https://", hover.Contents.Value);
    }

    [Fact]
    public async Task HoverOnFrontMatterKey_GivesMeaningAndAllowedValues()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:hover-key";
        var text = Drafts.Draft("Pinecrest", "Hello.");
        await client.OpenAsync(uri, text);
        var hover = await client.RequestAsync<Hover?>("textDocument/hover", new { textDocument = new { uri }, position = ClientText.PositionOf(text, text.IndexOf("nrmp", StringComparison.Ordinal) + 1) });
        Assert.Contains("`nrmp`", hover!.Contents.Value);
        Assert.Contains("`unknown`", hover.Contents.Value);
        var none = await client.RequestAsync<Hover?>("textDocument/hover", new { textDocument = new { uri }, position = ClientText.PositionOf(text, text.IndexOf("Hello", StringComparison.Ordinal)) });
        Assert.Null(none);
    }

    [Fact]
    public async Task CompletionInFrontMatter_OffersMissingKeysAndAllowedValues()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:complete-keys";
        var text = "---\nprogram: Pinecrest\nnrmp: \nst\n---\nBody\n";
        await client.OpenAsync(uri, text);
        var keys = await client.RequestAsync<CompletionList>("textDocument/completion", new { textDocument = new { uri }, position = new { line = 3, character = 2 } });
        Assert.Contains(keys.Items, i => i.Label == "stage" && i.TextEdit!.NewText == "stage: ");
        Assert.DoesNotContain(keys.Items, i => i.Label == "program");
        var values = await client.RequestAsync<CompletionList>("textDocument/completion", new { textDocument = new { uri }, position = new { line = 2, character = 6 } });
        Assert.Equal(["true", "false", "unknown"], values.Items.Select(i => i.Label));
    }

    [Fact]
    public async Task CompletionInEmptyBody_OffersWholeEmailTemplatesAsSnippets_FilledFromTheProfile()
    {
        using var ws = new TempWorkspace("templates");
        ws.Write(".outreach.yaml", "profile:\n  name: Amara Okafor\n  degree: MBBS\n  aamc_id: \"12345678\"\n  visa: J-1\n");
        await using var client = await LspTestClient.StartInitializedAsync(ws.Root);
        var uri = ws.UriOf("new.md");
        await client.OpenAsync(uri, "");
        var list = await client.RequestAsync<CompletionList>("textDocument/completion", new { textDocument = new { uri }, position = new { line = 0, character = 0 } });
        var thankYou = list.Items.FirstOrDefault(i => i.Label == "Outreach: thank-you email") ?? list.Items.First(i => i.Label.StartsWith("Outreach: ", StringComparison.Ordinal));
        Assert.Equal(InsertTextFormat.Snippet, thankYou.InsertTextFormat);
        Assert.Contains("${", thankYou.TextEdit!.NewText);
        Assert.StartsWith("---", thankYou.TextEdit.NewText);
        Assert.Contains("Amara Okafor", thankYou.TextEdit.NewText);
        Assert.Contains(list.Items, i => i.Detail == "Profile: AAMC ID" && i.InsertText == "AAMC ID: 12345678");
    }

    [Fact]
    public async Task CompletionInBodyOfADraftWithFrontMatter_InsertsOnlyTheBody()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:template-body";
        var text = "---\nprogram: Pinecrest Internal Medicine\ntype: thank-you\n---\n";
        await client.OpenAsync(uri, text);
        var list = await client.RequestAsync<CompletionList>("textDocument/completion", new { textDocument = new { uri }, position = new { line = 4, character = 0 } });
        var item = list.Items.First(i => i.Label.StartsWith("Outreach: ", StringComparison.Ordinal));
        Assert.DoesNotContain("---", item.TextEdit!.NewText);
    }

    [Fact]
    public async Task ClientWithoutSnippets_GetsPlainTextTemplates()
    {
        await using var client = await LspTestClient.StartInitializedAsync(capabilities: ClientCapabilitiesSamples.Neovim07);
        const string uri = "untitled:plain";
        await client.OpenAsync(uri, "");
        var list = await client.RequestAsync<CompletionList>("textDocument/completion", new { textDocument = new { uri }, position = new { line = 0, character = 0 } });
        var item = list.Items.First(i => i.Label.StartsWith("Outreach: ", StringComparison.Ordinal));
        Assert.Equal(InsertTextFormat.PlainText, item.InsertTextFormat);
        Assert.DoesNotContain("${", item.TextEdit!.NewText);
    }

    [Fact]
    public async Task TriggerCharacterInTheBody_OffersNothing()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:typing";
        await client.OpenAsync(uri, "---\nprogram: X\n---\nDear \n");
        var list = await client.RequestAsync<CompletionList>("textDocument/completion", new
        {
            textDocument = new { uri }, position = new { line = 3, character = 5 }, context = new { triggerKind = 2, triggerCharacter = " " },
        });
        Assert.Empty(list.Items);
    }
}
