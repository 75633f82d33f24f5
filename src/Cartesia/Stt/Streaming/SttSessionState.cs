namespace Cartesia.Stt;

/// <summary>
/// What every part of a session (<see cref="SttSessionCore"/>) reads and writes: the gate, the current connection,
/// how the session is ending, and what the service has said so far. Every field here is guarded by
/// <see cref="Gate"/> (the lock discipline is stated once, on <see cref="SttSessionCore"/>); the request id and
/// <see cref="DoneReceived"/> may also be read without it.
/// </summary>
internal sealed class SttSessionState(SttConnection connection)
{
    private string? _requestId = connection.RequestId;
    private bool _doneReceived;

    /// <summary>The session's one lock.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The connection in use; a reconnect replaces it.</summary>
    public SttConnection Connection { get; set; } = connection;

    /// <summary>The failure that ends the session (the first one wins).</summary>
    public Exception? Failure { get; set; }

    /// <summary><c>close</c> is queued: no more audio or commands are taken.</summary>
    public bool CloseRequested { get; set; }

    /// <summary>The session was ended from this side without a failure (a late close after <c>done</c>).</summary>
    public bool StopQuietly { get; set; }

    /// <summary>The session has ended; the queue is released.</summary>
    public bool Finished { get; set; }

    /// <summary>A turn is open (turn events came, no <c>turn.end</c> yet).</summary>
    public bool TurnOpen { get; set; }

    /// <summary>The latest transcript is an interim one with text.</summary>
    public bool InterimPending { get; set; }

    /// <summary>The service sent <c>done</c> (readable without the gate).</summary>
    public bool DoneReceived
    {
        get => Volatile.Read(ref _doneReceived);
        set => Volatile.Write(ref _doneReceived, value);
    }

    /// <summary>The id of the current connection, from the handshake or the latest event that named one (readable without the gate).</summary>
    public string? RequestId
    {
        get => Volatile.Read(ref _requestId);
        set => Volatile.Write(ref _requestId, value);
    }

    /// <summary>Whether the session is ending (failed, or stopped quietly).</summary>
    public bool StoppingLocked => Failure is not null || StopQuietly;

    /// <summary>Throws the failure that ended the session, if any.</summary>
    public void ThrowIfFailedLocked()
    {
        if (Failure is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Throws when the session takes no more audio or commands: it failed, or <c>close</c> is queued.</summary>
    public void ThrowIfNotAcceptingLocked()
    {
        ThrowIfFailedLocked();
        if (CloseRequested)
        {
            throw new InvalidOperationException("CompleteAsync was called: the session takes no more audio or commands.");
        }
    }
}
