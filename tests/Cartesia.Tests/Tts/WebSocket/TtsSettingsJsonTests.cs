using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Serialization;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts.WebSocket;

/// <summary>
/// Contexts on one socket share the JSON of a voice and format they have in common, and each still sends its own.
/// </summary>
public class TtsSettingsJsonTests
{
    [Fact]
    public void Equal_settings_share_one_array_and_extra_fields_are_never_shared()
    {
        var settings = new TtsSettingsJson(CartesiaJsonContext.Default);
        TtsVoice plain = TtsVoice.FromId("voice-a");
        var extra = new TtsVoice("voice-a") { AdditionalProperties = new Dictionary<string, JsonElement> { ["__experimental_controls"] = JsonDocument.Parse("{\"speed\":1}").RootElement } };

        byte[] first = settings.Voice(plain);
        Assert.Same(first, settings.Voice(TtsVoice.FromId("voice-a")));
        Assert.Contains("__experimental_controls", System.Text.Encoding.UTF8.GetString(settings.Voice(extra)), StringComparison.Ordinal);
        Assert.Same(first, settings.Voice(plain)); // the voice with extras did not replace the shared one
        Assert.Contains("voice-b", System.Text.Encoding.UTF8.GetString(settings.Voice(TtsVoice.FromId("voice-b"))), StringComparison.Ordinal);

        byte[] format = settings.OutputFormat(AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 8000));
        Assert.Same(format, settings.OutputFormat(AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 8000)));
        Assert.NotSame(format, settings.OutputFormat(AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 16000)));
        Assert.Contains("\"pcm_f32le\"", System.Text.Encoding.UTF8.GetString(settings.OutputFormat(AudioOutputFormat.Raw(AudioEncoding.PcmF32LE, 16000))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_context_sends_its_own_voice_and_format_whatever_the_socket_shared()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        var extra = new TtsVoice(CartesiaEmulator.DefaultVoiceId) { AdditionalProperties = new Dictionary<string, JsonElement> { ["note"] = JsonDocument.Parse("\"probe\"").RootElement } };
        (string Id, int Rate, TtsVoice Voice)[] plan =
        [
            ("a", 8000, TtsVoice.FromId(CartesiaEmulator.DefaultVoiceId)),
            ("b", 16000, TtsVoice.FromId(CartesiaEmulator.DefaultVoiceId)),
            ("c", 8000, extra),
            ("d", 8000, TtsVoice.FromId(CartesiaEmulator.DefaultVoiceId)),
        ];

        foreach ((string id, int rate, TtsVoice voice) in plan)
        {
            TtsContextOptions options = Requests.Context(id, rate);
            options.Voice = voice;
            TtsContext context = socket.CreateContext(options);
            await context.CompleteAsync("Hello.");
            Assert.IsType<TtsDoneEvent>((await Speech.ReadAllAsync(context))[^1]);
        }

        var sent = emulator.Journal.For("/tts/websocket").Single().WebSocketMessages
            .Select(m => JsonDocument.Parse(m.Data).RootElement)
            .ToDictionary(m => m.GetProperty("context_id").GetString()!);
        foreach ((string id, int rate, TtsVoice voice) in plan)
        {
            JsonElement message = sent[id];
            Assert.Equal(rate, message.GetProperty("output_format").GetProperty("sample_rate").GetInt32());
            Assert.Equal("raw", message.GetProperty("output_format").GetProperty("container").GetString());
            JsonElement sentVoice = message.GetProperty("voice"); // a plain id, or an object when it has extra fields
            Assert.Equal(voice.Id, sentVoice.ValueKind == JsonValueKind.String ? sentVoice.GetString() : sentVoice.GetProperty("id").GetString());
            Assert.Equal(id == "c", sentVoice.ValueKind == JsonValueKind.Object && sentVoice.TryGetProperty("note", out _));
        }
    }
}
