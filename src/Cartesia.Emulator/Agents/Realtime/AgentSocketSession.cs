using System.Net.WebSockets;
using Cartesia.Emulator.Hosting;

namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>
/// What both agent sockets share: the receive loop (messages up to <see cref="EmulatorAgentOptions.MaxMessageBytes"/>,
/// a larger one closes with 1009), one close whoever closes first (the agent, the idle watch, a fatal error), the idle
/// watch on the emulator's clock, and the call's record and conversation, ended with the socket.
/// </summary>
internal abstract class AgentSocketSession : IDisposable
{
    private readonly CancellationTokenSource _receive = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastActivity;
    private int _closing;

    protected AgentSocketSession(EmulatorWebSocket socket, CartesiaEmulator emulator, AgentRecord agent)
    {
        Socket = socket;
        Emulator = emulator;
        Agent = agent;
        Options = emulator.Options.Agents;
        Clock = emulator.State.Clock;
        _lastActivity = Clock.GetTimestamp();
    }

    protected EmulatorWebSocket Socket { get; }

    protected CartesiaEmulator Emulator { get; }

    protected AgentRecord Agent { get; }

    protected EmulatorAgentOptions Options { get; }

    protected TimeProvider Clock { get; }

    protected AgentCallRecorder? Recorder { get; private set; }

    protected AgentConversation? Conversation { get; private set; }

    /// <summary>Whether the server began closing the socket (later client messages are ignored).</summary>
    protected bool Closing => Volatile.Read(ref _closing) == 1;

    /// <summary>How long the socket may stay idle.</summary>
    protected abstract TimeSpan InactivityTimeout { get; }

    /// <summary>The time allowed before the session must have started, or null for no deadline.</summary>
    protected virtual TimeSpan? StartDeadline => null;

    public async Task RunAsync()
    {
        using var stopWatch = new CancellationTokenSource();
        Task watch = WatchAsync(stopWatch.Token);
        string? failure = null;
        try
        {
            while (await Socket.ReceiveAsync(_receive.Token, Options.MaxMessageBytes).ConfigureAwait(false) is { } message)
            {
                if (!Closing)
                {
                    await HandleAsync(message.Type, message.Data).ConfigureAwait(false);
                }
            }

            if (!Closing && Socket.Aborted.IsCancellationRequested)
            {
                failure = "The connection was lost.";
            }
        }
        finally
        {
            await stopWatch.CancelAsync().ConfigureAwait(false);
            await watch.ConfigureAwait(false);
            if (Conversation is not null)
            {
                await Conversation.DisposeAsync().ConfigureAwait(false);
            }

            if (Recorder is { } recorder)
            {
                recorder.Finish(failure);
                if (Emulator.StateFile is { } file)
                {
                    // Calls outlive the emulator with a state directory (the CLI's offline mode): save the finished record.
                    await file.MutateAsync(Emulator.State, () =>
                    {
                        Emulator.State.Agents.Calls.Put(recorder.Record);
                        return Task.CompletedTask;
                    }, CancellationToken.None).ConfigureAwait(false);
                }
            }
            await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty).ConfigureAwait(false);
        }
    }

    public void Dispose() => _receive.Dispose();

    /// <summary>Handles one client message (while the server is not closing).</summary>
    protected abstract Task HandleAsync(WebSocketMessageType type, byte[] data);

    /// <summary>A client message that counts as activity.</summary>
    protected void Touch() => Interlocked.Exchange(ref _lastActivity, Clock.GetTimestamp());

    /// <summary>Marks the session started (ends the start deadline), with its record and, unless in echo mode, its agent.</summary>
    protected void Started(AgentCallRecorder recorder, AgentConversation? conversation)
    {
        Recorder = recorder;
        Conversation = conversation;
        _started.TrySetResult();
    }

    /// <summary>Closes the socket once (later calls do nothing), then stops reading after a grace for the client's close.</summary>
    protected async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        await Socket.CloseAsync(status, reason).ConfigureAwait(false);
        try
        {
            _receive.CancelAfter(TimeSpan.FromSeconds(2));
        }
        catch (ObjectDisposedException)
        {
            // The receive loop already ended.
        }
    }

    /// <summary>What the session does when no start arrived in time.</summary>
    protected virtual Task StartTimedOutAsync() => CloseAsync(WebSocketCloseStatus.PolicyViolation, "session not started in time");

    /// <summary>The agent hung up: close 1000 <c>call ended by agent</c>.</summary>
    protected Task AgentHungUpAsync() => CloseAsync(WebSocketCloseStatus.NormalClosure, "call ended by agent");

    private async Task WatchAsync(CancellationToken stop)
    {
        try
        {
            if (StartDeadline is { } deadline)
            {
                using var cancelDelay = CancellationTokenSource.CreateLinkedTokenSource(stop);
                Task delay = Task.Delay(deadline, Clock, cancelDelay.Token);
                if (await Task.WhenAny(_started.Task, delay).ConfigureAwait(false) == delay)
                {
                    await delay.ConfigureAwait(false);
                    await StartTimedOutAsync().ConfigureAwait(false);
                    return;
                }

                await cancelDelay.CancelAsync().ConfigureAwait(false);
            }

            while (!Closing)
            {
                TimeSpan remaining = InactivityTimeout - Clock.GetElapsedTime(Interlocked.Read(ref _lastActivity));
                if (remaining <= TimeSpan.Zero)
                {
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, "connection idle timeout").ConfigureAwait(false);
                    return;
                }

                await Task.Delay(remaining, Clock, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
