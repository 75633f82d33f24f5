using Cartesia.Datasets;
using Cartesia.Emulator;
using Cartesia.FineTunes;
using Cartesia.Tests.Support;
using Cartesia.Tts;
using Cartesia.Voices;
using Microsoft.Extensions.Time.Testing;

namespace Cartesia.Tests.FineTunes;

public class FineTunesTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_fine_tune_trains_into_pro_voice_clones_that_need_its_dated_model(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        Dataset dataset = await client.Datasets.CreateAsync(new DatasetCreateRequest { Name = "Host", Description = "" });
        await client.Datasets.Files.UploadAsync(dataset.Id, CartesiaFile.FromBytes(Clips.Wav("Training audio."), "t.wav"));
        var request = new FineTuneCreateRequest { Name = "Host PVC", Description = "Our host.", Language = Language.English, ModelId = TtsModel.Sonic3_2026_01_12, Dataset = dataset.Id, Accent = VoiceAccent.British };

        FineTune created = async ? await client.FineTunes.CreateAsync(request) : client.FineTunes.Create(request);
        List<Voice> before = async ? await client.FineTunes.ListVoicesAsync(created.Id).ToListAsync() : [.. client.FineTunes.ListVoices(created.Id)];
        Assert.True(emulator.CompleteFineTune(created.Id));
        FineTune completed = async ? await client.FineTunes.GetAsync(created.Id) : client.FineTunes.Get(created.Id);
        List<Voice> voices = async ? await client.FineTunes.ListVoicesAsync(created.Id, new CartesiaListOptions { Limit = 3 }).ToListAsync() : [.. client.FineTunes.ListVoices(created.Id, new CartesiaListOptions { Limit = 3 })];
        List<FineTune> all = async ? await client.FineTunes.ListAsync().ToListAsync() : [.. client.FineTunes.List()];

        Assert.Equal(FineTuneStatus.Created, created.Status);
        Assert.Equal((TtsModel.Sonic3_2026_01_12, VoiceAccent.British, dataset.Id), (created.ModelId, created.Accent, created.Dataset));
        Assert.Empty(before);
        Assert.Equal(FineTuneStatus.Completed, completed.Status);
        Assert.True(completed.Status.IsFinished);
        Assert.Equal(4, voices.Count);
        Assert.All(voices, v => Assert.Equal((true, VoiceAccess.Private, "en-GB"), (v.IsOwner, v.Access, v.Locales[0].Locale)));
        Assert.Equal(created.Id, Assert.Single(all).Id);

        var speak = new TtsRequest { ModelId = TtsModel.Sonic3_2026_01_12, Transcript = "Pro clone speaking.", Voice = voices[0].Id, OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 16000) };
        Assert.Equal("Pro clone speaking.", Clips.Words(await client.Tts.GenerateBytesAsync(speak), speak.OutputFormat));
        speak.ModelId = TtsModel.Sonic3;
        var mismatch = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Tts.GenerateBytesAsync(speak));
        Assert.Equal("voice_model_mismatch", mismatch.ErrorCode);

        CartesiaResponseInfo deleted = async ? await client.FineTunes.DeleteAsync(created.Id) : client.FineTunes.Delete(created.Id);
        Assert.Equal(204, deleted.StatusCode);
        await Assert.ThrowsAsync<CartesiaNotFoundException>(() => client.Voices.GetAsync(voices[0].Id));
    }

    [Fact]
    public async Task Status_moves_with_time_and_a_training_dataset_cannot_be_deleted()
    {
        // The emulator's clock is fake: training is "created" for a quarter of the time, then "training", then done.
        var clock = new FakeTimeProvider();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { FineTuneTrainingTime = TimeSpan.FromMinutes(20), TimeProvider = clock });
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { MaxRetries = 0 });
        Dataset dataset = await client.Datasets.CreateAsync(new DatasetCreateRequest { Name = "D", Description = "" });
        await client.Datasets.Files.UploadAsync(dataset.Id, CartesiaFile.FromBytes(Clips.Wav(), "t.wav"));
        FineTune fineTune = await client.FineTunes.CreateAsync(new FineTuneCreateRequest { Name = "F", Description = "", Language = Language.English, ModelId = TtsModel.Sonic3_2025_10_27, Dataset = dataset.Id });

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        FineTuneStatus beforeTraining = (await client.FineTunes.GetAsync(fineTune.Id)).Status;
        clock.Advance(TimeSpan.FromTicks(1));
        FineTuneStatus training = (await client.FineTunes.GetAsync(fineTune.Id)).Status;
        var conflict = await Assert.ThrowsAsync<CartesiaConflictException>(() => client.Datasets.DeleteAsync(dataset.Id));
        clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromTicks(1));
        FineTuneStatus lastMoment = (await client.FineTunes.GetAsync(fineTune.Id)).Status;
        List<Voice> voicesWhileTraining = await client.FineTunes.ListVoicesAsync(fineTune.Id).ToListAsync();
        clock.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(FineTuneStatus.Created, fineTune.Status);
        Assert.Equal(FineTuneStatus.Created, beforeTraining);
        Assert.Equal(FineTuneStatus.Training, training);
        Assert.Equal(FineTuneStatus.Training, lastMoment);
        Assert.Empty(voicesWhileTraining);
        Assert.Equal(FineTuneStatus.Completed, (await client.FineTunes.GetAsync(fineTune.Id)).Status);
        Assert.Contains(fineTune.Id, conflict.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(4, (await client.FineTunes.ListVoicesAsync(fineTune.Id).ToListAsync()).Count);
    }

    [Fact]
    public async Task An_empty_dataset_or_a_generic_model_is_refused()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        Dataset dataset = await client.Datasets.CreateAsync(new DatasetCreateRequest { Name = "Empty", Description = "" });

        var empty = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.FineTunes.CreateAsync(new FineTuneCreateRequest { Name = "F", Description = "", Language = Language.English, ModelId = TtsModel.Sonic3_2026_01_12, Dataset = dataset.Id }));
        var generic = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.FineTunes.CreateAsync(new FineTuneCreateRequest { Name = "F", Description = "", Language = Language.English, ModelId = TtsModel.Sonic3, Dataset = dataset.Id }));

        Assert.Equal("Empty dataset", empty.Title);
        Assert.Equal("model_not_found", generic.ErrorCode);
    }

    [Fact]
    public async Task The_control_api_fails_a_fine_tune_and_the_plain_path_without_a_slash_works_too()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        Dataset dataset = await client.Datasets.CreateAsync(new DatasetCreateRequest { Name = "D", Description = "" });
        await client.Datasets.Files.UploadAsync(dataset.Id, CartesiaFile.FromBytes(Clips.Wav(), "t.wav"));
        FineTune fineTune = await client.FineTunes.CreateAsync(new FineTuneCreateRequest { Name = "F", Description = "", Language = Language.English, ModelId = TtsModel.Sonic3_2026_01_12, Dataset = dataset.Id });
        using HttpClient http = ControlClient.Create(emulator);

        HttpResponseMessage control = await http.PostAsync(new Uri($"_emulator/fine-tunes/{fineTune.Id}/complete?failed=true", UriKind.Relative), null);
        HttpResponseMessage unknown = await http.PostAsync(new Uri("_emulator/fine-tunes/ft_none/complete", UriKind.Relative), null);
        using var raw = await client.SendAsync(new CartesiaRequest(HttpMethod.Get, "/fine-tunes"));

        Assert.Equal(System.Net.HttpStatusCode.NoContent, control.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(FineTuneStatus.Failed, (await client.FineTunes.GetAsync(fineTune.Id)).Status);
        Assert.Empty(await client.FineTunes.ListVoicesAsync(fineTune.Id).ToListAsync());
        Assert.Contains(fineTune.Id, await raw.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
