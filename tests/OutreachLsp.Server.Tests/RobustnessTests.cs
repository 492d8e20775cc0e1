using System.Text.Json;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Tests.Harness;
using StreamJsonRpc;

namespace OutreachLsp.Server.Tests;

public class RobustnessTests
{
    [Fact]
    public async Task RequestsForDocumentsNeverOpened_GetEmptyAnswers()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        var td = new { uri = "file:///nowhere/never.md" };
        var position = new { line = 3, character = 9 };
        Assert.Null(await client.RequestAsync<Hover?>("textDocument/hover", new { textDocument = td, position }));
        Assert.Empty(await client.RequestAsync<List<CodeAction>>("textDocument/codeAction", new { textDocument = td, range = new { start = position, end = position }, context = new { diagnostics = Array.Empty<object>() } }));
        Assert.Empty((await client.RequestAsync<CompletionList>("textDocument/completion", new { textDocument = td, position })).Items);
        Assert.Empty((await client.RequestAsync<DocumentDiagnosticReport>("textDocument/diagnostic", new { textDocument = td })).Items!);
        await client.CloseAsync(td.uri);
    }

    [Fact]
    public async Task PositionsOutOfRange_AreClamped()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:clamp";
        await client.OpenAsync(uri, "ab\ncd");
        await client.ChangeAsync(uri, 2, new { range = new { start = new { line = 0, character = 99 }, end = new { line = 42, character = 0 } }, text = "!" });
        await client.RequestAsync<CompletionList>("textDocument/completion", new { textDocument = new { uri }, position = new { line = 77, character = -1 } });
        Assert.Equal("ab!", client.Server!.Context.Workspace.Current.Open["untitled:clamp"].Text.Text);
    }

    [Fact]
    public async Task HandlerException_IsAnsweredAsAnLspError_AndTheServerKeepsServing()
    {
        using var ws = new TempWorkspace("fail");
        File.WriteAllText(ws.PathOf("not-a-folder"), "x");
        await using var client = await LspTestClient.StartInitializedAsync(ws.Root, capabilities: ClientCapabilitiesSamples.Neovim07);
        // Writing the new draft under a path whose "folder" is a file fails inside the handler.
        var ex = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync<JsonElement>("workspace/executeCommand", new
        {
            command = OutreachCommandIds.NewDraft,
            arguments = new[] { new { type = "interest", program = "X", folderUri = ws.UriOf("not-a-folder/sub") } },
        }));
        Assert.Equal(LspErrorCodes.InternalError, (int)ex.ErrorCode);
        Assert.Contains(client.Logs, l => l.Type == MessageType.Error);
        var after = await client.RequestAsync<CompletionList>("textDocument/completion", new { textDocument = new { uri = "untitled:x" }, position = new { line = 0, character = 0 } });
        Assert.NotNull(after);
    }

    [Fact]
    public async Task BadParams_AreInvalidParams()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        var ex = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => client.RequestAsync<JsonElement>("textDocument/hover", new { textDocument = 5, position = "here" }));
        Assert.Equal(LspErrorCodes.InvalidParams, CommandTests.ErrorCode(ex));
    }

    [Fact]
    public async Task TenMegabyteDocument_DoesNotBlockOtherRequests_AndIsDroppedCleanlyOnClose()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string big = "untitled:ten-mb";
        var line = "Thank you for the interview 😀 and the tour. Kindly intimate me at the earliest.\r\n";
        var text = "---\nprogram: Pinecrest\n---\n" + string.Concat(Enumerable.Repeat(line, 10 * 1024 * 1024 / line.Length + 1));
        Assert.True(text.Length > 10 * 1024 * 1024);
        await client.OpenAsync(big, text);
        var started = DateTime.UtcNow;
        var list = await client.RequestAsync<CompletionList>("textDocument/completion", new { textDocument = new { uri = "untitled:other" }, position = new { line = 0, character = 0 } });
        Assert.NotNull(list);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
        // An edit at the end of the big document is applied like any other.
        var lastLine = text.Split('\n').Length - 1;
        await client.ChangeAsync(big, 2, new { range = new { start = new { line = lastLine, character = 0 }, end = new { line = lastLine, character = 0 } }, text = "P.S." });
        await client.CloseAsync(big);
        await client.RequestAsync<CompletionList>("textDocument/completion", new { textDocument = new { uri = "untitled:other" }, position = new { line = 0, character = 0 } });
        Assert.False(client.Server!.Context.Workspace.Current.Open.ContainsKey(big));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task ThousandOpenCloseCycles_KeepMemoryFlat()
    {
        await using var client = await LspTestClient.StartInitializedAsync(options: new ServerOptions { DebounceMs = 0 });
        var text = Drafts.Draft("Pinecrest", "Kindly intimate me at the earliest. 😀");
        // Every closed document (its snapshot, parsed draft and analysis) must become garbage. Weak
        // references to a sample of them say so precisely; the process heap would not, since other
        // tests of this assembly allocate in parallel.
        var closed = new List<WeakReference>();
        async Task CycleAsync(int from, int count)
        {
            for (int i = from; i < from + count; i++)
            {
                var uri = $"untitled:cycle-{i}";
                await client.OpenAsync(uri, text);
                await client.ChangeAsync(uri, 2, new { range = new { start = new { line = 0, character = 0 }, end = new { line = 0, character = 0 } }, text = "" });
                if (i % 50 == 0)
                {
                    // A request is answered after the notifications sent before it: the change is in.
                    await client.RequestAsync<System.Text.Json.JsonElement?>("textDocument/hover", new { textDocument = new { uri }, position = new { line = 0, character = 0 } });
                    Track(uri);
                }
                await client.CloseAsync(uri);
            }
            await client.RequestAsync<CompletionList>("textDocument/completion", new { textDocument = new { uri = "untitled:none" }, position = new { line = 0, character = 0 } });
            await client.SettleAsync(200);
        }
        await CycleAsync(0, 1000);
        Assert.Empty(client.Server!.Context.Workspace.Current.Open);
        Assert.Empty(client.Server.Context.Workspace.Current.Loose.Drafts);
        Assert.True(closed.Count >= 40, $"only {closed.Count} documents sampled");
        for (int i = 0; i < 3 && closed.Any(w => w.IsAlive); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.Equal(0, closed.Count(w => w.IsAlive));

        void Track(string uri)
        {
            if (client.Server!.Context.Workspace.Current.FindDraft(uri) is not { } found) return;
            closed.Add(new WeakReference(found.Document));
            closed.Add(new WeakReference(found.Document.Draft));
        }
    }
}
