using System.Collections.Immutable;
using System.Text;
using OutreachLsp.Core.Analysis;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Tests.Harness;
using OutreachLsp.Server.Workspace;

namespace OutreachLsp.Server.Tests;

public class DocumentSyncTests
{
    private static string ServerText(LspTestClient client, string uri) =>
        client.Server!.Context.Workspace.Current.Open[DocumentUris.ToId(uri)].Text.Text;

    private static async Task WaitForTextAsync(LspTestClient client, string uri, int version)
    {
        // Notifications have no reply; a request behind them is answered only after they are applied.
        await client.RequestAsync<CompletionList>("textDocument/completion", new { textDocument = new { uri }, position = new { line = 0, character = 0 } });
        Assert.Equal(version, client.Server!.Context.Workspace.Current.Open[DocumentUris.ToId(uri)].Version);
    }

    [Fact]
    public async Task SeveralChangesInOneNotification_AreAppliedInOrder()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:sync-order";
        await client.OpenAsync(uri, "abc\r\ndef");
        await client.ChangeAsync(uri, 2,
            new { range = ClientText.RangeOf("abc\r\ndef", 1, 2), text = "XY" },          // aXYc\r\ndef
            new { range = new { start = new { line = 1, character = 0 }, end = new { line = 1, character = 1 } }, text = "😀" }, // second line now starts with the emoji
            new { range = new { start = new { line = 1, character = 2 }, end = new { line = 1, character = 2 } }, text = "!" });  // after the surrogate pair
        await WaitForTextAsync(client, uri, 2);
        Assert.Equal("aXYc\r\n😀!ef", ServerText(client, uri));
    }

    [Fact]
    public async Task FullTextChange_ReplacesTheDocument()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:sync-full";
        await client.OpenAsync(uri, "old");
        await client.ReplaceAllAsync(uri, 2, "new text");
        await WaitForTextAsync(client, uri, 2);
        Assert.Equal("new text", ServerText(client, uri));
    }

    [Fact]
    public async Task StaleVersion_IsIgnored_AndChangeForUnopenedDocument_IsHarmless()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:sync-stale";
        await client.OpenAsync(uri, "one", version: 5);
        await client.ReplaceAllAsync(uri, 4, "older");
        await client.ReplaceAllAsync("untitled:never-opened", 2, "x");
        await WaitForTextAsync(client, uri, 5);
        Assert.Equal("one", ServerText(client, uri));
    }

    [Fact]
    public async Task RandomIncrementalEdits_GiveTheSameTextAndFindingsAsAFreshOpen()
    {
        await using var client = await LspTestClient.StartInitializedAsync(options: new ServerOptions { DebounceMs = 10_000 });
        const string uri = "untitled:property";
        var random = new Random(20260315);
        string[] pieces =
        [
            "a", " ", "\n", "\r\n", "\r", "😀", "👩🏽‍⚕️", "é", "Where am I on your rank list?", "Kindly intimate me at the earliest.",
            "you are my first choice", "[Program Name]", "---", "nrmp: true", "Dear Dr. Chen,", "\t", "## Heading", "> quoted",
        ];
        string text = Drafts.Draft("Pinecrest Internal Medicine", "Thank you 😀 for the interview.\r\nKindly intimate me at the earliest.", eol: "\r\n");
        await client.OpenAsync(uri, text);
        var engine = Engine.CreateDefault();
        int version = 1;
        for (int step = 1; step <= 600; step++)
        {
            int changesInMessage = random.Next(1, 4);
            var changes = new List<object>();
            for (int c = 0; c < changesInMessage; c++)
            {
                int start = random.Next(0, text.Length + 1);
                int end = Math.Min(text.Length, start + random.Next(0, 12));
                // Never split a surrogate pair or a CRLF: an editor cannot place a cursor there.
                start = Snap(text, start);
                end = Math.Max(start, Snap(text, end));
                string insert = random.Next(4) == 0 ? "" : pieces[random.Next(pieces.Length)];
                changes.Add(new { range = ClientText.RangeOf(text, start, end), text = insert });
                text = text[..start] + insert + text[end..];
            }
            await client.ChangeAsync(uri, ++version, changes.ToArray());
            if (step % 60 != 0) continue;

            await WaitForTextAsync(client, uri, version);
            Assert.Equal(text, ServerText(client, uri));
            var state = client.Server!.Context.Workspace.Current;
            var folder = state.FolderFor(DocumentUris.ToId(uri));
            var incremental = client.Server.Context.Analysis.AnalyzeDocument(folder, DocumentUris.ToId(uri), CancellationToken.None);
            var fresh = engine.AnalyzeDocument(WorkspaceSnapshot.Create([DraftParser.Parse(DocumentUris.ToId(uri), text)]), DocumentUris.ToId(uri));
            Assert.Equal(Describe(fresh), Describe(incremental));
        }
    }

    private static int Snap(string text, int offset)
    {
        if (offset > 0 && offset < text.Length && char.IsLowSurrogate(text[offset])) offset--;
        if (offset > 0 && offset < text.Length && text[offset] == '\n' && text[offset - 1] == '\r') offset--;
        return offset;
    }

    private static string Describe(ImmutableArray<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Severity} {f.Span} {f.Message}"));

    [Fact]
    public async Task EditsFasterThanAnalysis_TheNewestVersionWins()
    {
        await using var client = await LspTestClient.StartInitializedAsync(options: new ServerOptions { DebounceMs = 0 });
        const string uri = "untitled:fast";
        var body = new StringBuilder();
        await client.OpenAsync(uri, Drafts.Draft("Pinecrest", "Hello."));
        for (int v = 2; v <= 40; v++)
        {
            body.Append(v % 2 == 0 ? Drafts.RankQuestion + " " : "Thanks. ");
            await client.ReplaceAllAsync(uri, v, Drafts.Draft("Pinecrest", body.ToString()));
        }
        var last = await client.WaitForDiagnosticsAsync(uri, p => p.Version == 40);
        await client.SettleAsync();
        Assert.Equal(40, client.Latest(uri)!.Version);
        // Nothing older was published after the newest version.
        var versions = client.Publishes.Where(p => p.Uri == uri).Select(p => p.Version ?? 0).ToList();
        Assert.Equal(versions.OrderBy(v => v), versions);
        Assert.Equal(20, last.Diagnostics.Count(d => d.Code == "rank-inquiry"));
    }

    [Fact]
    public async Task ClosingAFileDraft_RevertsToTheFileOnDisk()
    {
        using var ws = new TempWorkspace();
        var uri = ws.Write("draft.md", Drafts.Clean());
        await using var client = await LspTestClient.StartInitializedAsync(ws.Root);
        await client.OpenAsync(uri, Drafts.Clean());
        await client.ReplaceAllAsync(uri, 2, Drafts.Draft("Pinecrest Internal Medicine", Drafts.RankQuestion));
        await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "rank-inquiry"));
        await client.CloseAsync(uri);
        var after = await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.All(d => d.Code != "rank-inquiry"));
        Assert.Null(after.Version);
    }
}
