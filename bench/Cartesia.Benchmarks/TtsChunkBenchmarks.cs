using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Cartesia.Tts;

namespace Cartesia.Benchmarks;

/// <summary>
/// One TTS WebSocket chunk message (8 KiB of PCM, base64 in JSON, as the service sends it): the SDK's parser against
/// the least a client can do (scan the JSON, decode the base64 into a reused buffer).
/// </summary>
[MemoryDiagnoser]
public class TtsChunkBenchmarks
{
    private byte[] _frame = [];
    private readonly byte[] _audio = new byte[16 * 1024];

    [Params(8192)]
    public int ChunkBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        byte[] pcm = new byte[ChunkBytes];
        new Random(1).NextBytes(pcm);
        _frame = Encoding.UTF8.GetBytes($"{{\"type\":\"chunk\",\"done\":false,\"status_code\":206,\"step_time\":123.4,\"context_id\":\"6f3b2c9e-1d4a-4c1e-9a8b-0f2e3d4c5b6a\",\"data\":\"{Convert.ToBase64String(pcm)}\"}}");
    }

    /// <summary>The least a client can do: find the fields, decode the audio into a reused buffer.</summary>
    [Benchmark(Baseline = true)]
    public int RawScanAndDecode()
    {
        var reader = new Utf8JsonReader(_frame);
        reader.Read();
        int written = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                Base64.DecodeFromUtf8(reader.ValueSpan, _audio, out _, out written);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return written;
    }

    private const string ContextId = "6f3b2c9e-1d4a-4c1e-9a8b-0f2e3d4c5b6a";
    private static readonly TtsEventParser.ContextIdLookup Known = static utf8 => utf8.SequenceEqual("6f3b2c9e-1d4a-4c1e-9a8b-0f2e3d4c5b6a"u8) ? ContextId : null;

    /// <summary>The SDK's parser alone (SSE path): a typed <see cref="TtsChunkEvent"/>, the audio in its own array, the context id read.</summary>
    [Benchmark]
    public TtsEvent SdkParse() => TtsEventParser.Parse(_frame);

    /// <summary>
    /// As the WebSocket receive loop calls it: the context id resolved to the running context's own string, so a
    /// chunk allocates its event and its audio only.
    /// </summary>
    [Benchmark]
    public TtsEvent SdkParseKnownContext() => TtsEventParser.Parse(_frame, knownContextIds: Known);

    /// <summary>
    /// As the receive loop decodes for <see cref="Cartesia.Tts.TtsContext.ReadPooledEventsAsync"/>: the audio goes into
    /// a rented array, which the reader gives back when it moves on, so the event is all a chunk allocates.
    /// </summary>
    [Benchmark]
    public TtsEvent SdkParsePooledAudio()
    {
        var chunk = (TtsChunkEvent)TtsEventParser.Parse(_frame, knownContextIds: Known, rentAudio: true);
        chunk.ReturnAudio();
        return chunk;
    }
}
