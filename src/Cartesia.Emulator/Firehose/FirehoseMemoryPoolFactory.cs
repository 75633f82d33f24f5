using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Cartesia.Emulator.Firehose;

/// <summary>
/// Kestrel's memory for an emulator started in firehose mode: 64 KiB blocks rather than Kestrel's 4 KiB ones, so the
/// connection is read up to 64 KiB a call and written from larger pieces. For the TTS firehose over TLS it made the
/// benchmark's raw client finish its 1,000 contexts in 131–178 ms rather than about 210; receiving speech-to-text audio
/// it cut the read calls 16-fold, though there the kernel's own work per byte is what keeps the emulator busy.
/// </summary>
internal sealed class FirehoseMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    /// <summary>The size of a block.</summary>
    public const int BlockBytes = 64 * 1024;

    /// <inheritdoc/>
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockPool();

    /// <summary>Blocks of at least <see cref="BlockBytes"/> from the shared array pool.</summary>
    private sealed class LargeBlockPool : MemoryPool<byte>
    {
        public override int MaxBufferSize => BlockBytes;

        public override IMemoryOwner<byte> Rent(int minBufferSize = -1) => Shared.Rent(Math.Max(minBufferSize, BlockBytes));

        protected override void Dispose(bool disposing)
        {
        }
    }
}
