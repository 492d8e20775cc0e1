using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Nerdbank.Streams;
using OutreachLsp.DraftGenerator;
using OutreachLsp.Server;
using OutreachLsp.Server.Protocol;
using OutreachLsp.Server.Workspace;
using StreamJsonRpc;

// Server latency benchmark (issue 3, part 12). Drives the language server over a stream, framed and
// serialized exactly as over stdio, and reports:
//   1. didChange -> publishDiagnostics on a 300-word draft, debounce 0 (median, p99)
//   2. the same on a 1 MB document
//   3. initialize answered, measured from process start (`dotnet outreach.dll lsp`)
//   4. resident memory of that process with 1,000 drafts in the workspace
// Usage: OutreachLsp.ServerLatency [--edits N] [--large-edits N] [--skip-process]
// Output is Markdown for docs/PERFORMANCE.md. Inputs come from OutreachLsp.DraftGenerator (seeded).

int edits = 1000, largeEdits = 60;
bool skipProcess = false;
string? serverDll = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--edits": edits = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--large-edits": largeEdits = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--skip-process": skipProcess = true; break;
        case "--engine": break;
        case "--server-dll": serverDll = args[++i]; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

var generator = new DraftGenerator();
if (args.Contains("--engine"))
{
    // Where the time goes: the engine alone on the same inputs.
    foreach (var (label, input) in new[] { ("300-word", generator.SingleDraft()), ("1 MB", generator.LargeDocument(1 << 20)) })
    {
        var engine = OutreachLsp.Core.Analysis.Engine.CreateDefault();
        for (int round = 0; round < 3; round++)
        {
            var sw0 = Stopwatch.StartNew();
            var draft = OutreachLsp.Core.Drafts.DraftParser.Parse("x.md", input);
            var parse = sw0.Elapsed.TotalMilliseconds;
            var snap = OutreachLsp.Core.Analysis.WorkspaceSnapshot.Create([draft]);
            var sw1 = Stopwatch.StartNew();
            var ws = engine.AnalyzeWorkspaceRules(snap);
            var wsMs = sw1.Elapsed.TotalMilliseconds;
            var sw2 = Stopwatch.StartNew();
            var f = engine.AnalyzeDocument(snap, "x.md");
            Console.WriteLine($"{label}: parse {parse:F2} ms, workspace rules {wsMs:F2} ms, document {sw2.Elapsed.TotalMilliseconds:F2} ms, {f.Length} findings");
        }
    }
    return 0;
}
Console.WriteLine("| measurement | median | p99 | max | n |");
Console.WriteLine("|---|---|---|---|---|");
var small = await MeasureEditsAsync("300-word draft: didChange → publishDiagnostics", generator.SingleDraft(), edits, warmup: 200);
var large = await MeasureEditsAsync("1 MB document: didChange → publishDiagnostics", generator.LargeDocument(1 << 20), largeEdits, warmup: 5);
if (!skipProcess)
{
    // --server-dll measures another build of the server, e.g. a ReadyToRun publish.
    var dll = serverDll ?? Path.Combine(AppContext.BaseDirectory, "outreach.dll");
    var init = new List<double>();
    for (int run = 0; run < 7; run++) init.Add(await MeasureInitializeFromProcessStartAsync(dll));
    Report("`initialize` answered, from process start", init);
    var rss = await MeasureResidentMemoryAsync(dll, generator, 1000);
    Console.WriteLine($"| resident memory, 1,000 drafts loaded and analysed | {rss / (1024.0 * 1024):F0} MB | | | 1 |");
    Console.WriteLine($"\nserver: {dll}");
}
return 0;

static void Report(string name, List<double> ms)
{
    ms.Sort();
    double Pct(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
    Console.WriteLine($"| {name} | {Pct(0.5):F3} ms | {Pct(0.99):F3} ms | {ms[^1]:F3} ms | {ms.Count} |");
}

static async Task<List<double>> MeasureEditsAsync(string name, string text, int count, int warmup)
{
    var (serverStream, clientStream) = FullDuplexStream.CreatePair();
    var serverTask = Task.Run(() => LanguageServerHost.RunAsync(serverStream, serverStream, new ServerOptions { DebounceMs = 0, GuardConsoleOut = false }));
    var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = LspJson.Create() };
    using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, formatter));
    var client = new BenchClient();
    var published = client.Published;
    var signal = client.Signal;
    rpc.AddLocalRpcTarget(client);
    rpc.StartListening();
    await rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", new { capabilities = new { textDocument = new { publishDiagnostics = new { versionSupport = true } } } });
    await rpc.NotifyWithParameterObjectAsync("initialized", new { });
    const string uri = "untitled:bench.md";
    text = WithFindingOnLine(text, FirstBodyLine(text));
    await rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "markdown", version = 1, text } });
    await WaitForVersion(1);

    // Each edit inserts or removes a space at the start of a body line that carries a finding, which
    // moves that diagnostic, so every version is published and can be timed.
    int line = FirstBodyLine(text);
    var timings = new List<double>();
    for (int i = 0, version = 2; i < warmup + count; i++, version++)
    {
        object change = version % 2 == 0
            ? new { range = new { start = new { line, character = 0 }, end = new { line, character = 0 } }, text = " " }
            : new { range = new { start = new { line, character = 0 }, end = new { line, character = 1 } }, text = "" };
        long start = Stopwatch.GetTimestamp();
        await rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = new[] { change } });
        long end = await WaitForVersion(version);
        if (i >= warmup) timings.Add(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds);
    }
    await rpc.InvokeWithParameterObjectAsync<JsonElement?>("shutdown", null);
    await rpc.NotifyAsync("exit");
    await serverTask;
    Report(name, timings);
    return timings;

    async Task<long> WaitForVersion(int version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            lock (published)
                if (published.TryGetValue(version, out var t)) return t;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"version {version} was never published");
            await signal.WaitAsync(TimeSpan.FromSeconds(1));
        }
    }
}

static string WithFindingOnLine(string text, int line)
{
    var lines = text.Split('\n');
    lines[line] = "Where am I on your rank list? " + lines[line];
    return string.Join('\n', lines);
}

static int FirstBodyLine(string text)
{
    var lines = text.Split('\n');
    int fences = 0;
    for (int i = 0; i < lines.Length; i++)
    {
        if (lines[i].TrimEnd('\r') == "---" && ++fences == 2) return Math.Min(i + 2, lines.Length - 1);
    }
    return 0;
}

static async Task<double> MeasureInitializeFromProcessStartAsync(string dll)
{
    var sw = Stopwatch.StartNew();
    using var process = StartServer(dll);
    var stream = new DuplexProcessStream(process);
    var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = LspJson.Create() };
    using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(stream.Input, stream.Output, formatter));
    rpc.AddLocalRpcTarget(new BenchClient());
    rpc.StartListening();
    await rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", new { processId = Environment.ProcessId, capabilities = new { } });
    double ms = sw.Elapsed.TotalMilliseconds;
    await rpc.InvokeWithParameterObjectAsync<JsonElement?>("shutdown", null);
    await rpc.NotifyAsync("exit");
    await process.WaitForExitAsync();
    return ms;
}

static async Task<long> MeasureResidentMemoryAsync(string dll, DraftGenerator generator, int count)
{
    var folder = Path.Combine(Path.GetTempPath(), "outreach-server-bench-" + Guid.NewGuid().ToString("N")[..8]);
    generator.WriteWorkspace(folder, count);
    try
    {
        using var process = StartServer(dll);
        var stream = new DuplexProcessStream(process);
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = LspJson.Create() };
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(stream.Input, stream.Output, formatter));
        var client = new BenchClient();
        var loaded = client.Loaded;
        rpc.AddLocalRpcTarget(client);
        rpc.StartListening();
        var uri = DocumentUris.FromPath(folder);
        await rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", new { processId = Environment.ProcessId, rootUri = uri, workspaceFolders = new[] { new { uri, name = "bench" } }, capabilities = new { } });
        await rpc.NotifyWithParameterObjectAsync("initialized", new { });
        await loaded.Task.WaitAsync(TimeSpan.FromMinutes(2));
        // A workspace pull is answered only once every draft is analysed: then the memory is all in use.
        var report = await rpc.InvokeWithParameterObjectAsync<JsonElement>("workspace/diagnostic", new { previousResultIds = Array.Empty<object>() });
        int documents = report.GetProperty("items").GetArrayLength();
        GC.KeepAlive(report);
        await Task.Delay(1000);
        long rss = ReadRss(process.Id);
        Console.Error.WriteLine($"{count} drafts, {documents} documents in the workspace report, {Volatile.Read(ref client.PublishCount)} published, RSS {rss / (1024 * 1024)} MB");
        await rpc.InvokeWithParameterObjectAsync<JsonElement?>("shutdown", null);
        await rpc.NotifyAsync("exit");
        await process.WaitForExitAsync();
        return rss;
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

static long ReadRss(int pid)
{
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    return -1;
}

static Process StartServer(string dll)
{
    var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    info.ArgumentList.Add(dll);
    info.ArgumentList.Add("lsp");
    var process = Process.Start(info)!;
    process.ErrorDataReceived += (_, _) => { };
    process.BeginErrorReadLine();
    return process;
}

/// <summary>The child process's stdin and stdout as the two halves of a connection.</summary>
sealed class DuplexProcessStream(Process process)
{
    public Stream Input { get; } = process.StandardInput.BaseStream;
    public Stream Output { get; } = process.StandardOutput.BaseStream;
}

/// <summary>The client side: records when each document version's diagnostics arrive.</summary>
sealed class BenchClient
{
    public readonly Dictionary<int, long> Published = new();
    public readonly SemaphoreSlim Signal = new(0);
    public readonly TaskCompletionSource Loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public int PublishCount;

    [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
    public void PublishDiagnostics(JsonElement p)
    {
        long now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref PublishCount);
        if (p.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number)
        {
            lock (Published) Published[v.GetInt32()] = now;
            Signal.Release();
        }
    }

    [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
    public void LogMessage(JsonElement p)
    {
        if (p.GetProperty("message").GetString()!.StartsWith("Read ", StringComparison.Ordinal)) Loaded.TrySetResult();
    }
}
