using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Cartesia.Core.Audio;
using Cartesia.Core.WebSockets;

namespace Cartesia.Agents;

/// <summary>
/// What differs between the two agent sockets (AGENTS-WEBSOCKET.md §0): the path and handshake, the opening message
/// and its answer, how audio, DTMF and other messages are written, and how events are read. Audio messages are written
/// as <c>prefix + base64 + suffix</c> straight into a pooled array, with no intermediate string.
/// </summary>
internal abstract class AgentProtocol
{
    private byte[] _audioPrefix = [];
    private byte[] _audioSuffix = [];

    /// <summary>The path (relative to the WebSocket base URL).</summary>
    public abstract string Path { get; }

    /// <summary>Where the handshake carries the credential and the version.</summary>
    public abstract WebSocketAuthStyle AuthStyle { get; }

    /// <summary>The operation name for logs and telemetry.</summary>
    public abstract string Operation { get; }

    /// <summary>The name of the options type, for messages.</summary>
    public abstract string OptionsName { get; }

    /// <summary>The opening message (<c>session_create</c> / <c>start</c>).</summary>
    public abstract byte[] OpeningMessage();

    /// <summary>A DTMF key message.</summary>
    public abstract byte[] DtmfMessage(char digit);

    /// <summary>Parses one event; <paramref name="pooledAudio"/> decodes audio into a pooled array.</summary>
    /// <exception cref="JsonException">The message is not a valid event.</exception>
    public abstract AgentEvent Parse(ReadOnlySpan<byte> json, bool pooledAudio);

    /// <summary>The service accepted the call (the event is its answer to the opening message).</summary>
    public abstract bool IsReady(AgentEvent e);

    /// <summary>Sets what the audio messages look like (called before any is written).</summary>
    protected void SetAudioFraming(byte[] prefix, byte[] suffix)
    {
        _audioPrefix = prefix;
        _audioSuffix = suffix;
    }

    /// <summary>Writes an audio message into a pooled array (return it to <see cref="AudioBufferPool"/> when sent).</summary>
    public (byte[] Buffer, int Length) AudioMessage(ReadOnlySpan<byte> audio)
    {
        int length = _audioPrefix.Length + Base64.GetMaxEncodedToUtf8Length(audio.Length) + _audioSuffix.Length;
        byte[] buffer = AudioBufferPool.Instance.Rent(length);
        _audioPrefix.CopyTo(buffer, 0);
        Base64.EncodeToUtf8(audio, buffer.AsSpan(_audioPrefix.Length), out _, out int written);
        int end = _audioPrefix.Length + written;
        _audioSuffix.CopyTo(buffer, end);
        return (buffer, end + _audioSuffix.Length);
    }

    /// <summary>Decodes a base64 JSON string value (the reader is on the value) into a pooled or an exact array.</summary>
    protected static (byte[] Buffer, int Length, bool Pooled) ReadAudioValue(ref Utf8JsonReader reader, bool pooled)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return ([], 0, false);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected base64 audio in a string, found {reader.TokenType}.");
        }

        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            byte[] bytes = reader.GetBytesFromBase64();
            return (bytes, bytes.Length, false);
        }

        ReadOnlySpan<byte> base64 = reader.ValueSpan;
        int max = Base64.GetMaxDecodedFromUtf8Length(base64.Length);
        byte[] buffer = pooled ? AudioBufferPool.Instance.Rent(max) : new byte[max];
        OperationStatus status = Base64.DecodeFromUtf8(base64, buffer, out _, out int written);
        if (status != OperationStatus.Done)
        {
            if (pooled)
            {
                AudioBufferPool.Instance.Return(buffer);
            }

            throw new JsonException("The audio is not valid base64.");
        }

        if (!pooled && written != buffer.Length)
        {
            Array.Resize(ref buffer, written);
        }

        return (buffer, written, pooled);
    }

    /// <summary>Writes a message with a writer and returns its bytes.</summary>
    protected static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(output))
        {
            write(writer);
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>The audio silence byte of a format (μ-law 0xFF, A-law 0xD5, PCM 0).</summary>
    public static byte SilenceByte(AgentAudioFormat format)
    {
        AudioEncoding? encoding = format.Encoding;
        if (encoding == AudioEncoding.PcmMulaw)
        {
            return 0xFF;
        }

        return encoding == AudioEncoding.PcmAlaw ? (byte)0xD5 : (byte)0;
    }
}
