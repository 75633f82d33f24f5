using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Cartesia.Emulator.Firehose;

/// <summary>
/// Kestrel's memory for an emulator started in firehose mode: 64 KiB blocks rather than Kestrel's 4 KiB ones. Kestrel
/// receives into one block at a time, so with 4 KiB blocks a client sending as fast as it can costs the emulator a
/// receive call (and the kernel's work around it) per 4 KiB: a profile of the speech-to-text firehose put nearly all
/// of the emulator's time in the kernel's receive path, enough to make the emulator, not the client, the limit.
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
