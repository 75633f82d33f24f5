using System.Net.WebSockets;
using Cartesia.Core;
using Cartesia.Core.Audio;

namespace Cartesia.Stt;

/// <summary>
/// A message waiting in a session's send queue: audio frames stay binary (in arrays of <see cref="AudioBufferPool"/>) and commands text,
/// so a message replayed after a reconnect goes out exactly as it was queued.
/// </summary>
internal sealed class SttOutgoing
{
    private readonly bool _pooled;
    private byte[]? _buffer;

    private SttOutgoing(byte[] buffer, int length, SttOutgoingKind kind, bool pooled)
    {
        _buffer = buffer;
        Length = length;
        Kind = kind;
        _pooled = pooled;
    }

    public SttOutgoingKind Kind { get; }

    public int Length { get; }

    /// <summary>Where the message sits in the queue, while it is queued.</summary>
    public LinkedListNode<SttOutgoing>? Node { get; set; }

    public WebSocketMessageType MessageType => Kind == SttOutgoingKind.Audio ? WebSocketMessageType.Binary : WebSocketMessageType.Text;

    public ReadOnlyMemory<byte> Payload => (_buffer ?? throw new ObjectDisposedException(nameof(SttOutgoing))).AsMemory(0, Length);

    /// <summary>An audio frame in an array rented from <see cref="AudioBufferPool"/>, which the message now owns.</summary>
    public static SttOutgoing Audio(byte[] pooledBuffer, int length) => new(pooledBuffer, length, SttOutgoingKind.Audio, pooled: true);

    /// <summary>A text command.</summary>
    public static SttOutgoing Command(SttOutgoingKind kind, byte[] utf8) => new(utf8, utf8.Length, kind, pooled: false);

    /// <summary>Returns an audio frame's array to the pool (once); the message must not be sent afterwards.</summary>
    public void Release()
    {
        byte[]? buffer = Interlocked.Exchange(ref _buffer, null);
        if (_pooled && buffer is not null)
        {
            AudioBufferPool.Instance.Return(buffer);
        }
    }
}
