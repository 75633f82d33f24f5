using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cartesia.Serialization;
using Cartesia.Tts;

namespace Cartesia.Tests.Serialization;

public class JsonRoundTripTests
{
    public static TheoryData<string> Models() =>
    [
        nameof(ApiStatus), nameof(AudioOutputFormat), nameof(TtsRequest), nameof(TtsSseRequest), nameof(GenerationConfig),
        nameof(WordTimestamps), nameof(PhonemeTimestamps),
    ];

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_model_round_trips_with_unknown_fields_kept(string model)
    {
        (string json, JsonTypeInfo typeInfo) = model switch
        {
            nameof(ApiStatus) => ("""{"ok":true,"version":"2026-08-14","region":"us-east"}""", (JsonTypeInfo)CartesiaJsonContext.Default.ApiStatus),
            nameof(AudioOutputFormat) => ("""{"container":"mp3","sample_rate":44100,"bit_rate":128000,"future":[1,2]}""", CartesiaJsonContext.Default.AudioOutputFormat),
            nameof(TtsRequest) => ("""{"model_id":"sonic-3","transcript":"Quote \" backslash \\ é 👋","voice":"v","output_format":{"container":"wav","encoding":"pcm_s16le","sample_rate":24000},"language":"en","generation_config":{"speed":1.2,"volume":0.8,"emotion":"calm"},"pronunciation_dict_id":"d","save":true,"extra_body":{"x":1}}""", CartesiaJsonContext.Default.TtsRequest),
            nameof(TtsSseRequest) => ("""{"model_id":"sonic-3.5","transcript":"t","voice":{"id":"v","__experimental":true},"output_format":{"container":"raw","encoding":"pcm_f32le","sample_rate":44100},"locale":"en-GB","normalization":"off","add_timestamps":true,"add_phoneme_timestamps":false,"use_normalized_timestamps":true,"context_id":"c"}""", CartesiaJsonContext.Default.TtsSseRequest),
            nameof(GenerationConfig) => ("""{"speed":0.6,"volume":2,"emotion":"a new emotion"}""", CartesiaJsonContext.Default.GenerationConfig),
            nameof(WordTimestamps) => ("""{"words":["a","b"],"start":[0,0.5],"end":[0.4,0.9],"confidence":[1,1]}""", CartesiaJsonContext.Default.WordTimestamps),
            nameof(PhonemeTimestamps) => ("""{"phonemes":["h","ə"],"start":[0.1,0.2],"end":[0.2,0.3]}""", CartesiaJsonContext.Default.PhonemeTimestamps),
            _ => throw new ArgumentOutOfRangeException(nameof(model)),
        };

        object value = JsonSerializer.Deserialize(json, typeInfo)!;
        string written = JsonSerializer.Serialize(value, typeInfo);
        object again = JsonSerializer.Deserialize(written, typeInfo)!;

        Assert.Equal(Normalize(json), Normalize(written));
        Assert.Equal(written, JsonSerializer.Serialize(again, typeInfo));
    }

    [Fact]
    public void Events_round_trip_through_the_fast_parser()
    {
        TtsEvent[] events =
        [
            new TtsChunkEvent { Audio = new byte[] { 1, 2, 3, 255 }, StepTime = 12.5, FlushId = 2, ContextId = "c", StatusCode = 206 },
            new TtsTimestampsEvent { WordTimestamps = new WordTimestamps { Words = ["hi", "👋"], Start = [0, 0.5], End = [0.4, 0.9] }, ContextId = "c" },
            new TtsPhonemeTimestampsEvent { PhonemeTimestamps = new PhonemeTimestamps { Phonemes = ["h"], Start = [0], End = [0.1] } },
            new TtsFlushDoneEvent { FlushId = 3, FlushDone = true, ContextId = "c" },
            new TtsDoneEvent { ContextId = "c", StatusCode = 206, Done = true },
            new TtsErrorEvent { ErrorCode = "x", Title = "T", Message = "M", RequestId = "r", DocUrl = "d", StatusCode = 400, Done = true },
        ];

        foreach (TtsEvent e in events)
        {
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(e, CartesiaJsonContext.Default.GetTypeInfo(e.GetType())!);
            TtsEvent parsed = TtsEventParser.Parse(json);
            Assert.Equal(e.GetType(), parsed.GetType());
            Assert.Equal(Normalize(System.Text.Encoding.UTF8.GetString(json)), Normalize(JsonSerializer.Serialize(parsed, CartesiaJsonContext.Default.GetTypeInfo(e.GetType())!)));
        }
    }

    [Fact]
    public void Open_values_accept_strings_the_sdk_does_not_know()
    {
        TtsRequest request = JsonSerializer.Deserialize("""{"model_id":"sonic-9","transcript":"t","voice":"v","output_format":{"container":"flac","encoding":"pcm_s24le","sample_rate":96000},"language":"xx"}""", CartesiaJsonContext.Default.TtsRequest)!;

        Assert.Equal("sonic-9", request.ModelId.Value);
        Assert.Equal("flac", request.OutputFormat.Container.Value);
        Assert.Equal("pcm_s24le", request.OutputFormat.Encoding!.Value.Value);
        Assert.Equal(new Language("xx"), request.Language);
        Assert.Null(new AudioEncoding("pcm_s24le").BytesPerSample);
    }

    [Fact]
    public void The_voice_is_written_in_the_shape_of_the_pinned_version()
    {
        var request = new TtsRequest { ModelId = TtsModel.Sonic3, Transcript = "t", Voice = "v", OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 16000) };

        string modern = JsonSerializer.Serialize(request, CartesiaJsonContext.ForVersion(CartesiaApiVersion.V2026_08_14).TtsRequest);
        string legacy = JsonSerializer.Serialize(request, CartesiaJsonContext.ForVersion(CartesiaApiVersion.V2025_11_04).TtsRequest);

        Assert.Contains("\"voice\":\"v\"", modern, StringComparison.Ordinal);
        Assert.Contains("\"voice\":{\"mode\":\"id\",\"id\":\"v\"}", legacy, StringComparison.Ordinal);
        Assert.Equal("v", JsonSerializer.Deserialize(legacy, CartesiaJsonContext.Default.TtsRequest)!.Voice.Id);
    }

    private static string Normalize(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return Canonical(document.RootElement);
    }

    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        JsonValueKind.Number => element.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        JsonValueKind.String => JsonSerializer.Serialize(element.GetString()),
        _ => element.GetRawText(),
    };
}
