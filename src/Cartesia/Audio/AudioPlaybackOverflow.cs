namespace Cartesia.Audio;

/// <summary>What <see cref="AudioPlaybackBuffer.Write"/> does when the audio does not fit.</summary>
public enum AudioPlaybackOverflow
{
    /// <summary>Throw <see cref="CartesiaBufferOverflowException"/> naming the capacity; nothing is written.</summary>
    Throw,

    /// <summary>Drop the oldest queued audio to make room (counted in <see cref="AudioPlaybackBuffer.BytesDropped"/>).</summary>
    DropOldest,
}
