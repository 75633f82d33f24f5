namespace Cartesia.Stt;

/// <summary>
/// Reconnection of a streaming session after the connection drops with a recoverable close code (1001, 1005,
/// 1006, 1011, 1012, 1013, 1015). Off unless <see cref="SttStreamingSessionOptions.Reconnect"/> is set. Audio not yet
/// sent is kept (as binary, up to <see cref="SttStreamingSessionOptions.MaxQueuedBytes"/>) and sent on the new connection in
/// order; the reader sees <see cref="SttReconnectingEvent"/> and <see cref="SttReconnectedEvent"/>.
/// </summary>
public sealed class SttReconnectOptions
{
    /// <summary>How many reconnection attempts to make after a drop before giving up (0 turns reconnection off).</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The wait before the first attempt; it doubles with each attempt (with jitter).</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Called before each attempt (before its wait), on the session's receive loop: return false to stop
    /// reconnecting, which ends the session with <see cref="SttConnectionLostException"/>. An exception from it
    /// stops reconnecting too.
    /// </summary>
    public Func<SttReconnectingEvent, bool>? OnReconnecting { get; set; }

    internal void Validate(string paramName)
    {
        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, MaxRetries, "Reconnect.MaxRetries must be 0 or more.");
        }

        if (InitialDelay < TimeSpan.Zero || MaxDelay < InitialDelay)
        {
            throw new ArgumentOutOfRangeException(paramName, InitialDelay, "Reconnect.InitialDelay must be 0 or more and Reconnect.MaxDelay at least InitialDelay.");
        }
    }
}
