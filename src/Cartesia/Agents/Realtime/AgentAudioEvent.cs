using Cartesia.Core.Audio;

namespace Cartesia.Agents;

/// <summary>
/// Agent speech (<c>audio_output</c>, or <c>media_output</c> on the Line stream), decoded from base64, in the call's
/// <see cref="AgentRealtimeSession.InputFormat"/>.
/// </summary>
public sealed class AgentAudioEvent : AgentEvent
{
    private ReadOnlyMemory<byte> _audio;
    private byte[]? _rented;

    /// <summary>Creates an audio event.</summary>
    /// <param name="type">The wire type.</param>
    /// <param name="audio">The audio.</param>
    public AgentAudioEvent(string type, ReadOnlyMemory<byte> audio) : base(type) => _audio = audio;

    internal AgentAudioEvent(string type, byte[] rented, int length) : base(type)
    {
        _rented = rented;
        _audio = rented.AsMemory(0, length);
    }

    /// <summary>
    /// The audio bytes. From <see cref="AgentRealtimeSession.ReadPooledEventsAsync"/> they lie in a pooled buffer that
    /// is valid only until the loop moves on (copy them to keep them).
    /// </summary>
    public ReadOnlyMemory<byte> Audio => _audio;

    /// <summary>The Line stream's <c>stream_id</c>, when the message carried one.</summary>
    public string? StreamId { get; init; }

    /// <summary>Gives the pooled array back; the audio is gone.</summary>
    internal void ReturnAudio()
    {
        _audio = ReadOnlyMemory<byte>.Empty;
        if (Interlocked.Exchange(ref _rented, null) is { } rented)
        {
            AudioBufferPool.Instance.Return(rented);
        }
    }

    /// <summary>Moves the audio into an array of its own and gives the pooled one back.</summary>
    internal void OwnAudio()
    {
        if (_rented is not null)
        {
            byte[] own = _audio.ToArray();
            ReturnAudio();
            _audio = own;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type} ({_audio.Length} bytes)";
}
