namespace Cartesia.Stt;

/// <summary>What a queued message of a session is.</summary>
internal enum SttOutgoingKind
{
    /// <summary>A binary frame of audio.</summary>
    Audio,

    /// <summary><c>finalize</c>, answered by <c>flush_done</c>.</summary>
    Finalize,

    /// <summary><c>close</c> (or legacy <c>done</c>), answered by <c>done</c> and the service's close.</summary>
    Close,

    /// <summary>A turn-detection <c>config</c> (no answer).</summary>
    Config,
}
