using System.Buffers;

namespace Cartesia.Tts;

/// <summary>
/// The arrays that WebSocket chunk audio is decoded into for pooled readers. A pool of its own rather than
/// <see cref="ArrayPool{T}.Shared"/>, which keeps only a few arrays of a size per core and so runs dry (and allocates)
/// as soon as a burst of audio is queued for readers; this one keeps up to <see cref="ArraysPerSize"/> of each size.
/// </summary>
internal static class AudioBufferPool
{
    /// <summary>How many arrays of one size are kept (256 × 8 KiB chunks = 2 MiB).</summary>
    public const int ArraysPerSize = 256;

    /// <summary>The pool: arrays up to 1 MiB are pooled, larger ones are allocated and dropped.</summary>
    public static ArrayPool<byte> Instance { get; } = ArrayPool<byte>.Create(1 << 20, ArraysPerSize);
}
