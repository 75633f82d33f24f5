using System.Buffers;

namespace Cartesia.Core;

/// <summary>
/// The arrays that audio waits in between the socket and its user: WebSocket chunk audio decoded for pooled readers,
/// and speech-to-text frames queued for sending. A pool of its own rather than <see cref="ArrayPool{T}.Shared"/>,
/// which keeps only a few arrays of a size per core and so runs dry (and allocates) as soon as a burst of audio is
/// queued; this one keeps up to <see cref="ArraysPerSize"/> of each size.
/// </summary>
internal static class AudioBufferPool
{
    /// <summary>
    /// How many arrays of one size are kept: 256 × 8 KiB TTS chunks = 2 MiB; 256 × 3,200-byte STT frames (in 4 KiB
    /// arrays) = 1 MiB, a speech-to-text session's default queue.
    /// </summary>
    public const int ArraysPerSize = 256;

    /// <summary>The pool: arrays up to 1 MiB are pooled, larger ones are allocated and dropped.</summary>
    public static ArrayPool<byte> Instance { get; } = ArrayPool<byte>.Create(1 << 20, ArraysPerSize);
}
