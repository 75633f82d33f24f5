namespace Cartesia.Emulator;

/// <summary>
/// The emulator's "firehose" mode, for benchmarks: the TTS WebSocket answers each new context with
/// <see cref="ChunksPerContext"/> pre-built chunk frames (no synthesis) sent as fast as the client reads — or, with
/// <see cref="ChunksPerSecond"/>, at a steady rate — then <c>done</c>; <c>POST /tts/bytes</c> streams <see cref="BytesLength"/> bytes of pre-built audio; and
/// <c>/stt/websocket</c> discards audio, answering <c>finalize</c> and <c>close</c> at once. The client is then the
/// bottleneck. Switch it on with <see cref="CartesiaEmulatorOptions.Firehose"/>, <see cref="CartesiaEmulator.Firehose"/>,
/// <c>PUT /_emulator/firehose</c>, or <c>cartesia emulator --firehose</c>.
/// </summary>
public sealed class EmulatorFirehose
{
    /// <summary>How many audio chunks each TTS WebSocket context receives before its <c>done</c>. Default 1,000.</summary>
    public int ChunksPerContext { get; set; } = 1000;

    /// <summary>
    /// The audio bytes in each chunk, before base64 (a realistic chunk of 16-bit PCM). Default 8,192 (about 170 ms
    /// at 24 kHz).
    /// </summary>
    public int ChunkBytes { get; set; } = 8192;

    /// <summary>How many audio bytes one <c>POST /tts/bytes</c> response carries. Default 64 MiB.</summary>
    public long BytesLength { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// The pace of a TTS WebSocket's chunks, all its contexts together, in chunks per second on the emulator's clock;
    /// null (the default) for as fast as the client reads. A paced firehose measures latency under a load the client
    /// can carry (the time a chunk takes to reach its reader), where an unpaced one measures how fast a client drains
    /// the socket. Chunks due together go out back to back.
    /// </summary>
    public int? ChunksPerSecond { get; set; }

    internal EmulatorFirehose Validate()
    {
        if (ChunksPerContext < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ChunksPerContext), ChunksPerContext, "ChunksPerContext must not be negative.");
        }

        if (ChunkBytes is < 2 or > 16 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(ChunkBytes), ChunkBytes, "ChunkBytes must be between 2 and 16 MiB.");
        }

        if (BytesLength < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BytesLength), BytesLength, "BytesLength must not be negative.");
        }

        if (ChunksPerSecond is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ChunksPerSecond), ChunksPerSecond, "ChunksPerSecond must be positive, or left unset (null) for no pacing.");
        }

        return new EmulatorFirehose { ChunksPerContext = ChunksPerContext, ChunkBytes = ChunkBytes, BytesLength = BytesLength, ChunksPerSecond = ChunksPerSecond };
    }
}
