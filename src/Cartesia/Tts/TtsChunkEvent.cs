using System.Text.Json.Serialization;
using Cartesia.Core;
using Cartesia.Core.Audio;

namespace Cartesia.Tts;

/// <summary>A piece of audio, already decoded from base64, in the requested raw encoding and sample rate.</summary>
public sealed class TtsChunkEvent : TtsEvent
{
    /// <summary>Creates a chunk event.</summary>
    public TtsChunkEvent() : base("chunk")
    {
    }

    private ReadOnlyMemory<byte> _audio;
    private byte[]? _rentedAudio;

    /// <summary>The pooled array <see cref="Audio"/> lies in (WebSocket receive), until it is given back or copied out.</summary>
    internal byte[]? RentedAudio { get => _rentedAudio; init => _rentedAudio = value; }

    /// <summary>Gives the rented array back to the pool, leaving the audio in an array of its own (a copy).</summary>
    internal void OwnAudio()
    {
        if (_rentedAudio is not null)
        {
            byte[] own = GC.AllocateUninitializedArray<byte>(_audio.Length);
            _audio.Span.CopyTo(own);
            _audio = own;
            GiveBackRentedAudio();
        }
    }

    /// <summary>Gives the rented array (if any) back to the pool; the audio is gone (a pooled reader moved past it, or nobody will read it).</summary>
    internal void ReturnAudio()
    {
        _audio = ReadOnlyMemory<byte>.Empty;
        GiveBackRentedAudio();
    }

    private void GiveBackRentedAudio()
    {
        if (_rentedAudio is { } rented)
        {
            _rentedAudio = null;
            AudioBufferPool.Instance.Return(rented);
        }
    }

    /// <summary>The audio bytes (concatenate the chunks of a context to get its whole audio).</summary>
    [JsonPropertyName("data")]
    public ReadOnlyMemory<byte> Audio { get => _audio; init => _audio = value; }

    /// <summary>The service's processing time for the chunk, in milliseconds.</summary>
    [JsonPropertyName("step_time")]
    public double? StepTime { get; init; }

    /// <summary>Which flush segment the audio belongs to (WebSocket; counts from 1).</summary>
    [JsonPropertyName("flush_id")]
    public int? FlushId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"chunk (context {ContextId ?? "(none)"}, {Audio.Length} bytes{(Done ? ", done" : string.Empty)})";
}
