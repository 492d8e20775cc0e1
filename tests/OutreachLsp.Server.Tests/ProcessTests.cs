using System.Diagnostics;
using System.Text;
using System.Text.Json;
using OutreachLsp.Server.Tests.Harness;

namespace OutreachLsp.Server.Tests;

/// <summary>The real `outreach lsp` process over stdio, from initialize to exit.</summary>
public class ProcessTests
{
    private static string ServerDll => Path.Combine(AppContext.BaseDirectory, "outreach.dll");

    private static Process Start(params string[] extra)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(ServerDll);
        info.ArgumentList.Add("lsp");
        foreach (var e in extra) info.ArgumentList.Add(e);
        return Process.Start(info)!;
    }

    private static async Task CopyLockedAsync(Stream from, MemoryStream to)
    {
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await from.ReadAsync(chunk)) > 0)
            lock (to) to.Write(chunk, 0, n);
    }

    private static byte[] Frame(object message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];
    }

    [Fact]
    public async Task RealProcess_InitializeOpenDiagnosticsShutdownExit_OverStdio_WithOnlyLspFramesOnStdout()
    {
        Assert.True(File.Exists(ServerDll), $"outreach.dll not found next to the tests ({ServerDll})");
        using var ws = new TempWorkspace("process");
        var uri = ws.Write("draft.md", Drafts.Draft("Pinecrest", Drafts.RankQuestion));
        var logFile = ws.PathOf("server.log");
        using var process = Start("--log-file", logFile);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new MemoryStream();
        var copy = CopyLockedAsync(process.StandardOutput.BaseStream, stdout);
        var input = process.StandardInput.BaseStream;
        var reader = new FrameScanner(stdout);

        await input.WriteAsync(Frame(new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { processId = Environment.ProcessId, rootUri = ws.Uri, workspaceFolders = new[] { new { uri = ws.Uri, name = "ws" } }, capabilities = new { } } }));
        await input.FlushAsync();
        var init = await reader.WaitForAsync(f => f.TryGetProperty("id", out var id) && id.GetInt32() == 1);
        Assert.Equal("utf-16", init.GetProperty("result").GetProperty("capabilities").GetProperty("positionEncoding").GetString());

        await input.WriteAsync(Frame(new { jsonrpc = "2.0", method = "initialized", @params = new { } }));
        await input.WriteAsync(Frame(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri, languageId = "markdown", version = 3, text = Drafts.Draft("Pinecrest", "Kindly intimate me. " + Drafts.RankQuestion) } } }));
        await input.FlushAsync();
        var published = await reader.WaitForAsync(f => f.TryGetProperty("method", out var m) && m.GetString() == "textDocument/publishDiagnostics"
            && f.GetProperty("params").GetProperty("uri").GetString() == uri && f.GetProperty("params").TryGetProperty("version", out var v) && v.GetInt32() == 3);
        Assert.Contains(published.GetProperty("params").GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "rank-inquiry");

        await input.WriteAsync(Frame(new { jsonrpc = "2.0", id = 2, method = "shutdown" }));
        await input.FlushAsync();
        var shutdown = await reader.WaitForAsync(f => f.TryGetProperty("id", out var id) && id.GetInt32() == 2);
        Assert.Equal(JsonValueKind.Null, shutdown.GetProperty("result").ValueKind);
        await input.WriteAsync(Frame(new { jsonrpc = "2.0", method = "exit" }));
        await input.FlushAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await copy;
        Assert.Equal(0, process.ExitCode);

        // Everything on stdout parses as Content-Length frames of JSON-RPC 2.0 messages, and nothing else.
        var frames = FrameScanner.ParseStrict(stdout.ToArray());
        Assert.NotEmpty(frames);
        Assert.All(frames, f => Assert.Equal("2.0", f.GetProperty("jsonrpc").GetString()));
        Assert.True(File.Exists(logFile));
        Assert.Contains("Shutdown requested", await File.ReadAllTextAsync(logFile));
        _ = await stderr;
    }

    [Fact]
    public async Task RealProcess_ExitWithoutShutdown_ExitsWithOne_AndStdinClosing_EndsTheProcess()
    {
        using (var process = Start())
        {
            await process.StandardInput.BaseStream.WriteAsync(Frame(new { jsonrpc = "2.0", method = "exit" }));
            await process.StandardInput.BaseStream.FlushAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(1, process.ExitCode);
        }
        using (var process = Start())
        {
            await process.StandardInput.BaseStream.WriteAsync(Frame(new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { capabilities = new { } } }));
            await process.StandardInput.BaseStream.FlushAsync();
            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.NotEqual(0, process.ExitCode);
        }
    }

    /// <summary>Parses frames out of a growing buffer of stdout bytes.</summary>
    private sealed class FrameScanner(MemoryStream buffer)
    {
        public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> predicate, int timeoutMs = 60_000)
        {
            var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (DateTime.UtcNow < deadline)
            {
                byte[] snapshot;
                lock (buffer) snapshot = buffer.ToArray();
                foreach (var frame in ParseLenient(snapshot))
                    if (predicate(frame)) return frame;
                await Task.Delay(50);
            }
            throw new TimeoutException("No matching frame on stdout.");
        }

        private static IEnumerable<JsonElement> ParseLenient(byte[] data)
        {
            try { return ParseStrict(data, allowPartialTail: true); }
            catch (InvalidDataException) { return []; }
        }

        public static List<JsonElement> ParseStrict(byte[] data, bool allowPartialTail = false)
        {
            var frames = new List<JsonElement>();
            int i = 0;
            while (i < data.Length)
            {
                int headerEnd = data.AsSpan(i).IndexOf("\r\n\r\n"u8);
                if (headerEnd < 0) { if (allowPartialTail) break; throw new InvalidDataException("Bytes on stdout outside a frame."); }
                var header = Encoding.ASCII.GetString(data, i, headerEnd);
                int length = -1;
                foreach (var line in header.Split("\r\n"))
                {
                    if (line.StartsWith("Content-Length: ", StringComparison.Ordinal)) length = int.Parse(line[16..], System.Globalization.CultureInfo.InvariantCulture);
                    else if (!line.StartsWith("Content-Type: ", StringComparison.Ordinal)) throw new InvalidDataException("Unexpected header line on stdout: " + line);
                }
                if (length < 0) throw new InvalidDataException("Frame without Content-Length.");
                int bodyStart = i + headerEnd + 4;
                if (bodyStart + length > data.Length) { if (allowPartialTail) break; throw new InvalidDataException("Truncated frame."); }
                frames.Add(JsonDocument.Parse(data.AsMemory(bodyStart, length)).RootElement.Clone());
                i = bodyStart + length;
            }
            return frames;
        }
    }
}
