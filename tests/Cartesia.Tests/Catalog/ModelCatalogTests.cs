using Cartesia.Catalog;
using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Stt;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Catalog;

public class ModelCatalogTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Models_and_locales_are_listed_with_languages_aliases_and_sunsets(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        CartesiaList<ModelInfo> models = async ? await client.Models.ListAsync() : client.Models.List();
        CartesiaList<LocaleInfo> locales = async ? await client.Models.ListLocalesAsync() : client.Models.ListLocales();

        ModelInfo current = models.Single(m => m.Id == "sonic-3.6");
        Assert.Equal(ModelKind.TextToSpeech, current.Kind);
        Assert.Equal("Sonic 3.6", current.Name);
        Assert.Equal(Language.TextToSpeechLanguages.OrderBy(l => l.Value), current.Languages.OrderBy(l => l.Value));
        Assert.Equal("sonic-3.6", models.Single(m => m.Id == "sonic-latest").AliasOf);
        Assert.Contains(models, m => m.Id == "sonic-3");

        ModelInfo sonic2 = models.Single(m => m.Id == "sonic-2-2025-06-11");
        Assert.Equal(["hi", "it", "nl", "pl", "ru", "sv", "tr"], sonic2.SunsetLanguages.Select(s => s.Language.Value).Order());
        Assert.All(sonic2.SunsetLanguages, s => Assert.Equal(new DateOnly(2026, 6, 1), s.SunsetDate));
        Assert.False(sonic2.Supports(Language.Italian));
        Assert.True(sonic2.Supports(Language.German));
        Assert.Equal(["it", "nl", "pl", "ru", "sv", "tr"], models.Single(m => m.Id == "sonic-turbo-2025-06-04").SunsetLanguages.Select(s => s.Language.Value).Order());

        ModelInfo english = models.Single(m => m.Id == "sonic-english");
        Assert.Equal(new DateOnly(2026, 6, 1), english.SunsetDate);
        Assert.True(english.IsSunset);
        Assert.False(english.Supports(Language.English));

        Assert.Equal(["/stt/websocket", "/stt/turns/websocket"], models.Single(m => m.Id == "ink-2").Endpoints);
        Assert.Contains("/stt", models.Single(m => m.Id == "ink-whisper").Endpoints);

        LocaleInfo british = locales.Single(l => l.Id == "en-GB");
        Assert.Equal((Language.English, "British English"), (british.Language, british.Name));
        Assert.Equal(locales.Select(l => l.Id).Order(StringComparer.Ordinal), locales.Select(l => l.Id));
        Assert.Equal(200, models.Response!.StatusCode);
        Assert.Equal(["/models", "/locales"], emulator.Journal.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task The_catalogue_agrees_with_what_the_emulator_accepts()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { MaxRetries = 0 });
        CartesiaList<ModelInfo> models = await client.Models.ListAsync();

        foreach (ModelInfo model in models.Where(m => m.Kind == ModelKind.TextToSpeech))
        {
            TtsRequest request = Requests.Bytes("Hi.");
            request.ModelId = model.Id;
            request.GenerationConfig = null;
            if (model.IsSunset)
            {
                request.Language = Language.English;
                var sunset = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Tts.GenerateBytesAsync(request));
                Assert.Equal(CartesiaErrorCodes.ModelSunsetted, sunset.ErrorCode);
                continue;
            }

            request.Language = model.Languages[^1];
            await client.Tts.GenerateBytesAsync(request);
            foreach (LanguageSunset gone in model.SunsetLanguages)
            {
                request.Language = gone.Language;
                var rejected = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Tts.GenerateBytesAsync(request));
                Assert.Equal("language_not_supported", rejected.ErrorCode);
            }
        }
    }

    [Fact]
    public async Task Unknown_fields_of_the_catalogue_are_kept()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        emulator.Faults.Add("GET /models", new EmulatorFault
        {
            StatusCode = 200,
            RawBody = """{"models":[{"id":"sonic-9","name":"Sonic 9","type":"tts","languages":["en"],"max_characters":500}],"next":"x"}""",
            RawContentType = "application/json",
        });

        ModelInfo model = Assert.Single(await client.Models.ListAsync());

        Assert.Equal(("sonic-9", 500), (model.Id, model.AdditionalProperties!["max_characters"].GetInt32()));
        Assert.Empty(model.SunsetLanguages);
        Assert.Null(model.SunsetDate);
        Assert.True(model.ServesEndpoint("/tts/bytes")); // the catalogue did not say
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EnsureSupports_passes_a_spoken_language_and_names_the_problem_otherwise(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        ModelsClient models = client.Models;

        ModelInfo ok = async ? await models.EnsureSupportsAsync(TtsModel.Sonic3_6, Language.Japanese) : models.EnsureSupports(TtsModel.Sonic3_6, Language.Japanese);
        var left = async
            ? await Assert.ThrowsAsync<ModelLanguageException>(() => models.EnsureSupportsAsync(TtsModel.Sonic2, Language.Italian))
            : Assert.Throws<ModelLanguageException>(() => models.EnsureSupports(TtsModel.Sonic2, Language.Italian));
        var unknown = await Assert.ThrowsAsync<ModelLanguageException>(() => models.EnsureSupportsAsync("sonic-99", Language.English));
        var sunset = await Assert.ThrowsAsync<ModelLanguageException>(() => models.EnsureSupportsAsync("sonic-english", Language.English));
        var stt = await Assert.ThrowsAsync<ModelLanguageException>(() => models.EnsureSupportsAsync("ink-2", Language.French));
        int sent = emulator.Journal.Requests.Count;
        Assert.Throws<ArgumentException>(() => models.EnsureSupports(" ", Language.English));

        Assert.Equal("sonic-3.6", ok.Id);
        Assert.Contains("Language 'it' left model 'sonic-2' on 2026-06-01", left.Message, StringComparison.Ordinal);
        Assert.Contains("sonic-3.6", left.Alternatives);
        Assert.DoesNotContain(left.Alternatives, a => a.StartsWith("ink", StringComparison.Ordinal));
        Assert.Equal(("sonic-2", Language.Italian), (left.ModelId, left.Language));
        Assert.Contains("'sonic-99' is not in the catalogue", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("sunset on 2026-06-01", sunset.Message, StringComparison.Ordinal);
        Assert.Equal(["ink-whisper", "ink-whisper-2025-06-04"], stt.Alternatives);
        Assert.IsAssignableFrom<CartesiaException>(left);
        Assert.Equal(sent, emulator.Journal.Requests.Count); // a bad argument sends nothing
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FindSttModel_picks_a_model_that_transcribes_the_language_on_the_endpoint(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        ModelsClient models = client.Models;

        SttModel? french = async ? await models.FindSttModelAsync(Language.French, ModelsClient.SttBatchEndpoint) : models.FindSttModel(Language.French, ModelsClient.SttBatchEndpoint);
        SttModel? turns = async ? await models.FindSttModelAsync(Language.English, ModelsClient.SttTurnsEndpoint) : models.FindSttModel(Language.English, ModelsClient.SttTurnsEndpoint);
        SttModel? frenchTurns = await models.FindSttModelAsync(Language.French, ModelsClient.SttTurnsEndpoint);
        SttModel? klingon = await models.FindSttModelAsync(new Language("tlh"));

        Assert.Equal(SttModel.InkWhisper, french);
        Assert.Equal(SttModel.Ink2, turns);
        Assert.Null(frenchTurns);
        Assert.Null(klingon);

        // The model found transcribes French audio on that endpoint.
        SttTranscription transcript = await client.Stt.TranscribeAsync(Clips.Wav("Bonjour."), new SttTranscribeRequest { Model = french!.Value, Language = "fr" });
        Assert.Equal("fr", transcript.Language);
    }
}
