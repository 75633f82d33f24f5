namespace Cartesia.Tts;

/// <summary>Where a <see cref="TtsContext"/> is in its life. Every context ends in exactly one of the last three.</summary>
public enum TtsContextState
{
    /// <summary>Created; nothing sent yet.</summary>
    Created,

    /// <summary>Text was sent; more may follow.</summary>
    Open,

    /// <summary>The last input was sent (<see cref="TtsContext.CompleteAsync(CancellationToken)"/>); audio is still arriving.</summary>
    Completing,

    /// <summary>The service sent <c>done</c>: all audio arrived.</summary>
    Done,

    /// <summary>The context was cancelled; late audio is discarded.</summary>
    Cancelled,

    /// <summary>The context failed with an exception (error event, timeout, lost connection, buffer overflow).</summary>
    Failed,
}
