using System.Globalization;
using OutreachLsp.Server.Protocol;

namespace OutreachLsp.Server;

/// <summary>
/// The server's log: <c>window/logMessage</c> to the client and, when asked for, a log file.
/// Never stdout: in a stdio server stdout is the protocol channel. Logging never throws.
/// </summary>
public sealed class ServerLog : IDisposable
{
    private readonly object _fileLock = new();
    private StreamWriter? _file;
    private Func<LogMessageParams, Task>? _sink;

    public ServerLog(string? logFile)
    {
        if (string.IsNullOrWhiteSpace(logFile)) return;
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(logFile));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            _file = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // A bad --log-file must not stop the server; the client still gets window/logMessage.
            _file = null;
            PendingWarning = $"Cannot open log file '{logFile}': {ex.Message}";
        }
    }

    /// <summary>A problem found before the client connection existed, logged once it does.</summary>
    public string? PendingWarning { get; private set; }

    /// <summary>Minimum level sent to the client (MessageType: 1 error … 4 log).</summary>
    public int ClientLevel { get; set; } = MessageType.Info;

    /// <summary>Connects the client side once the JSON-RPC connection exists.</summary>
    public void AttachClient(Func<LogMessageParams, Task> sink)
    {
        _sink = sink;
        if (PendingWarning is { } w)
        {
            PendingWarning = null;
            Warning(w);
        }
    }

    public void Error(string message, Exception? exception = null) =>
        Write(MessageType.Error, exception is null ? message : $"{message}: {exception}");

    public void Warning(string message) => Write(MessageType.Warning, message);

    public void Info(string message) => Write(MessageType.Info, message);

    public void Verbose(string message) => Write(MessageType.Log, message);

    private void Write(int type, string message)
    {
        var file = _file;
        if (file is not null)
        {
            var level = type switch { MessageType.Error => "error", MessageType.Warning => "warn", MessageType.Info => "info", _ => "debug" };
            lock (_fileLock)
            {
                try { file.WriteLine($"{DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)} [{level}] {message}"); }
                catch (Exception ex) when (ex is IOException or ObjectDisposedException) { }
            }
        }
        if (type > ClientLevel) return;
        var sink = _sink;
        if (sink is null) return;
        try
        {
            // Fire and forget: a log line must never wait on, or fail with, the connection.
            _ = sink(new LogMessageParams(type, message)).ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }
        catch (Exception)
        {
            // The connection may already be gone; there is nowhere left to report this.
        }
    }

    public void Dispose()
    {
        lock (_fileLock)
        {
            _file?.Dispose();
            _file = null;
        }
    }
}
