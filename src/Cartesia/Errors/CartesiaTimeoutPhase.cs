namespace Cartesia;

/// <summary>Which of the SDK's timeouts expired.</summary>
public enum CartesiaTimeoutPhase
{
    /// <summary>
    /// A request attempt did not get its response in time (<see cref="CartesiaClientOptions.Timeout"/>),
    /// or the <see cref="HttpClient.Timeout"/> of an <see cref="HttpClient"/> you supplied expired first.
    /// </summary>
    Request,

    /// <summary>
    /// A stream (audio bytes, Server-Sent Events, WebSocket frames) went quiet for longer than
    /// <see cref="CartesiaClientOptions.StreamIdleTimeout"/>.
    /// </summary>
    StreamIdle,

    /// <summary>A streamed generation produced no first audio in time.</summary>
    FirstChunk,

    /// <summary>A streamed generation stopped between two audio chunks for too long.</summary>
    BetweenChunks,

    /// <summary>The service did not finish closing a stream or socket in time.</summary>
    Close,

    /// <summary>The service did not acknowledge a flush (a speech-to-text <c>finalize</c>) in time.</summary>
    Flush,
}
