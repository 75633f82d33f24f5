using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.PronunciationDictionaries;
using Cartesia.Stt;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Catalog;

/// <summary>Issue 20: the fields and values the SDK lagged on, against the emulator over real sockets.</summary>
public class ServiceCurrencyTests
{
    [Fact]
    public async Task The_current_model_and_its_alias_generate_and_sonic_3_still_works()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { MaxRetries = 0 });

        foreach (TtsModel model in new[] { TtsModel.Sonic3_6, TtsModel.SonicLatest, TtsModel.Sonic3 })
        {
            TtsRequest request = Requests.Bytes("Current.");
            request.ModelId = model;
            byte[] audio = await client.Tts.GenerateBytesAsync(request);
            Assert.NotEmpty(audio);
        }

        Assert.Equal("sonic-3.6", TtsModel.Sonic3_6.Value);
        Assert.Null(TtsModel.Sonic3_6.SunsetDate);
        Assert.Equal(["sonic-3.6", "sonic-latest", "sonic-3"], emulator.Journal.Requests.Select(r => JsonDocument.Parse(r.BodyText!).RootElement.GetProperty("model_id").GetString()));
    }

    [Fact]
    public async Task A_language_that_left_a_model_warns_once_per_model_and_language()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var logs = new LogCapture();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { LoggerFactory = logs.Factory, MaxRetries = 0 });
        TtsRequest italian = Requests.Bytes();
        italian.ModelId = TtsModel.Sonic2;
        italian.GenerationConfig = null;
        italian.Language = Language.Italian;
        TtsRequest german = Requests.Bytes();
        german.ModelId = TtsModel.Sonic2;
        german.GenerationConfig = null;
        german.Language = Language.German;

        var rejected = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Tts.GenerateAsync(italian));
        await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Tts.GenerateAsync(italian));
        await using (await client.Tts.GenerateAsync(german))
        {
        }

        italian.ModelId = TtsModel.SonicTurbo_2025_06_04;
        await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Tts.GenerateAsync(italian));
        TtsRequest hindiTurbo = Requests.Bytes();
        hindiTurbo.ModelId = TtsModel.SonicTurbo;
        hindiTurbo.GenerationConfig = null;
        hindiTurbo.Language = Language.Hindi;
        await using (await client.Tts.GenerateAsync(hindiTurbo))
        {
        }

        Assert.Equal("language_not_supported", rejected.ErrorCode);
        Assert.Single(logs.Records, r => r.Message.Contains("Language 'it' left model 'sonic-2' on 2026-06-01", StringComparison.Ordinal));
        Assert.Single(logs.Records, r => r.Message.Contains("Language 'it' left model 'sonic-turbo-2025-06-04'", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Records, r => r.Message.Contains("Language 'de'", StringComparison.Ordinal) || r.Message.Contains("Language 'hi'", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 6, 1), TtsModel.Sonic2_2025_04_16.GetLanguageSunsetDate(Language.Hindi));
        Assert.Null(TtsModel.SonicTurbo.GetLanguageSunsetDate(Language.Hindi));
        Assert.Null(TtsModel.Sonic3_6.GetLanguageSunsetDate(Language.Italian));
    }

    [Fact]
    public async Task A_websocket_context_sends_locale_and_normalization_and_a_push_can_carry_its_own_generation_config()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContextOptions options = Requests.Context();
        options.Locale = "en-GB";
        options.Normalization = TtsNormalization.Off;
        options.GenerationConfig = new GenerationConfig { Speed = 1.0 };

        TtsContext context = socket.CreateContext(options);
        await context.SendAsync("Slow part. ", new GenerationConfig { Speed = 0.8, Volume = 1.5, Emotion = Emotion.Calm });
        await context.SendAsync("Normal part.");
        await context.CompleteAsync();
        List<TtsEvent> events = await Speech.ReadAllAsync(context);

        Assert.IsType<TtsDoneEvent>(events[^1]);
        EmulatorWebSocketMessage[] sent = [.. emulator.Journal.For("/tts/websocket").Single().WebSocketMessages.Where(m => m.Text.Contains("transcript", StringComparison.Ordinal))];
        JsonElement[] messages = [.. sent.Select(m => JsonDocument.Parse(m.Data).RootElement)];
        Assert.All(messages, m => Assert.Equal(("en-GB", "off"), (m.GetProperty("locale").GetString(), m.GetProperty("normalization").GetString())));
        Assert.All(messages, m => Assert.False(m.TryGetProperty("language", out _)));
        Assert.Equal(0.8, messages[0].GetProperty("generation_config").GetProperty("speed").GetDouble());
        Assert.Equal(1.5, messages[0].GetProperty("generation_config").GetProperty("volume").GetDouble());
        Assert.Equal("calm", messages[0].GetProperty("generation_config").GetProperty("emotion").GetString());
        Assert.All(messages.Skip(1), m => Assert.Equal(1.0, m.GetProperty("generation_config").GetProperty("speed").GetDouble()));
    }

    [Fact]
    public async Task Websocket_locale_normalization_and_push_configs_are_validated_before_sending()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using CartesiaClient old = emulator.CreateClient(new CartesiaClientOptions { ApiVersion = CartesiaApiVersion.V2025_11_04 });
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        await using TtsWebSocket oldSocket = await old.Tts.ConnectAsync();

        TtsContextOptions both = Requests.Context();
        both.Language = Language.English;
        both.Locale = "en-GB";
        TtsContextOptions bad = Requests.Context();
        bad.Locale = "british";
        TtsContextOptions pinned = Requests.Context();
        pinned.Normalization = TtsNormalization.Auto;

        var exclusive = Assert.Throws<ArgumentException>(() => socket.CreateContext(both));
        var malformed = Assert.Throws<ArgumentException>(() => socket.CreateContext(bad));
        var version = Assert.Throws<ArgumentException>(() => oldSocket.CreateContext(pinned));
        TtsContext context = socket.CreateContext(Requests.Context());
        var speed = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await context.SendAsync("Too fast.", new GenerationConfig { Speed = 3 }));
        await context.CancelAsync();

        Assert.Contains("TtsContextOptions.Language and TtsContextOptions.Locale are exclusive", exclusive.Message, StringComparison.Ordinal);
        Assert.Contains("TtsContextOptions.Locale (locale) must look like 'en-GB'", malformed.Message, StringComparison.Ordinal);
        Assert.Contains("TtsContextOptions.Normalization (normalization) needs API version 2026-08-14", version.Message, StringComparison.Ordinal);
        Assert.Contains("GenerationConfig.Speed (generation_config.speed)", speed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Journal.For("/tts/websocket").SelectMany(r => r.WebSocketMessages), m => m.Text.Contains("transcript", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pronunciation_items_prefer_pronunciation_and_warn_once_on_the_deprecated_alias()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var logs = new LogCapture();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { LoggerFactory = logs.Factory });
        PronunciationDictionariesClient dicts = client.PronunciationDictionaries;

        PronunciationDictionary modern = await dicts.CreateAsync(new PronunciationDictionaryCreateRequest { Name = "Modern", Items = [new PronunciationDictionaryItem { Text = "SQL", Pronunciation = "sequel" }] });
        Assert.DoesNotContain(logs.Records, r => r.Message.Contains("deprecates", StringComparison.Ordinal));
        PronunciationDictionary legacy = await dicts.CreateAsync(new PronunciationDictionaryCreateRequest { Name = "Legacy", Items = [new PronunciationDictionaryItem { Text = "GIF", Alias = "jif" }] });
        await dicts.UpdateAsync(legacy.Id, new PronunciationDictionaryUpdateRequest { Items = [new PronunciationDictionaryItem { Text = "GIF", Alias = "gif" }] });
        var both = Assert.Throws<ArgumentException>(() => dicts.Create(new PronunciationDictionaryCreateRequest { Name = "x", Items = [new PronunciationDictionaryItem { Text = "a", Alias = "b", Pronunciation = "b" }] }));
        var neither = Assert.Throws<ArgumentException>(() => dicts.Create(new PronunciationDictionaryCreateRequest { Name = "x", Items = [new PronunciationDictionaryItem { Text = "a" }] }));

        Assert.Equal("{\"name\":\"Modern\",\"items\":[{\"text\":\"SQL\",\"pronunciation\":\"sequel\"}]}", emulator.Journal.Requests[0].BodyText);
        Assert.Equal("{\"name\":\"Legacy\",\"items\":[{\"text\":\"GIF\",\"alias\":\"jif\"}]}", emulator.Journal.Requests[1].BodyText);
        Assert.Equal(("sequel", "SQL → sequel"), (modern.Items[0].Pronunciation, modern.Items[0].ToString()));
        Assert.Equal(("jif", "jif"), (legacy.Items[0].Pronunciation, legacy.Items[0].SaidAs)); // the service answers with pronunciation
        Assert.Single(logs.Records, r => r.Message.Contains("sets Alias (alias), which the API deprecates", StringComparison.Ordinal));
        Assert.Contains("sets both Pronunciation (pronunciation) and its deprecated name Alias (alias)", both.Message, StringComparison.Ordinal);
        Assert.Contains("Items[0].Pronunciation (pronunciation)", neither.Message, StringComparison.Ordinal);
        Assert.Equal(3, emulator.Journal.Requests.Count);
    }

    [Fact]
    public async Task A_batch_transcription_reports_is_final()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        SttTranscription result = await client.Stt.TranscribeAsync(Clips.Wav("Final words."), new SttTranscribeRequest { Model = SttModel.InkWhisper });

        Assert.True(result.IsFinal);
        Assert.Null(JsonSerializer.Deserialize("""{"type":"transcript","text":"x"}""", Cartesia.Serialization.CartesiaJsonContext.Default.SttTranscription)!.IsFinal);
    }

    [Fact]
    public async Task Datasets_and_pronunciation_dictionaries_may_share_a_name()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { MaxRetries = 0 });

        PronunciationDictionary a = await client.PronunciationDictionaries.CreateAsync(new PronunciationDictionaryCreateRequest { Name = "Same" });
        PronunciationDictionary b = await client.PronunciationDictionaries.CreateAsync(new PronunciationDictionaryCreateRequest { Name = "Same" });
        PronunciationDictionary c = await client.PronunciationDictionaries.CreateAsync(new PronunciationDictionaryCreateRequest { Name = "Other" });
        PronunciationDictionary renamed = await client.PronunciationDictionaries.UpdateAsync(c.Id, new PronunciationDictionaryUpdateRequest { Name = "Same" });
        await client.Datasets.CreateAsync(new Cartesia.Datasets.DatasetCreateRequest { Name = "Same", Description = "" });
        Cartesia.Datasets.Dataset d = await client.Datasets.CreateAsync(new Cartesia.Datasets.DatasetCreateRequest { Name = "Other", Description = "" });
        await client.Datasets.UpdateAsync(d.Id, new Cartesia.Datasets.DatasetUpdateRequest { Name = "Same", Description = "" });

        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal("Same", renamed.Name);
        Assert.Equal(3, await client.PronunciationDictionaries.ListAsync().CountAsync(p => p.Name == "Same"));
        Assert.Equal(2, await client.Datasets.ListAsync().CountAsync(x => x.Name == "Same"));
    }
}
