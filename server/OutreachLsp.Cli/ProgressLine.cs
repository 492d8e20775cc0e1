using System.Diagnostics;

namespace OutreachLsp.Cli;

/// <summary>
/// A single self-overwriting "Checking 340/1000..." line on stderr, shown only on a terminal and only
/// for runs big enough to notice; erased when the run ends so it never mixes with the report.
/// Thread-safe: the loader reports from worker threads.
/// </summary>
internal sealed class ProgressLine : IProgress<(int Done, int Total)>, IDisposable
{
    /// <summary>Below this many files the run is too short for a progress line to help.</summary>
    public const int MinimumFiles = 50;

    private static readonly long Interval = Stopwatch.Frequency / 20; // at most 20 updates a second

    private readonly TextWriter _writer;
    private readonly bool _enabled;
    private readonly object _gate = new();
    private long _lastWrite;
    private bool _shown;

    public ProgressLine(TextWriter writer, bool enabled)
    {
        _writer = writer;
        _enabled = enabled;
    }

    public void Report((int Done, int Total) value)
    {
        if (!_enabled || value.Total <= MinimumFiles) return;
        long now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (_shown && now - _lastWrite < Interval && value.Done < value.Total) return;
            _lastWrite = now;
            _shown = true;
            _writer.Write($"\rChecking {value.Done}/{value.Total}...");
            _writer.Flush();
        }
    }

    /// <summary>Replaces the counter with a final status while the rules run (only if the line is showing).</summary>
    public void Status(string text)
    {
        lock (_gate)
        {
            if (!_shown) return;
            _writer.Write($"\r\u001b[K{text}");
            _writer.Flush();
        }
    }

    /// <summary>Erases the line (carriage return, then clear to end of line).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_shown) return;
            _writer.Write("\r\u001b[K");
            _writer.Flush();
            _shown = false;
        }
    }
}
