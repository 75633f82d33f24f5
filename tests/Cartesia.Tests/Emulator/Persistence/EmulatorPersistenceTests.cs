using Cartesia.Datasets;
using Cartesia.Emulator;
using Cartesia.PronunciationDictionaries;
using Cartesia.Tests.Support;
using Cartesia.Tts;
using Cartesia.Voices;

namespace Cartesia.Tests.Emulator.Persistence;

public sealed class EmulatorPersistenceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"cartesia-state-{Guid.NewGuid():N}");

    private static TtsRequest Voiced(string voiceId)
    {
        TtsRequest request = Requests.Bytes();
        request.Voice = voiceId;
        return request;
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task State_outlives_the_emulator_when_it_has_a_state_directory()
    {
        string voiceId;
        string datasetId;
        string dictionaryId;
        await using (CartesiaEmulator first = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { StateDirectory = _directory }))
        {
            using CartesiaClient client = first.CreateClient();
            voiceId = (await client.Voices.CloneAsync(new VoiceCloneRequest { Clip = CartesiaFile.FromBytes(Clips.Wav(), "clip.wav"), Name = "Kept", Language = "en" })).Id;
            datasetId = (await client.Datasets.CreateAsync(new DatasetCreateRequest { Name = "kept-set", Description = "d" })).Id;
            dictionaryId = (await client.PronunciationDictionaries.CreateAsync(new PronunciationDictionaryCreateRequest { Name = "kept-dict" })).Id;
            Assert.Equal(Path.Combine(_directory, "state.json"), first.StateFilePath);
        }

        await using CartesiaEmulator second = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { StateDirectory = _directory });
        using CartesiaClient again = second.CreateClient();

        Assert.Equal("Kept", (await again.Voices.GetAsync(voiceId)).Name);
        Assert.Equal("kept-set", (await again.Datasets.GetAsync(datasetId)).Name);
        Assert.Equal("kept-dict", (await again.PronunciationDictionaries.GetAsync(dictionaryId)).Name);
        byte[] audio = await again.Tts.GenerateBytesAsync(Voiced(voiceId));
        Assert.NotEmpty(audio);
        Assert.Null(second.StateNotice);
    }

    [Fact]
    public async Task Without_a_state_directory_nothing_is_kept()
    {
        string voiceId;
        await using (CartesiaEmulator first = await CartesiaEmulator.StartAsync())
        {
            using CartesiaClient client = first.CreateClient();
            voiceId = (await client.Voices.CloneAsync(new VoiceCloneRequest { Clip = CartesiaFile.FromBytes(Clips.Wav(), "clip.wav"), Name = "Gone", Language = "en" })).Id;
            Assert.Null(first.StateFilePath);
        }

        await using CartesiaEmulator second = await CartesiaEmulator.StartAsync();
        using CartesiaClient again = second.CreateClient();
        await Assert.ThrowsAsync<CartesiaNotFoundException>(() => again.Voices.GetAsync(voiceId));
    }

    [Fact]
    public async Task Two_emulators_on_one_directory_see_each_others_changes_and_lose_none_under_concurrency()
    {
        await using CartesiaEmulator a = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { StateDirectory = _directory });
        await using CartesiaEmulator b = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { StateDirectory = _directory });
        using CartesiaClient clientA = a.CreateClient();
        using CartesiaClient clientB = b.CreateClient();

        Task<VoiceMetadata>[] clones = [.. Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? clientA : clientB).Voices.CloneAsync(new VoiceCloneRequest { Clip = CartesiaFile.FromBytes(Clips.Wav(), "clip.wav"), Name = $"Concurrent {i}", Language = "en" }))];
        VoiceMetadata[] made = await Task.WhenAll(clones);

        List<Voice> seenByA = await clientA.Voices.ListAsync(new VoiceListOptions { IsOwner = true, Limit = 100 }).ToListAsync();
        List<Voice> seenByB = await clientB.Voices.ListAsync(new VoiceListOptions { IsOwner = true, Limit = 100 }).ToListAsync();
        Assert.All(made, m => Assert.Contains(seenByA, v => v.Id == m.Id));
        Assert.All(made, m => Assert.Contains(seenByB, v => v.Id == m.Id));
        await clientB.Tts.GenerateBytesAsync(Voiced(made[0].Id)); // made by a, spoken by b
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public async Task A_corrupt_state_file_is_moved_aside_and_named_never_overwritten()
    {
        Directory.CreateDirectory(_directory);
        string file = Path.Combine(_directory, "state.json");
        await File.WriteAllTextAsync(file, "{ \"voices\": [ { \"id\": \"my-precious-clone\", trunc");

        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { StateDirectory = _directory });
        using CartesiaClient client = emulator.CreateClient();

        string aside = Assert.Single(Directory.GetFiles(_directory, "state.json.corrupt-*"));
        Assert.Contains("my-precious-clone", await File.ReadAllTextAsync(aside), StringComparison.Ordinal);
        Assert.NotNull(emulator.StateNotice);
        Assert.Contains(file, emulator.StateNotice, StringComparison.Ordinal);
        Assert.Contains(aside, emulator.StateNotice, StringComparison.Ordinal);
        Assert.Equal("Barbershop Man", (await client.Voices.GetAsync(CartesiaEmulator.DefaultVoiceId)).Name);
        Assert.True(File.Exists(file)); // a fresh, readable state took its place
    }

    [Fact]
    public async Task Reset_forgets_the_state_even_under_a_running_emulator()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { StateDirectory = _directory });
        using CartesiaClient client = emulator.CreateClient();
        string voiceId = (await client.Voices.CloneAsync(new VoiceCloneRequest { Clip = CartesiaFile.FromBytes(Clips.Wav(), "clip.wav"), Name = "Doomed", Language = "en" })).Id;

        Assert.True(CartesiaEmulator.ResetState(_directory));
        Assert.False(CartesiaEmulator.ResetState(_directory));

        await Assert.ThrowsAsync<CartesiaNotFoundException>(() => client.Voices.GetAsync(voiceId));
        Assert.Equal("Barbershop Man", (await client.Voices.GetAsync(CartesiaEmulator.DefaultVoiceId)).Name);
    }

    [Theory]
    [InlineData("e07c00bc-4134-4eae-9ea4-1a55fb45746b")] // the Python SDK's quickstart
    [InlineData("a0e99841-438c-4a64-b679-ae501e7d6091")]
    [InlineData("f786b574-daa5-4673-aa0c-cbe3e8534c02")]
    [InlineData("db6b0ed5-d5d3-463d-ae85-518a07d3c2b4")]
    public async Task The_voices_of_the_official_examples_are_seeded(string voiceId)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        Voice voice = await client.Voices.GetAsync(voiceId);
        byte[] audio = await client.Tts.GenerateBytesAsync(Voiced(voiceId));

        Assert.False(string.IsNullOrEmpty(voice.Name));
        Assert.NotEmpty(audio);
    }

    [Fact]
    public async Task Users_add_their_own_voices_through_the_options()
    {
        var options = new CartesiaEmulatorOptions();
        options.Voices.Add(new EmulatorVoice { Id = "11111111-2222-3333-4444-555555555555", Name = "Our Brand Voice", Language = "de" });
        options.Voices.Add(EmulatorVoice.Parse("prod-voice-2:Support Bot"));
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(options);
        using CartesiaClient client = emulator.CreateClient();

        Voice brand = await client.Voices.GetAsync("11111111-2222-3333-4444-555555555555");
        Voice support = await client.Voices.GetAsync("prod-voice-2");
        await client.Tts.GenerateBytesAsync(Voiced("prod-voice-2"));

        Assert.Equal(("Our Brand Voice", Language.German), (brand.Name, brand.Language));
        Assert.Equal("Support Bot", support.Name);
        Assert.Throws<ArgumentException>(() => EmulatorVoice.Parse(":name only"));
    }

    [Fact]
    public async Task The_fine_tune_control_call_does_not_deadlock_on_the_state_lock()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { StateDirectory = _directory });
        using var http = new HttpClient { BaseAddress = emulator.BaseUri, Timeout = TimeSpan.FromSeconds(20) };

        using HttpResponseMessage response = await http.PostAsync("_emulator/fine-tunes/ft_missing/complete", content: null);

        Assert.True((int)response.StatusCode < 500, response.StatusCode.ToString());
        Assert.False(emulator.CompleteFineTune("ft_missing"));
    }
}
