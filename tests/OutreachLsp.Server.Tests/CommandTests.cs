using System.Text.Json;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Tests.Harness;
using StreamJsonRpc;

namespace OutreachLsp.Server.Tests;

public class CommandTests
{
    internal static int ErrorCode(RemoteRpcException ex) => ex switch
    {
        RemoteInvocationException i => (int)i.ErrorCode,
        RemoteMethodNotFoundException m => (int)m.ErrorCode,
        _ => 0,
    };

    [Fact]
    public async Task NewDraft_CreatesTheFileThroughApplyEdit_AndReturnsItsUri()
    {
        using var ws = new TempWorkspace("new");
        await using var client = await LspTestClient.StartInitializedAsync(ws.Root);
        var result = await client.RequestAsync<NewDraftResult>("workspace/executeCommand", new
        {
            command = OutreachCommandIds.NewDraft,
            arguments = new[] { new { type = "thank-you", program = "Pinecrest Internal Medicine", to = "Dr. Ana Ruiz" } },
        });
        Assert.Equal(ws.UriOf("pinecrest-internal-medicine-thank-you.md"), result.Uri);
        var applied = Assert.Single(client.AppliedEdits);
        var changes = applied.Edit.DocumentChanges!.Select(c => (JsonElement)c).ToList();
        Assert.Equal("create", changes[0].GetProperty("kind").GetString());
        Assert.Equal(result.Uri, changes[0].GetProperty("uri").GetString());
        var inserted = changes[1].GetProperty("edits")[0].GetProperty("newText").GetString()!;
        Assert.StartsWith("---", inserted);
        Assert.Contains("Pinecrest Internal Medicine", inserted);
        Assert.Contains("Ruiz", inserted);
    }

    [Fact]
    public async Task NewDraft_ForAClientThatCannotCreateFiles_WritesTheFile()
    {
        using var ws = new TempWorkspace("new-nvim");
        await using var client = await LspTestClient.StartInitializedAsync(ws.Root, capabilities: ClientCapabilitiesSamples.Neovim07);
        var result = await client.RequestAsync<NewDraftResult>("workspace/executeCommand", new
        {
            command = OutreachCommandIds.NewDraft,
            arguments = new[] { new { type = "interest", program = "Bellwood FM" } },
        });
        Assert.True(File.Exists(ws.PathOf("bellwood-fm-interest.md")));
        Assert.EndsWith("bellwood-fm-interest.md", result.Uri);
        Assert.Empty(client.AppliedEdits);
    }

    [Fact]
    public async Task NewDraft_WithAnUnknownType_IsAnInvalidParamsError()
    {
        using var ws = new TempWorkspace("new-bad");
        await using var client = await LspTestClient.StartInitializedAsync(ws.Root);
        // StreamJsonRpc surfaces -32602 as RemoteMethodNotFoundException; the code is what matters.
        var ex = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => client.RequestAsync<JsonElement>("workspace/executeCommand", new
        {
            command = OutreachCommandIds.NewDraft,
            arguments = new[] { new { type = "love-letter", program = "X" } },
        }));
        Assert.Equal(LspErrorCodes.InvalidParams, ErrorCode(ex));
    }

    [Fact]
    public async Task CopyAsEmail_RefusesWhileErrorsRemain_NamingThem()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:copy-refused";
        await client.OpenAsync(uri, Drafts.Draft("Pinecrest", "Thanks.\n" + Drafts.RankQuestion));
        var result = await client.RequestAsync<CopyAsEmailResult>("workspace/executeCommand", new { command = OutreachCommandIds.CopyAsEmail, arguments = new[] { new { uri } } });
        Assert.False(result.Ok);
        var blocking = Assert.Single(result.Findings!, f => f.RuleId == "rank-inquiry");
        Assert.Equal(13, blocking.Line);
        Assert.Null(result.Text);
    }

    [Fact]
    public async Task CopyAsEmail_ReturnsBodyAsTextAndHtml_WithoutFrontMatterOrNotes()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:copy-ok";
        var text = Drafts.Draft("Pinecrest Internal Medicine", "<!-- remember to attach the CV -->\nThank you for the **wonderful** conversation about the global health track at Pinecrest Internal Medicine.");
        await client.OpenAsync(uri, text);
        var result = await client.RequestAsync<CopyAsEmailResult>("workspace/executeCommand", new { command = OutreachCommandIds.CopyAsEmail, arguments = new[] { new { uri } } });
        Assert.True(result.Ok, result.Message);
        Assert.StartsWith("Dear Dr. Ruiz,", result.Text);
        Assert.DoesNotContain("program:", result.Text);
        Assert.DoesNotContain("remember to attach", result.Text);
        Assert.Contains("<strong>wonderful</strong>", result.Html);
        Assert.Contains("<p>", result.Html);
    }

    [Fact]
    public async Task CommunicationPlan_GroupsDraftsByProgramWithDatesAndCounts()
    {
        using var ws = new TempWorkspace("plan");
        ws.Write("a.md", Drafts.Draft("Pinecrest", Drafts.RankQuestion, type: "thank-you", extraFrontMatter: "send_date: 2025-11-05\ninterview_date: 2025-11-03"));
        ws.Write("b.md", Drafts.Draft("Pinecrest", "Thank you again.", type: "update", extraFrontMatter: "send_date: 2025-12-01"));
        ws.Write("c.md", Drafts.Clean("Bellwood Family Medicine"));
        await using var client = await LspTestClient.StartInitializedAsync(ws.Root);
        var plan = await client.RequestAsync<CommunicationPlan>("workspace/executeCommand", new { command = OutreachCommandIds.CommunicationPlan });
        Assert.Equal(["Bellwood Family Medicine", "Pinecrest"], plan.Programs.Select(p => p.Program));
        var pinecrest = plan.Programs[1].Drafts;
        Assert.Equal(["2025-11-05", "2025-12-01"], pinecrest.Select(d => d.SendDate));
        Assert.Equal("thank-you", pinecrest[0].Type);
        Assert.Equal("2025-11-03", pinecrest[0].InterviewDate);
        Assert.True(pinecrest[0].Findings.Error >= 1);
    }
}
