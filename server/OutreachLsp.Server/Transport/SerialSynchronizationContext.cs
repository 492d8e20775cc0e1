using System.Threading.Channels;

namespace OutreachLsp.Server.Transport;

/// <summary>
/// Runs posted callbacks one at a time, in the order they were posted. StreamJsonRpc posts each
/// incoming message's handler here in arrival order, so a handler's synchronous part (apply an edit,
/// capture the snapshot a request reads) sees exactly the messages that came before it. Handlers
/// that compute leave this context (ConfigureAwait(false)) so they never hold up the next message.
/// </summary>
internal sealed class SerialSynchronizationContext : SynchronizationContext
{
    private readonly Channel<(SendOrPostCallback Callback, object? State)> _queue =
        Channel.CreateUnbounded<(SendOrPostCallback, object?)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<Exception> _onError;
    private readonly Task _pump;

    public SerialSynchronizationContext(Action<Exception> onError)
    {
        _onError = onError;
        _pump = Task.Run(PumpAsync);
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        if (!_queue.Writer.TryWrite((d, state)))
        {
            // After Complete: run on the thread pool rather than dropping the work.
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send would deadlock the message pump.");

    public override SynchronizationContext CreateCopy() => this;

    public Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        return _pump;
    }

    private async Task PumpAsync()
    {
        await foreach (var (callback, state) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var previous = Current;
            SetSynchronizationContext(this);
            try
            {
                callback(state);
            }
            catch (Exception ex)
            {
                _onError(ex);
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }
    }
}
