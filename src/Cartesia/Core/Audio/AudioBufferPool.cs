using System.Buffers;

namespace Cartesia.Core.Audio;

/// <summary>
/// The arrays that audio waits in between the socket and its user: WebSocket chunk audio decoded for pooled readers,
/// and speech-to-text frames queued for sending. A pool of its own rather than <see cref="ArrayPool{T}.Shared"/>,
/// which keeps only a few arrays of a size per core and so runs dry (and allocates) as soon as a burst of audio is
/// queued; this one keeps up to <see cref="ArraysPerSize"/> of each size.
/// </summary>
internal static class AudioBufferPool
{
    /// <summary>
    /// How many arrays of one size are kept, once that many were in use at the same time: 1,024 × 8 KiB TTS chunks =
    /// 8 MiB (a reader that falls behind a fast socket leaves that much queued; with 256 the pool ran dry and the
    /// receive loop allocated a fresh array for 7% of the chunks); 3,200-byte STT frames (in 4 KiB arrays) need 256
    /// for a speech-to-text session's default 1 MiB queue.
    /// </summary>
    public const int ArraysPerSize = 1024;

    /// <summary>The pool: arrays up to 1 MiB are pooled, larger ones are allocated and dropped.</summary>
    public static ArrayPool<byte> Instance { get; } = ArrayPool<byte>.Create(1 << 20, ArraysPerSize);
}
