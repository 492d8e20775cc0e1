using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Tests.Harness;

namespace OutreachLsp.Server.Tests;

public class CodeActionTests
{
    private static Task<List<CodeAction>> ActionsAsync(LspTestClient client, string uri, string text, int start, int end, object? context = null) =>
        client.RequestAsync<List<CodeAction>>("textDocument/codeAction", new
        {
            textDocument = new { uri },
            range = ClientText.RangeOf(text, start, end),
            context = context ?? new { diagnostics = Array.Empty<object>() },
        });

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task QuickFix_OnTextWithEmojiAndCrlf_ProducesAnEditThatKeepsTheRestIntact(string eol)
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:fix";
        const string phrase = "Kindly intimate me at the earliest.";
        var text = Drafts.Draft("Pinecrest", "👩🏽‍⚕️ Thank you 😀 for the tour — it was wonderful. " + phrase + " 🙏 Best.", eol: eol);
        await client.OpenAsync(uri, text);
        int at = text.IndexOf("intimate", StringComparison.Ordinal);
        // Neovim 0.7 echoes byte columns in context.diagnostics; the server must ignore them.
        var bogus = new
        {
            diagnostics = new[] { new { range = new { start = new { line = 99, character = 300 }, end = new { line = 99, character = 310 } }, message = "x", code = "stock-phrasing", source = "outreach" } },
        };
        var actions = await ActionsAsync(client, uri, text, at, at + 3, bogus);
        var fix = actions.First(a => a.Kind == CodeActionKind.QuickFix && a.Diagnostics!.Any(d => d.Code == "stock-phrasing") && a.Edit is not null && !a.Title.StartsWith("Disable", StringComparison.Ordinal) && !a.Title.StartsWith("Add '", StringComparison.Ordinal));
        var edited = ClientText.Apply(text, ClientText.EditsFor(fix.Edit!, uri));
        // Everything outside the fixed phrase is byte-for-byte the same.
        int prefixEnd = text.IndexOf("Kindly", StringComparison.Ordinal);
        Assert.StartsWith(text[..prefixEnd], edited);
        Assert.EndsWith(text[(text.IndexOf("earliest", StringComparison.Ordinal) + "earliest".Length)..], edited);
        Assert.DoesNotContain("intimate", edited);
        Assert.Contains("👩🏽‍⚕️ Thank you 😀", edited);
        if (eol == "\r\n") Assert.DoesNotContain("\n", edited.Replace("\r\n", ""));
    }

    [Fact]
    public async Task DisableForThisLine_InsertsTheCommentAboveWithIndentationAndLineEnding_AndSilencesTheRule()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:disable";
        var text = Drafts.Draft("Pinecrest", "  " + Drafts.RankQuestion, eol: "\r\n");
        await client.OpenAsync(uri, text);
        int at = text.IndexOf("Where", StringComparison.Ordinal);
        var actions = await ActionsAsync(client, uri, text, at, at);
        var disable = actions.Single(a => a.Title == "Disable rank-inquiry for this line");
        var edited = ClientText.Apply(text, ClientText.EditsFor(disable.Edit!, uri));
        Assert.Contains("\r\n  <!-- outreach-disable-next-line rank-inquiry -->\r\n  Where am I", edited);
        await client.ReplaceAllAsync(uri, 2, edited);
        var report = await client.RequestAsync<DocumentDiagnosticReport>("textDocument/diagnostic", new { textDocument = new { uri } });
        Assert.DoesNotContain(report.Items!, d => d.Code == "rank-inquiry");
    }

    [Fact]
    public async Task PreferredFix_IsMarkedPreferred_AndActionsNeedAnIntersectingRange()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:preferred";
        var text = Drafts.Draft("Pinecrest", "Thank you.\n" + Drafts.RankQuestion);
        await client.OpenAsync(uri, text);
        int at = text.IndexOf("rank list", StringComparison.Ordinal);
        var actions = await ActionsAsync(client, uri, text, at, at + 4);
        Assert.Contains(actions, a => a.IsPreferred == true && a.Diagnostics!.Any(d => d.Code == "rank-inquiry"));
        int elsewhere = text.IndexOf("Thank you.", StringComparison.Ordinal);
        var none = await ActionsAsync(client, uri, text, elsewhere, elsewhere + 5, new { diagnostics = Array.Empty<object>(), only = new[] { "quickfix" } });
        Assert.DoesNotContain(none, a => a.Diagnostics?.Any(d => d.Code == "rank-inquiry") == true);
    }

    [Fact]
    public async Task MissingFrontMatterField_OffersToAddIt()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:missing";
        var text = "---\nprogram: Pinecrest\ntype: offer-response\n---\nDear Dr. Ruiz,\n\nThank you for the early offer. Yes, I accept, what do I need to sign?\n\nSincerely,\nJane\n";
        await client.OpenAsync(uri, text);
        var report = await client.RequestAsync<DocumentDiagnosticReport>("textDocument/diagnostic", new { textDocument = new { uri } });
        var finding = report.Items!.FirstOrDefault(d => d.Code is "nrmp-status-unknown" or "prematch-request-nrmp");
        Assert.NotNull(finding);
        var actions = await ActionsAsync(client, uri, text, ClientText.OffsetOf(text, finding!.Range.Start), ClientText.OffsetOf(text, finding.Range.End));
        var add = actions.First(a => a.Title == "Add 'nrmp: true' to the front matter");
        var edited = ClientText.Apply(text, ClientText.EditsFor(add.Edit!, uri));
        Assert.StartsWith("---\nprogram: Pinecrest\ntype: offer-response\nnrmp: true\n---\n", edited);
    }

    [Fact]
    public async Task FixAll_AppliesEverySafeFix()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:fixall";
        var text = Drafts.Draft("Pinecrest", "Kindly intimate me about the interview. I humbly request a reply. Thanking you in anticipation.");
        await client.OpenAsync(uri, text);
        var actions = await ActionsAsync(client, uri, text, 0, 0, new { diagnostics = Array.Empty<object>(), only = new[] { "source.fixAll" } });
        var fixAll = Assert.Single(actions);
        Assert.Equal(CodeActionKind.SourceFixAllOutreach, fixAll.Kind);
        var edited = ClientText.Apply(text, ClientText.EditsFor(fixAll.Edit!, uri));
        Assert.DoesNotContain("intimate", edited);
        Assert.DoesNotContain("humbly", edited);
        await client.ReplaceAllAsync(uri, 2, edited);
        var report = await client.RequestAsync<DocumentDiagnosticReport>("textDocument/diagnostic", new { textDocument = new { uri } });
        Assert.DoesNotContain(report.Items!, d => d.Code == "stock-phrasing");
    }

    [Fact]
    public async Task ClientWithoutDocumentChanges_GetsAChangesMap()
    {
        await using var client = await LspTestClient.StartInitializedAsync(capabilities: ClientCapabilitiesSamples.Neovim07);
        const string uri = "untitled:nvim-actions";
        var text = Drafts.Draft("Pinecrest", "Kindly intimate me at the earliest.");
        await client.OpenAsync(uri, text);
        int at = text.IndexOf("intimate", StringComparison.Ordinal);
        var actions = await ActionsAsync(client, uri, text, at, at);
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.NotNull(a.Edit!.Changes));
    }
}
