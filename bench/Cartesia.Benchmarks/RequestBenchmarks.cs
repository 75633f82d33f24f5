using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Cartesia.Serialization;
using Cartesia.Tts;

namespace Cartesia.Benchmarks;

/// <summary>Serialising generation requests: a WebSocket context input and a /tts/bytes body.</summary>
[MemoryDiagnoser]
public class RequestBenchmarks
{
    private static readonly CartesiaJsonContext Json = CartesiaJsonContext.ForVersion(CartesiaApiVersion.Default);
    private TtsContextMessages _messages = null!;
    private readonly TtsRequest _request = new()
    {
        ModelId = TtsModel.Sonic3,
        Transcript = "Hello from Cartesia for .NET, a sentence of typical length for a voice agent.",
        Voice = "a0e99841-438c-4a64-b679-ae501e7d6091",
        OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000),
    };

    [GlobalSetup]
    public void Setup()
    {
        var options = new TtsContextOptions
        {
            ModelId = TtsModel.Sonic3,
            Voice = "a0e99841-438c-4a64-b679-ae501e7d6091",
            OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000),
            ContextId = "6f3b2c9e-1d4a-4c1e-9a8b-0f2e3d4c5b6a",
        };
        _messages = new TtsContextMessages(options.ContextId, options, Json, new TtsSettingsJson(Json));
    }

    /// <summary>One WebSocket input (<c>continue: true</c>) of a context.</summary>
    [Benchmark]
    public byte[] WebSocketInput() => _messages.Input("Hello from Cartesia for .NET, a sentence of typical length.", @continue: true, flush: false);

    /// <summary>The JSON body of a /tts/bytes request.</summary>
    [Benchmark]
    public byte[] BytesRequestBody() => JsonSerializer.SerializeToUtf8Bytes(_request, Json.TtsRequest);
}
