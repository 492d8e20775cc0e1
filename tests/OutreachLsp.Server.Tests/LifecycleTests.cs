using System.Text.Json;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Tests.Harness;
using StreamJsonRpc;

namespace OutreachLsp.Server.Tests;

public class LifecycleTests
{
    private static object InitializeRequest(int id) => new
    {
        jsonrpc = "2.0", id, method = "initialize",
        @params = new { processId = (int?)null, rootUri = (string?)null, capabilities = new { } },
    };

    [Fact]
    public async Task Initialize_AnswersCapabilitiesUtf16AndServerVersion()
    {
        await using var client = LspTestClient.Start();
        var result = await client.InitializeAsync(capabilities: ClientCapabilitiesSamples.PushOnly);
        Assert.Equal("utf-16", result.Capabilities.PositionEncoding);
        Assert.Equal("outreach", result.ServerInfo!.Name);
        Assert.False(string.IsNullOrEmpty(result.ServerInfo.Version));
        Assert.Equal(TextDocumentSyncKind.Incremental, result.Capabilities.TextDocumentSync!.Change);
        Assert.True(result.Capabilities.HoverProvider);
        Assert.Contains(CodeActionKind.QuickFix, result.Capabilities.CodeActionProvider!.CodeActionKinds!);
        Assert.Contains(CodeActionKind.SourceFixAllOutreach, result.Capabilities.CodeActionProvider.CodeActionKinds!);
        Assert.Equal(OutreachCommandIds.All, result.Capabilities.ExecuteCommandProvider!.Commands);
        Assert.True(result.Capabilities.Workspace!.WorkspaceFolders!.Supported);
        // A client that does not pull is pushed to, so no diagnosticProvider is announced.
        Assert.Null(result.Capabilities.DiagnosticProvider);
    }

    [Fact]
    public async Task Initialize_ForAPullingClient_AnnouncesInterFileWorkspaceDiagnostics()
    {
        await using var client = LspTestClient.Start();
        var result = await client.InitializeAsync(capabilities: ClientCapabilitiesSamples.VsCode);
        Assert.True(result.Capabilities.DiagnosticProvider!.InterFileDependencies);
        Assert.True(result.Capabilities.DiagnosticProvider.WorkspaceDiagnostics);
    }

    [Fact]
    public async Task RequestBeforeInitialize_IsRejectedWithServerNotInitialized()
    {
        await using var client = LspTestClient.Start();
        var ex = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
            client.RequestAsync<JsonElement?>("textDocument/hover", new { textDocument = new { uri = "file:///a.md" }, position = new { line = 0, character = 0 } }));
        Assert.Equal(LspErrorCodes.ServerNotInitialized, (int)ex.ErrorCode);
        // Notifications before initialize are dropped, and initialize still works afterwards.
        await client.OpenAsync("file:///tmp/x.md", "text");
        var result = await client.InitializeAsync();
        Assert.Equal("utf-16", result.Capabilities.PositionEncoding);
    }

    [Fact]
    public async Task UnknownRequestBeforeInitialize_IsAlsoServerNotInitialized()
    {
        // The specification rejects every request before initialize with -32002, not only the
        // methods the server knows (an unknown one would otherwise be -32601).
        await using var client = LspTestClient.Start();
        var ex = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => client.RequestAsync<JsonElement?>("custom/notAMethod", new { }));
        Assert.Equal(LspErrorCodes.ServerNotInitialized, ex switch
        {
            RemoteInvocationException invocation => (int)invocation.ErrorCode,
            RemoteMethodNotFoundException notFound => (int)notFound.ErrorCode,
            _ => 0,
        });
        var result = await client.InitializeAsync();
        Assert.Equal("utf-16", result.Capabilities.PositionEncoding);
    }

    [Fact]
    public async Task SecondInitialize_IsAnInvalidRequest()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        var ex = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync<JsonElement>("initialize", new { capabilities = new { } }));
        Assert.Equal(LspErrorCodes.InvalidRequest, (int)ex.ErrorCode);
    }

    [Fact]
    public async Task ShutdownThenExit_EndsWithExitCodeZero()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task ExitWithoutShutdown_EndsWithExitCodeOne()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.NotifyAsync("exit", null);
        Assert.Equal(1, await client.ServerTask.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task RequestAfterShutdown_IsAnInvalidRequest()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.RequestAsync<JsonElement?>("shutdown", null);
        var ex = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
            client.RequestAsync<JsonElement?>("textDocument/hover", new { textDocument = new { uri = "file:///a.md" }, position = new { line = 0, character = 0 } }));
        Assert.Equal(LspErrorCodes.InvalidRequest, (int)ex.ErrorCode);
    }

    [Fact]
    public async Task ClientDisconnect_EndsTheServer()
    {
        var client = await LspTestClient.StartInitializedAsync();
        client.Rpc.Dispose();
        await client.DisposeAsync();
        Assert.Equal(1, await client.ServerTask.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task UnknownMethod_IsMethodNotFound_AndTheServerKeepsServing()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        var ex = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => client.RequestAsync<JsonElement?>("outreach/noSuchThing", new { }));
        Assert.Equal(LspErrorCodes.MethodNotFound, (int)ex.ErrorCode);
        await client.NotifyAsync("$/someClientNotification", new { });
        var completion = await client.RequestAsync<CompletionList>("textDocument/completion", new { textDocument = new { uri = "file:///nowhere.md" }, position = new { line = 0, character = 0 } });
        Assert.Empty(completion.Items);
    }

    [Fact]
    public async Task SetTrace_IsAccepted()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.NotifyAsync("$/setTrace", new { value = "verbose" });
        var hover = await client.RequestAsync<Hover?>("textDocument/hover", new { textDocument = new { uri = "file:///nowhere.md" }, position = new { line = 0, character = 0 } });
        Assert.Null(hover);
    }

    [Fact]
    public async Task MalformedJson_IsAnsweredWithParseError_AndTheNextRequestIsServed()
    {
        await using var raw = RawConnection.StartServer();
        await raw.SendRawAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"); // cut short
        var error = await raw.ReadUntilAsync(f => f.TryGetProperty("error", out _));
        Assert.Equal(LspErrorCodes.ParseError, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("id").ValueKind);

        await raw.SendRawAsync("this is not json at all \u0000\u0001");
        var second = await raw.ReadUntilAsync(f => f.TryGetProperty("error", out _));
        Assert.Equal(LspErrorCodes.ParseError, second.GetProperty("error").GetProperty("code").GetInt32());

        await raw.SendAsync(InitializeRequest(2));
        var init = await raw.ReadUntilAsync(f => RawConnection.IsResponseTo(f, 2));
        Assert.Equal("utf-16", init.GetProperty("result").GetProperty("capabilities").GetProperty("positionEncoding").GetString());
    }

    [Fact]
    public async Task RawRequestBeforeInitialize_GetsMinus32002WithItsId()
    {
        await using var raw = RawConnection.StartServer();
        await raw.SendAsync(new { jsonrpc = "2.0", id = 7, method = "textDocument/completion", @params = new { textDocument = new { uri = "file:///a.md" }, position = new { line = 0, character = 0 } } });
        var reply = await raw.ReadUntilAsync(f => RawConnection.IsResponseTo(f, 7));
        Assert.Equal(LspErrorCodes.ServerNotInitialized, reply.GetProperty("error").GetProperty("code").GetInt32());
        await raw.SendAsync(new { jsonrpc = "2.0", method = "exit" });
        Assert.Equal(1, await raw.ServerTask.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task CancelledRequest_AnswersRequestCancelled()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        // A large document keeps the request busy long enough to be cancelled in flight.
        var uri = "untitled:big-" + Guid.NewGuid().ToString("N");
        var text = string.Concat(Enumerable.Repeat("Where am I on your rank list? Kindly intimate me at the earliest. ", 60_000));
        await client.OpenAsync(uri, text);
        using var cts = new CancellationTokenSource();
        var pending = client.RequestAsync<JsonElement>("workspace/diagnostic", new { previousResultIds = Array.Empty<object>() }, cts.Token);
        // Cancel at once: analysing 4 MB takes far longer than the cancellation takes to arrive (a
        // fixed delay raced the now faster engine on a loaded machine).
        await Task.Yield();
        cts.Cancel();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.NotNull(ex);
        // The server is still serving.
        var after = await client.RequestAsync<CompletionList>("textDocument/completion", new { textDocument = new { uri = "file:///nowhere.md" }, position = new { line = 0, character = 0 } });
        Assert.Empty(after.Items);
    }

    [Fact]
    public async Task CancelRequestOnTheWire_AnswersMinus32800()
    {
        await using var raw = RawConnection.StartServer(new ServerOptions { DebounceMs = 0 });
        await raw.SendAsync(InitializeRequest(1));
        await raw.ReadUntilAsync(f => RawConnection.IsResponseTo(f, 1));
        await raw.SendAsync(new { jsonrpc = "2.0", method = "initialized", @params = new { } });
        var text = string.Concat(Enumerable.Repeat("Where am I on your rank list? Kindly intimate me at the earliest. ", 80_000));
        await raw.SendAsync(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri = "untitled:big", languageId = "markdown", version = 1, text } } });
        await raw.SendAsync(new { jsonrpc = "2.0", id = 2, method = "workspace/diagnostic", @params = new { previousResultIds = Array.Empty<object>() } });
        await raw.SendAsync(new { jsonrpc = "2.0", method = "$/cancelRequest", @params = new { id = 2 } });
        var reply = await raw.ReadUntilAsync(f => RawConnection.IsResponseTo(f, 2), TimeSpan.FromSeconds(60));
        // Either the cancellation won (-32800) or the work finished first; a finished answer is also legal.
        if (reply.TryGetProperty("error", out var error)) Assert.Equal(LspErrorCodes.RequestCancelled, error.GetProperty("code").GetInt32());
        else Assert.True(reply.TryGetProperty("result", out _));
    }
}
