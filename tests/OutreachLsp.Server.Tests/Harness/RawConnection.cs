using System.Text;
using System.Text.Json;
using Nerdbank.Streams;

namespace OutreachLsp.Server.Tests.Harness;

/// <summary>Reads and writes LSP frames as raw bytes: for malformed input and for checking what is on the wire.</summary>
public sealed class RawConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly MemoryStream _pending = new();

    public RawConnection(Stream stream) => _stream = stream;

    public Task<int> ServerTask { get; private init; } = Task.FromResult(0);

    public static RawConnection StartServer(ServerOptions? options = null)
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        var task = Task.Run(() => LanguageServerHost.RunAsync(serverStream, serverStream, (options ?? new ServerOptions()) with { GuardConsoleOut = false }));
        return new RawConnection(clientStream) { ServerTask = task };
    }

    public Task SendAsync(object message) => SendRawAsync(JsonSerializer.Serialize(message));

    public async Task SendRawAsync(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n");
        await _stream.WriteAsync(header).ConfigureAwait(false);
        await _stream.WriteAsync(bytes).ConfigureAwait(false);
        await _stream.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>The next frame's JSON body, or null at end of stream.</summary>
    public async Task<JsonElement?> ReadAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (TryTakeFrame(out var frame)) return JsonDocument.Parse(frame).RootElement.Clone();
            int n = await _stream.ReadAsync(_buffer, cts.Token).ConfigureAwait(false);
            if (n == 0) return null;
            _pending.Write(_buffer, 0, n);
        }
    }

    /// <summary>Reads frames until one satisfies <paramref name="predicate"/> (skipping logs and the like).</summary>
    public async Task<JsonElement> ReadUntilAsync(Func<JsonElement, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException("No matching frame.");
            var frame = await ReadAsync(left).ConfigureAwait(false) ?? throw new EndOfStreamException("The server closed the connection.");
            if (predicate(frame)) return frame;
        }
    }

    public static bool IsResponseTo(JsonElement frame, int id) =>
        frame.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.Number && i.GetInt32() == id;

    private bool TryTakeFrame(out string body)
    {
        body = "";
        var data = _pending.GetBuffer().AsSpan(0, (int)_pending.Length);
        int headerEnd = data.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0) return false;
        var header = Encoding.ASCII.GetString(data[..headerEnd]);
        int length = -1;
        foreach (var line in header.Split("\r\n"))
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        if (length < 0) throw new InvalidDataException("Frame without Content-Length: " + header);
        if (data.Length < headerEnd + 4 + length) return false;
        body = Encoding.UTF8.GetString(data.Slice(headerEnd + 4, length));
        var rest = data[(headerEnd + 4 + length)..].ToArray();
        _pending.SetLength(0);
        _pending.Write(rest);
        return true;
    }

    public async ValueTask DisposeAsync() => await _stream.DisposeAsync().ConfigureAwait(false);
}
