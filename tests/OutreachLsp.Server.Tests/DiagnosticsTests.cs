using System.Text.Json;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Tests.Harness;

namespace OutreachLsp.Server.Tests;

public class DiagnosticsTests
{
    private const string FirstChoice = "I want you to know that you are my first choice and I will rank your program first.";

    [Fact]
    public async Task OpenDraftWithViolation_PublishesRuleIdSourceLinkSeverityAndVersion()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:diag";
        var text = Drafts.Draft("Pinecrest", "Thank you 😀.\n" + Drafts.RankQuestion);
        await client.OpenAsync(uri, text, version: 7);
        var published = await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "rank-inquiry"));
        Assert.Equal(7, published.Version);
        var d = published.Diagnostics.First(d => d.Code == "rank-inquiry");
        Assert.Equal("outreach", d.Source);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.StartsWith("http", d.CodeDescription!.Href);
        int start = ClientText.OffsetOf(text, d.Range.Start);
        // The range covers the question itself, counted in UTF-16 after the emoji line.
        Assert.StartsWith("Where am I on your rank list", text[start..ClientText.OffsetOf(text, d.Range.End)]);
    }

    [Fact]
    public async Task EditThatLeavesFindingsAlone_IsNotRepublished()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:same";
        var text = Drafts.Draft("Pinecrest", Drafts.RankQuestion);
        await client.OpenAsync(uri, text);
        await client.WaitForDiagnosticsAsync(uri);
        await client.SettleAsync();
        int before = client.Publishes.Count(p => p.Uri == uri);
        // Typing at the very end (after the signature) moves no finding.
        var end = ClientText.PositionOf(text, text.Length);
        await client.ChangeAsync(uri, 2, new { range = new { start = end, end }, text = "\n" });
        await client.SettleAsync();
        Assert.Equal(before, client.Publishes.Count(p => p.Uri == uri));
    }

    [Fact]
    public async Task TwoDraftsClaimingFirstChoice_BothFlagged_FixingOneClearsTheOther()
    {
        using var ws = new TempWorkspace("first-choice");
        var a = ws.Write("a.md", Drafts.Draft("Pinecrest Internal Medicine", FirstChoice, type: "letter-of-intent"));
        var bText = Drafts.Draft("Bellwood Family Medicine", FirstChoice, type: "letter-of-intent");
        var b = ws.Write("b.md", bText);
        await using var client = await LspTestClient.StartInitializedAsync(ws.Root);
        // Only b is open; a lives on disk and still gets its diagnostics.
        await client.OpenAsync(b, bText);
        var onA = await client.WaitForDiagnosticsAsync(a, p => p.Diagnostics.Any(d => d.Code == "multiple-first-choice"));
        var onB = await client.WaitForDiagnosticsAsync(b, p => p.Diagnostics.Any(d => d.Code == "multiple-first-choice"));
        var related = onB.Diagnostics.First(d => d.Code == "multiple-first-choice").RelatedInformation;
        Assert.NotNull(related);
        Assert.Contains(related!, r => r.Location.Uri == a);

        var fixedB = Drafts.Draft("Bellwood Family Medicine", "I remain very interested in your program.", type: "letter-of-intent");
        await client.ReplaceAllAsync(b, 2, fixedB);
        await client.WaitForDiagnosticsAsync(a, p => p.Diagnostics.All(d => d.Code != "multiple-first-choice"));
        await client.WaitForDiagnosticsAsync(b, p => p.Version == 2 && p.Diagnostics.All(d => d.Code != "multiple-first-choice"));
    }

    [Fact]
    public async Task MultiRoot_EachFolderIsItsOwnWorkspace()
    {
        using var one = new TempWorkspace("one");
        using var two = new TempWorkspace("two");
        var a = one.Write("a.md", Drafts.Draft("Pinecrest Internal Medicine", FirstChoice, type: "letter-of-intent"));
        var b = two.Write("b.md", Drafts.Draft("Bellwood Family Medicine", FirstChoice, type: "letter-of-intent"));
        await using var client = await LspTestClient.StartInitializedAsync(folders: [one.Root, two.Root]);
        var pullA = await client.RequestAsync<DocumentDiagnosticReport>("textDocument/diagnostic", new { textDocument = new { uri = a } });
        var pullB = await client.RequestAsync<DocumentDiagnosticReport>("textDocument/diagnostic", new { textDocument = new { uri = b } });
        Assert.DoesNotContain(pullA.Items!, d => d.Code == "multiple-first-choice");
        Assert.DoesNotContain(pullB.Items!, d => d.Code == "multiple-first-choice");
    }

    [Fact]
    public async Task PullDiagnostics_FullThenUnchanged_AndWorkspaceReportCoversDiskDrafts()
    {
        using var ws = new TempWorkspace("pull");
        var disk = ws.Write("disk.md", Drafts.Draft("Pinecrest", Drafts.RankQuestion));
        await using var client = await LspTestClient.StartInitializedAsync(ws.Root, capabilities: ClientCapabilitiesSamples.VsCode);
        const string uri = "untitled:pulled";
        await client.OpenAsync(uri, Drafts.Draft("Elm", Drafts.RankQuestion));
        var first = await client.RequestAsync<DocumentDiagnosticReport>("textDocument/diagnostic", new { textDocument = new { uri } });
        Assert.Equal("full", first.Kind);
        Assert.Contains(first.Items!, d => d.Code == "rank-inquiry");
        var second = await client.RequestAsync<DocumentDiagnosticReport>("textDocument/diagnostic", new { textDocument = new { uri }, previousResultId = first.ResultId });
        Assert.Equal("unchanged", second.Kind);
        Assert.Equal(first.ResultId, second.ResultId);

        var report = await client.RequestAsync<WorkspaceDiagnosticReport>("workspace/diagnostic", new { previousResultIds = Array.Empty<object>() });
        var diskReport = report.Items.Single(i => i.Uri == disk);
        Assert.Contains(diskReport.Items!, d => d.Code == "rank-inquiry");
        Assert.Null(diskReport.Version);
        var again = await client.RequestAsync<WorkspaceDiagnosticReport>("workspace/diagnostic",
            new { previousResultIds = new[] { new { uri = disk, value = diskReport.ResultId } } });
        Assert.Equal("unchanged", again.Items.Single(i => i.Uri == disk).Kind);
        // A pulling client is not pushed to.
        await client.SettleAsync();
        Assert.Empty(client.Publishes);
    }

    [Fact]
    public async Task PullMode_ChangeInOneDraftAffectingAnother_AsksTheClientToRefresh()
    {
        using var ws = new TempWorkspace("refresh");
        ws.Write("a.md", Drafts.Draft("Pinecrest Internal Medicine", FirstChoice, type: "letter-of-intent"));
        await using var client = await LspTestClient.StartInitializedAsync(ws.Root, capabilities: ClientCapabilitiesSamples.VsCode, initializationOptions: new { debounceMs = 0 });
        var b = ws.UriOf("b.md");
        await client.OpenAsync(b, Drafts.Draft("Bellwood Family Medicine", FirstChoice, type: "letter-of-intent"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Volatile.Read(ref client.RefreshRequests) == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(client.RefreshRequests > 0);
    }

    [Fact]
    public async Task StartUp_ReadsDiskDrafts_WithProgress_AndRegistersFileWatchers()
    {
        using var ws = new TempWorkspace("startup");
        var bad = ws.Write("notes/bad.md", Drafts.Draft("Pinecrest", Drafts.RankQuestion));
        ws.Write("good.md", Drafts.Clean());
        ws.Write("node_modules/pkg/readme.md", Drafts.Draft("X", Drafts.RankQuestion));
        await using var client = await LspTestClient.StartInitializedAsync(ws.Root);
        await client.WaitForDiagnosticsAsync(bad, p => p.Diagnostics.Any(d => d.Code == "rank-inquiry"));
        Assert.Single(client.ProgressTokensCreated);
        var kinds = client.Progress.Select(p => p.GetProperty("value").GetProperty("kind").GetString()).ToList();
        Assert.Equal("begin", kinds.First());
        Assert.Equal("end", kinds.Last());
        var watchers = client.Registrations.SelectMany(r => r.Registrations).Single(r => r.Method == "workspace/didChangeWatchedFiles");
        Assert.Contains("**/*.md", ((JsonElement)watchers.RegisterOptions!).GetRawText());
        Assert.DoesNotContain(client.Publishes, p => p.Uri.Contains("node_modules", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WatchedFileCreatedAndDeleted_UpdatesDiagnostics()
    {
        using var ws = new TempWorkspace("watch");
        await using var client = await LspTestClient.StartInitializedAsync(ws.Root);
        var uri = ws.Write("new.md", Drafts.Draft("Pinecrest", Drafts.RankQuestion));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri, type = FileChangeType.Created } } });
        await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "rank-inquiry"));
        File.Delete(ws.PathOf("new.md"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri, type = FileChangeType.Deleted } } });
        await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Count == 0);
    }

    [Fact]
    public async Task ConfigFileChange_TakesEffectWithoutRestart_AndItsErrorsAppearInTheConfig()
    {
        using var ws = new TempWorkspace("config");
        var draft = ws.Write("d.md", Drafts.Draft("Pinecrest", Drafts.RankQuestion));
        await using var client = await LspTestClient.StartInitializedAsync(ws.Root);
        await client.WaitForDiagnosticsAsync(draft, p => p.Diagnostics.Any(d => d.Code == "rank-inquiry"));

        var config = ws.Write(".outreach.yaml", "rules:\n  rank-inquiry: off\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = config, type = FileChangeType.Created } } });
        await client.WaitForDiagnosticsAsync(draft, p => p.Diagnostics.All(d => d.Code != "rank-inquiry"));

        // An open, unsaved config buffer counts too, and its problems are shown in it.
        const string broken = "rules:\n  rank-inquiry: off\n  no-such-rule: error\nprofile: [unclosed\n";
        await client.OpenAsync(config, broken, languageId: "yaml");
        var problems = await client.WaitForDiagnosticsAsync(config, p => p.Diagnostics.Count > 0);
        Assert.All(problems.Diagnostics, d => Assert.Contains(d.Code, new[] { "config", "rule-pack" }));
    }

    [Fact]
    public async Task ClientSettings_SeverityOverride_FromWorkspaceConfiguration()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string uri = "untitled:settings";
        await client.OpenAsync(uri, Drafts.Draft("Pinecrest", Drafts.RankQuestion));
        await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "rank-inquiry" && d.Severity == DiagnosticSeverity.Error));
        client.Settings = new { rules = new Dictionary<string, string> { ["rank-inquiry"] = "info" }, debounceMs = 0 };
        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { } });
        await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "rank-inquiry" && d.Severity == DiagnosticSeverity.Information));
    }

    [Fact]
    public async Task Neovim07_WithoutRegistrationOrConfiguration_GetsDiagnosticsOnDefaults()
    {
        using var ws = new TempWorkspace("nvim");
        var uri = ws.Write("d.md", Drafts.Clean());
        await using var client = await LspTestClient.StartInitializedAsync(ws.Root, capabilities: ClientCapabilitiesSamples.Neovim07,
            options: new ServerOptions());
        await client.OpenAsync(uri, Drafts.Draft("Pinecrest", Drafts.RankQuestion));
        await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "rank-inquiry"));
        Assert.Empty(client.Registrations);
    }
}
