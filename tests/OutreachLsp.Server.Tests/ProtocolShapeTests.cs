using System.Text.Json;
using OutreachLsp.Server.Protocol;
using Range = OutreachLsp.Server.Protocol.Range;
using TextEdit = OutreachLsp.Server.Protocol.TextEdit;
using FileSystemWatcher = OutreachLsp.Server.Protocol.FileSystemWatcher;

namespace OutreachLsp.Server.Tests;

/// <summary>
/// The hand-written protocol types serialize to the JSON shapes of the LSP 3.17 specification
/// (property names, optional fields left out, required nulls kept) and read the spec's examples.
/// </summary>
public class ProtocolShapeTests
{
    private static readonly Position P0 = new(0, 0);
    private static readonly Position P1 = new(1, 4);
    private static readonly Range R = new(P0, P1);
    private const string RJson = """{"start":{"line":0,"character":0},"end":{"line":1,"character":4}}""";

    public static IEnumerable<object[]> Shapes()
    {
        yield return Case("Position", P1, """{"line":1,"character":4}""");
        yield return Case("Range", R, RJson);
        yield return Case("Location", new Location("file:///a.md", R), $$$"""{"uri":"file:///a.md","range":{{{RJson}}}}""");
        yield return Case("TextDocumentIdentifier", new TextDocumentIdentifier("file:///a.md"), """{"uri":"file:///a.md"}""");
        yield return Case("VersionedTextDocumentIdentifier", new VersionedTextDocumentIdentifier("file:///a.md", 3), """{"uri":"file:///a.md","version":3}""");
        yield return Case("OptionalVersionedTextDocumentIdentifier keeps a null version", new OptionalVersionedTextDocumentIdentifier("file:///a.md", null), """{"uri":"file:///a.md","version":null}""");
        yield return Case("TextDocumentItem", new TextDocumentItem("file:///a.md", "markdown", 1, "hi"), """{"uri":"file:///a.md","languageId":"markdown","version":1,"text":"hi"}""");
        yield return Case("TextEdit", new TextEdit(R, "x"), $$"""{"range":{{RJson}},"newText":"x"}""");
        yield return Case("TextDocumentEdit", new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier("file:///a.md", 2), [new TextEdit(R, "x")]),
            $$"""{"textDocument":{"uri":"file:///a.md","version":2},"edits":[{"range":{{RJson}},"newText":"x"}]}""");
        yield return Case("CreateFile", new CreateFile { Uri = "file:///b.md", Options = new CreateFileOptions { Overwrite = false, IgnoreIfExists = false } },
            """{"kind":"create","uri":"file:///b.md","options":{"overwrite":false,"ignoreIfExists":false}}""");
        yield return Case("WorkspaceEdit with changes", new WorkspaceEdit { Changes = new() { ["file:///a.md"] = [new TextEdit(R, "x")] } },
            $$$"""{"changes":{"file:///a.md":[{"range":{{{RJson}}},"newText":"x"}]}}""");
        yield return Case("WorkspaceEdit with documentChanges of mixed kinds", new WorkspaceEdit { DocumentChanges = [new CreateFile { Uri = "file:///b.md" }, new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier("file:///b.md", null), [])] },
            """{"documentChanges":[{"kind":"create","uri":"file:///b.md"},{"textDocument":{"uri":"file:///b.md","version":null},"edits":[]}]}""");
        yield return Case("Command", new Command { Title = "Copy", CommandIdentifier = "outreach.copyAsEmail", Arguments = [new { uri = "file:///a.md" }] },
            """{"title":"Copy","command":"outreach.copyAsEmail","arguments":[{"uri":"file:///a.md"}]}""");
        yield return Case("MarkupContent", new MarkupContent(MarkupContent.Markdown, "**x**"), """{"kind":"markdown","value":"**x**"}""");
        yield return Case("WorkspaceFolder", new WorkspaceFolder("file:///w", "w"), """{"uri":"file:///w","name":"w"}""");
        yield return Case("InitializeResult", new InitializeResult
        {
            ServerInfo = new ServerInfo("outreach", "0.1.0"),
            Capabilities = new ServerCapabilities
            {
                TextDocumentSync = new TextDocumentSyncOptions { Save = new SaveOptions() },
                HoverProvider = true,
                CompletionProvider = new CompletionOptions { TriggerCharacters = [":"] },
                CodeActionProvider = new CodeActionOptions { CodeActionKinds = ["quickfix"] },
                ExecuteCommandProvider = new ExecuteCommandOptions { Commands = ["outreach.newDraft"] },
                DiagnosticProvider = new DiagnosticOptions { Identifier = "outreach", InterFileDependencies = true, WorkspaceDiagnostics = true },
                Workspace = new WorkspaceServerCapabilities { WorkspaceFolders = new WorkspaceFoldersServerCapabilities { Supported = true, ChangeNotifications = true } },
            },
        }, """{"capabilities":{"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":2,"save":{"includeText":false}},"hoverProvider":true,"completionProvider":{"triggerCharacters":[":"],"resolveProvider":false},"codeActionProvider":{"codeActionKinds":["quickfix"],"resolveProvider":false},"executeCommandProvider":{"commands":["outreach.newDraft"]},"diagnosticProvider":{"identifier":"outreach","interFileDependencies":true,"workspaceDiagnostics":true},"workspace":{"workspaceFolders":{"supported":true,"changeNotifications":true}}},"serverInfo":{"name":"outreach","version":"0.1.0"}}""");
        yield return Case("Diagnostic", new Diagnostic
        {
            Range = R, Severity = DiagnosticSeverity.Error, Code = "rank-inquiry", CodeDescription = new CodeDescription("https://example.org/rules#rank-inquiry"),
            Source = "outreach", Message = "m", RelatedInformation = [new DiagnosticRelatedInformation(new Location("file:///b.md", R), "other")],
        }, $$$"""{"range":{{{RJson}}},"severity":1,"code":"rank-inquiry","codeDescription":{"href":"https://example.org/rules#rank-inquiry"},"source":"outreach","message":"m","relatedInformation":[{"location":{"uri":"file:///b.md","range":{{{RJson}}}},"message":"other"}]}""");
        yield return Case("PublishDiagnosticsParams", new PublishDiagnosticsParams { Uri = "file:///a.md", Version = 4, Diagnostics = [] }, """{"uri":"file:///a.md","version":4,"diagnostics":[]}""");
        yield return Case("PublishDiagnosticsParams without version", new PublishDiagnosticsParams { Uri = "file:///a.md", Diagnostics = [] }, """{"uri":"file:///a.md","diagnostics":[]}""");
        yield return Case("DocumentDiagnosticReport full", new DocumentDiagnosticReport { Kind = "full", ResultId = "1", Items = [] }, """{"kind":"full","resultId":"1","items":[]}""");
        yield return Case("DocumentDiagnosticReport unchanged", new DocumentDiagnosticReport { Kind = "unchanged", ResultId = "1" }, """{"kind":"unchanged","resultId":"1"}""");
        yield return Case("WorkspaceDiagnosticReport", new WorkspaceDiagnosticReport([new WorkspaceDocumentDiagnosticReport { Kind = "full", ResultId = "1", Items = [], Uri = "file:///a.md", Version = null }]),
            """{"items":[{"kind":"full","resultId":"1","items":[],"uri":"file:///a.md","version":null}]}""");
        yield return Case("Hover", new Hover { Contents = new MarkupContent("markdown", "x"), Range = R }, $$$"""{"contents":{"kind":"markdown","value":"x"},"range":{{{RJson}}}}""");
        yield return Case("CodeAction", new CodeAction { Title = "t", Kind = "quickfix", IsPreferred = true, Edit = new WorkspaceEdit { Changes = new() } },
            """{"title":"t","kind":"quickfix","isPreferred":true,"edit":{"changes":{}}}""");
        yield return Case("CompletionList", new CompletionList { Items = [new CompletionItem { Label = "nrmp", Kind = CompletionItemKind.Property, InsertTextFormat = InsertTextFormat.Snippet, TextEdit = new TextEdit(R, "nrmp: ") }] },
            $$$"""{"isIncomplete":false,"items":[{"label":"nrmp","kind":10,"insertTextFormat":2,"textEdit":{"range":{{{RJson}}},"newText":"nrmp: "}}]}""");
        yield return Case("LogMessageParams", new LogMessageParams(MessageType.Warning, "w"), """{"type":2,"message":"w"}""");
        yield return Case("WorkDoneProgressCreateParams", new WorkDoneProgressCreateParams("t"), """{"token":"t"}""");
        yield return Case("ProgressParams with begin", new ProgressParams("t", new WorkDoneProgressBegin { Title = "Reading", Percentage = 0 }), """{"token":"t","value":{"kind":"begin","title":"Reading","percentage":0}}""");
        yield return Case("WorkDoneProgressReport", new WorkDoneProgressReport { Message = "1/2" }, """{"kind":"report","message":"1/2"}""");
        yield return Case("WorkDoneProgressEnd", new WorkDoneProgressEnd(), """{"kind":"end"}""");
        yield return Case("RegistrationParams", new RegistrationParams([new Registration { Id = "1", Method = "workspace/didChangeWatchedFiles", RegisterOptions = new DidChangeWatchedFilesRegistrationOptions([new FileSystemWatcher { GlobPattern = "**/*.md" }]) }]),
            """{"registrations":[{"id":"1","method":"workspace/didChangeWatchedFiles","registerOptions":{"watchers":[{"globPattern":"**/*.md"}]}}]}""");
        yield return Case("ConfigurationParams", new ConfigurationParams([new ConfigurationItem { Section = "outreach" }]), """{"items":[{"section":"outreach"}]}""");
        yield return Case("ApplyWorkspaceEditParams", new ApplyWorkspaceEditParams { Label = "l", Edit = new WorkspaceEdit() }, """{"label":"l","edit":{}}""");
        yield return Case("CopyAsEmailResult refused", new CopyAsEmailResult { Ok = false, Findings = [new BlockingFinding(3, "m", "rank-inquiry")] }, """{"ok":false,"findings":[{"line":3,"message":"m","ruleId":"rank-inquiry"}]}""");
        yield return Case("CommunicationPlan", new CommunicationPlan([new ProgramPlan("P", [new DraftPlan { Uri = "file:///a.md", Type = "thank-you", SendDate = "2025-11-05", InterviewDate = null, Findings = new FindingCounts(1, 0, 2) }])]),
            """{"programs":[{"program":"P","drafts":[{"uri":"file:///a.md","type":"thank-you","sendDate":"2025-11-05","interviewDate":null,"findings":{"error":1,"warning":0,"info":2}}]}]}""");
        yield return Case("NewDraftResult", new NewDraftResult("file:///a.md"), """{"uri":"file:///a.md"}""");
    }

    private static object[] Case(string name, object value, string json) => [name, value, json];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ProtocolType_Serializes_ToSpecShape(string name, object value, string expected)
    {
        var actual = JsonSerializer.Serialize(value, value.GetType(), LspJson.Options);
        Assert.True(JsonEquals(expected, actual), $"{name}:\nexpected {expected}\nactual   {actual}");
    }

    [Fact]
    public void InitializeParams_FromVsCodeLikeJson_ReadsTheCapabilitiesTheServerUses()
    {
        const string json = """
        {"processId":42,"clientInfo":{"name":"Visual Studio Code","version":"1.99"},"rootUri":"file:///w","locale":"en",
         "initializationOptions":{"debounceMs":10},
         "capabilities":{"workspace":{"applyEdit":true,"workspaceEdit":{"documentChanges":true,"resourceOperations":["create","rename","delete"]},
           "didChangeWatchedFiles":{"dynamicRegistration":true,"relativePatternSupport":true},"configuration":true,"workspaceFolders":true,
           "diagnostics":{"refreshSupport":true}},
           "textDocument":{"completion":{"completionItem":{"snippetSupport":true}},"diagnostic":{"dynamicRegistration":true},
             "publishDiagnostics":{"relatedInformation":true,"versionSupport":false}},
           "window":{"workDoneProgress":true},"general":{"positionEncodings":["utf-16"]},"experimental":{"x":1}},
         "trace":"off","workspaceFolders":[{"uri":"file:///w","name":"w"}]}
        """;
        var p = LspJson.Deserialize<InitializeParams>(json)!;
        Assert.Equal(42, p.ProcessId);
        Assert.Equal("Visual Studio Code", p.ClientInfo!.Name);
        Assert.True(p.Capabilities.Workspace!.DidChangeWatchedFiles!.DynamicRegistration);
        Assert.True(p.Capabilities.Workspace.Configuration);
        Assert.Contains("create", p.Capabilities.Workspace.WorkspaceEdit!.ResourceOperations!);
        Assert.True(p.Capabilities.TextDocument!.Completion!.CompletionItem!.SnippetSupport);
        Assert.NotNull(p.Capabilities.TextDocument.Diagnostic);
        Assert.True(p.Capabilities.Window!.WorkDoneProgress);
        Assert.Equal(["utf-16"], p.Capabilities.General!.PositionEncodings!);
        Assert.Single(p.WorkspaceFolders!);
        Assert.Equal(10, p.InitializationOptions!.Value.GetProperty("debounceMs").GetInt32());
    }

    [Fact]
    public void DidChangeParams_FromSpecExample_ReadsRangedAndFullChanges()
    {
        const string json = """
        {"textDocument":{"uri":"file:///a.md","version":2},
         "contentChanges":[{"range":{"start":{"line":0,"character":1},"end":{"line":0,"character":2}},"rangeLength":1,"text":"X"},{"text":"all"}]}
        """;
        var p = LspJson.Deserialize<DidChangeTextDocumentParams>(json)!;
        Assert.Equal(2, p.TextDocument.Version);
        Assert.Equal(new Position(0, 1), p.ContentChanges[0].Range!.Start);
        Assert.Equal("X", p.ContentChanges[0].Text);
        Assert.Null(p.ContentChanges[1].Range);
    }

    [Fact]
    public void CodeActionParams_FromSpecExample_ReadsContext()
    {
        const string json = """
        {"textDocument":{"uri":"file:///a.md"},"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":3}},
         "context":{"diagnostics":[{"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":3}},"message":"m","code":"x"}],"only":["quickfix"],"triggerKind":1}}
        """;
        var p = LspJson.Deserialize<CodeActionParams>(json)!;
        Assert.Equal(["quickfix"], p.Context.Only!);
        Assert.Equal("x", p.Context.Diagnostics[0].Code);
        Assert.Equal(1, p.Context.TriggerKind);
    }

    [Fact]
    public void WatchedFilesAndWorkspaceDiagnosticParams_FromSpecExamples_Deserialize()
    {
        var watched = LspJson.Deserialize<DidChangeWatchedFilesParams>("""{"changes":[{"uri":"file:///a.md","type":3}]}""")!;
        Assert.Equal(FileChangeType.Deleted, watched.Changes[0].Type);
        var pull = LspJson.Deserialize<WorkspaceDiagnosticParams>("""{"identifier":"outreach","previousResultIds":[{"uri":"file:///a.md","value":"r1"}]}""")!;
        Assert.Equal("r1", pull.PreviousResultIds[0].Value);
        var doc = LspJson.Deserialize<DocumentDiagnosticParams>("""{"textDocument":{"uri":"file:///a.md"},"previousResultId":"r"}""")!;
        Assert.Equal("r", doc.PreviousResultId);
        var folders = LspJson.Deserialize<DidChangeWorkspaceFoldersParams>("""{"event":{"added":[{"uri":"file:///b","name":"b"}],"removed":[]}}""")!;
        Assert.Equal("b", folders.Event.Added[0].Name);
        var command = LspJson.Deserialize<ExecuteCommandParams>("""{"command":"outreach.copyAsEmail","arguments":[{"uri":"file:///a.md"}]}""")!;
        Assert.Equal("file:///a.md", command.Arguments![0].GetProperty("uri").GetString());
        var settings = LspJson.Deserialize<OutreachSettings>("""{"debounceMs":5,"rules":{"stock-phrasing":"off"},"diagnosticsMode":"push"}""")!;
        Assert.Equal("off", settings.Rules!["stock-phrasing"]);
    }

    private static bool JsonEquals(string a, string b) =>
        JsonElement.DeepEquals(JsonDocument.Parse(a).RootElement, JsonDocument.Parse(b).RootElement);
}
