using System.Text;
using System.Text.Json;

namespace Cartesia.Emulator.Firehose;

/// <summary>
/// The pre-built bytes of a firehose: one chunk of 16-bit PCM (a 440 Hz tone) and its base64, so a context's chunk
/// frame is made once (the context id spliced in) and then sent as is.
/// </summary>
internal sealed class FirehoseFrames
{
    private static readonly byte[] ChunkHead = "{\"type\":\"chunk\",\"done\":false,\"status_code\":206,\"step_time\":0               ,\"context_id\":"u8.ToArray();
    private static readonly byte[] DoneHead = "{\"type\":\"done\",\"done\":true,\"status_code\":206,\"context_id\":"u8.ToArray();
    private const int StampDigits = 16;
    private readonly byte[] _chunkTail;

    /// <summary>Where a chunk frame's <c>step_time</c> digits start.</summary>
    public static int StampOffset { get; } = "{\"type\":\"chunk\",\"done\":false,\"status_code\":206,\"step_time\":".Length;

    public FirehoseFrames(EmulatorFirehose settings)
    {
        Settings = settings;
        Audio = Tone(settings.ChunkBytes);
        _chunkTail = Encoding.ASCII.GetBytes(",\"data\":\"" + Convert.ToBase64String(Audio) + "\"}");
    }

    public EmulatorFirehose Settings { get; }

    /// <summary>The audio of one chunk.</summary>
    public byte[] Audio { get; }

    /// <summary>The whole chunk frame of a context.</summary>
    public byte[] Chunk(string contextId) => Concat(ChunkHead, contextId, _chunkTail);

    /// <summary>
    /// Writes the emulator's monotonic clock (<see cref="System.Diagnostics.Stopwatch"/>, CLOCK_MONOTONIC on Linux) in
    /// microseconds into a chunk frame's <c>step_time</c>, so a client on the same machine can measure how long the
    /// chunk took to reach its reader. <paramref name="at"/> is where the digits start: <see cref="StampOffset"/> in the
    /// chunk's JSON, plus the length of the WebSocket header in front of it.
    /// </summary>
    public static void Stamp(byte[] frame, int at)
    {
        long micros = (long)(System.Diagnostics.Stopwatch.GetTimestamp() * (1_000_000.0 / System.Diagnostics.Stopwatch.Frequency));
        Span<byte> field = frame.AsSpan(at, StampDigits);
        field.Fill((byte)' '); // JSON allows whitespace after a number: the field keeps its width
        System.Buffers.Text.Utf8Formatter.TryFormat(micros, field, out _);
    }

    /// <summary>The done frame of a context.</summary>
    public static byte[] Done(string contextId) => Concat(DoneHead, contextId, "}"u8);

    /// <summary>16-bit little-endian PCM of a 440 Hz tone at 24 kHz.</summary>
    public static byte[] Tone(int bytes)
    {
        byte[] audio = new byte[bytes];
        for (int i = 0; i + 1 < bytes; i += 2)
        {
            short sample = (short)(Math.Sin(2 * Math.PI * 440 * (i / 2) / 24000.0) * 8000);
            audio[i] = (byte)sample;
            audio[i + 1] = (byte)(sample >> 8);
        }

        return audio;
    }

    private static byte[] Concat(ReadOnlySpan<byte> head, string contextId, ReadOnlySpan<byte> tail)
    {
        byte[] id = JsonSerializer.SerializeToUtf8Bytes(contextId);
        byte[] frame = new byte[head.Length + id.Length + tail.Length];
        head.CopyTo(frame);
        id.CopyTo(frame, head.Length);
        tail.CopyTo(frame.AsSpan(head.Length + id.Length));
        return frame;
    }
}
