using System.Text.Json;
using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Emulator.Speech;
using Cartesia.Extensions.AI;
using Cartesia.Tests.Support;
using Cartesia.Tts;
using Microsoft.Extensions.AI;

namespace Cartesia.Tests.Extensions.AI;

public class TextToSpeechClientTests
{
    [Fact]
    public async Task GetAudioAsync_returns_whole_audio_and_maps_the_options()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ITextToSpeechClient tts = client.AsITextToSpeechClient(defaultVoiceId: CartesiaEmulator.DefaultVoiceId);

        TextToSpeechResponse response = await tts.GetAudioAsync("Hello from Microsoft dot Extensions dot AI.", new TextToSpeechOptions
        {
            ModelId = "sonic-3-2026-01-12",
            Language = "en-GB",
            AudioFormat = "audio/wav",
            Speed = 1.2f,
            Volume = 0.8f,
            AdditionalProperties = new() { [CartesiaAdditionalProperties.Emotion] = "calm", [CartesiaAdditionalProperties.SampleRate] = 16000 },
        });

        DataContent audio = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("audio/wav", audio.MediaType);
        WavFormat wav = WavHeader.Read(audio.Data.Span);
        Assert.Equal(16000, wav.SampleRate);
        Assert.Equal(SpeechSynthesizer.Words("Hello from Microsoft dot Extensions dot AI."), SpeechRecognizer.Recognize(PcmCodec.Decode(audio.Data.Span[(int)wav.DataOffset..], wav.Encoding), 16000).Select(w => w.Word));
        Assert.Equal("sonic-3-2026-01-12", response.ModelId);
        Assert.NotNull(response.ResponseId);
        using JsonDocument sent = JsonDocument.Parse(emulator.Journal.For("/tts/bytes").Single().Body);
        JsonElement body = sent.RootElement;
        Assert.Equal("en-GB", body.GetProperty("locale").GetString());
        Assert.Equal(1.2, body.GetProperty("generation_config").GetProperty("speed").GetDouble(), 3);
        Assert.Equal(0.8, body.GetProperty("generation_config").GetProperty("volume").GetDouble(), 3);
        Assert.Equal("calm", body.GetProperty("generation_config").GetProperty("emotion").GetString());
        Assert.Equal(CartesiaEmulator.DefaultVoiceId, body.GetProperty("voice").GetString());
    }

    [Fact]
    public async Task GetStreamingAudioAsync_streams_over_the_websocket()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ITextToSpeechClient tts = new CartesiaTextToSpeechClient(client, new CartesiaTextToSpeechClientOptions { DefaultVoiceId = CartesiaEmulator.DefaultVoiceId });

        var updates = new List<TextToSpeechResponseUpdate>();
        await foreach (TextToSpeechResponseUpdate update in tts.GetStreamingAudioAsync("Streaming through the abstraction.", new TextToSpeechOptions
        {
            AudioFormat = "pcm_s16le",
            AdditionalProperties = new() { [CartesiaAdditionalProperties.SampleRate] = 16000, [CartesiaAdditionalProperties.AddTimestamps] = true },
        }))
        {
            updates.Add(update);
        }

        Assert.Equal(TextToSpeechResponseUpdateKind.SessionOpen, updates[0].Kind);
        Assert.Equal(TextToSpeechResponseUpdateKind.AudioUpdated, updates[^2].Kind);
        Assert.Equal(TextToSpeechResponseUpdateKind.SessionClose, updates[^1].Kind);
        byte[] audio = [.. updates.SelectMany(u => u.Contents.OfType<DataContent>()).SelectMany(d => d.Data.ToArray())];
        Assert.All(updates.SelectMany(u => u.Contents.OfType<DataContent>()), d => Assert.Equal("audio/L16", d.MediaType));
        Assert.Equal(SpeechSynthesizer.Words("Streaming through the abstraction."), SpeechRecognizer.Recognize(PcmCodec.Decode(audio, AudioEncoding.PcmS16LE), 16000).Select(w => w.Word));
        Assert.Contains(updates, u => u.AdditionalProperties?.ContainsKey(CartesiaAdditionalProperties.WordTimestamps) == true);
        Assert.Single(updates.Select(u => u.ResponseId).Distinct());
        Assert.Single(emulator.Journal.For("/tts/websocket"));
        TextToSpeechResponse merged = await tts.GetStreamingAudioAsync("Twice on one socket.").ToTextToSpeechResponseAsync();
        Assert.NotEmpty(merged.Contents);
        Assert.Single(emulator.Journal.For("/tts/websocket"));
    }

    [Fact]
    public async Task It_works_with_the_builders_logging_and_telemetry_and_reports_metadata()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using var logs = new LogCapture();
        using ITextToSpeechClient tts = client.AsITextToSpeechClient(CartesiaEmulator.DefaultVoiceId)
            .AsBuilder()
            .UseLogging(logs.Factory)
            .UseOpenTelemetry()
            .ConfigureOptions(o => o.AudioFormat ??= "mp3")
            .Build();

        TextToSpeechResponse response = await tts.GetAudioAsync("Through the middleware.");

        Assert.Equal("audio/mpeg", Assert.IsType<DataContent>(Assert.Single(response.Contents)).MediaType);
        TextToSpeechClientMetadata metadata = tts.GetService<TextToSpeechClientMetadata>()!;
        Assert.Equal("cartesia", metadata.ProviderName);
        Assert.Equal(emulator.BaseUri, metadata.ProviderUri);
        Assert.Equal("sonic-3", metadata.DefaultModelId);
        Assert.Same(client, tts.GetService<CartesiaClient>());
        Assert.Null(tts.GetService<CartesiaClient>("some key"));
        Assert.Contains(logs.Records, r => r.Category?.Contains("TextToSpeech", StringComparison.Ordinal) == true || r.Message.Contains("GetAudioAsync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_cartesia_cannot_honour_is_refused_not_ignored()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ITextToSpeechClient noVoice = client.AsITextToSpeechClient();
        using ITextToSpeechClient tts = client.AsITextToSpeechClient(CartesiaEmulator.DefaultVoiceId);

        await Assert.ThrowsAsync<InvalidOperationException>(() => noVoice.GetAudioAsync("Hi"));
        await Assert.ThrowsAsync<NotSupportedException>(() => tts.GetAudioAsync("Hi", new TextToSpeechOptions { Pitch = 1.3f }));
        await Assert.ThrowsAsync<NotSupportedException>(() => tts.GetAudioAsync("Hi", new TextToSpeechOptions { AudioFormat = "audio/ogg" }));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => tts.GetAudioAsync("Hi", new TextToSpeechOptions { AdditionalProperties = new() { ["voice_style"] = "x" } }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => tts.GetAudioAsync("Hi", new TextToSpeechOptions { Speed = 3f }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => tts.GetAudioAsync(null!));

        Assert.Contains("voice_style", unknown.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.Requests);
    }

    [Fact]
    public async Task A_raw_representation_factory_supplies_the_whole_request()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ITextToSpeechClient tts = client.AsITextToSpeechClient();

        TextToSpeechResponse response = await tts.GetAudioAsync("ignored", new TextToSpeechOptions { RawRepresentationFactory = _ => Requests.Bytes("From the factory.") });

        Assert.NotEmpty(response.Contents);
        Assert.Contains("From the factory.", emulator.Journal.For("/tts/bytes").Single().BodyText, StringComparison.Ordinal);
    }
}
