using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.Tests.Support;
using Cartesia.Tts;
using Cartesia.Voices;

namespace Cartesia.Tests.Voices;

public class VoicesTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task List_pages_through_every_voice_with_the_last_id_as_cursor(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var options = new VoiceListOptions { Limit = 4 };

        List<Voice> voices = async ? await client.Voices.ListAsync(options).ToListAsync() : [.. client.Voices.List(options)];

        Assert.Equal(14, voices.Count);
        Assert.Equal(voices.Count, voices.Select(v => v.Id).Distinct().Count());
        IReadOnlyList<EmulatorRequest> sent = emulator.Journal.For("/voices");
        Assert.Equal(4, sent.Count); // 4 + 4 + 4 + 2, the last page says has_more: false, so no empty page is fetched
        Assert.Equal("?limit=4", sent[0].Query);
        Assert.Equal($"?limit=4&starting_after={voices[3].Id}", sent[1].Query);
        Assert.Equal($"?limit=4&starting_after={voices[7].Id}", sent[2].Query);
        Voice barbershop = voices.Single(v => v.Id == CartesiaEmulator.DefaultVoiceId);
        Assert.Equal("Barbershop Man", barbershop.Name);
        Assert.Equal(VoiceAccess.Public, barbershop.Access);
        Assert.Equal(VoiceVisibility.All, barbershop.Visibility);
        Assert.Equal(VoiceAccent.GeneralAmerican, barbershop.Accent);
        Assert.Equal(GenderPresentation.Masculine, barbershop.Gender);
        Assert.Equal("en-US", Assert.Single(barbershop.Locales).Locale);
        Assert.Equal(Language.English, barbershop.Language);
        Assert.Null(barbershop.AdditionalProperties);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task List_sends_every_filter_and_the_emulator_applies_them(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var options = new VoiceListOptions { Query = "lady", Gender = GenderPresentation.Feminine, IsOwner = false, Language = "en_GB", Expand = { VoiceExpand.PreviewFileUrl } };

        List<Voice> voices = async ? await client.Voices.ListAsync(options).ToListAsync() : [.. client.Voices.List(options)];

        Voice voice = Assert.Single(voices);
        Assert.Equal("British Lady", voice.Name);
        Assert.StartsWith(emulator.BaseUri.ToString(), voice.PreviewFileUrl, StringComparison.Ordinal);
        Assert.Equal("?q=lady&is_owner=false&gender=feminine&language=en_GB&expand%5B%5D=preview_file_url", emulator.Journal.For("/voices").Single().Query);
    }

    [Fact]
    public async Task Pages_expose_has_more_next_page_and_the_response()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        List<CartesiaPage<Voice>> pages = [];
        await foreach (CartesiaPage<Voice> page in client.Voices.ListAsync(new VoiceListOptions { Limit = 5 }).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal([5, 5, 4], pages.Select(p => p.Data.Count));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore!.Value));
        Assert.Equal(pages[0].Data[^1].Id, pages[0].NextPage);
        Assert.Null(pages[2].NextPage);
        Assert.All(pages, p => Assert.Equal(200, p.Response!.StatusCode));
        Assert.NotNull(pages[1].Response!.RequestId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Get_update_with_a_null_gender_and_delete_a_clone(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var clone = new VoiceCloneRequest { Clip = CartesiaFile.FromBytes(Clips.Wav(), "me.wav"), Name = "Me", Language = Language.English };
        VoiceMetadata created = async ? await client.Voices.CloneAsync(clone) : client.Voices.Clone(clone);

        Voice renamed = async
            ? await client.Voices.UpdateAsync(created.Id, new VoiceUpdateRequest { Name = "Me, renamed", Gender = GenderPresentation.Feminine, Accent = VoiceAccent.British })
            : client.Voices.Update(created.Id, new VoiceUpdateRequest { Name = "Me, renamed", Gender = GenderPresentation.Feminine, Accent = VoiceAccent.British });
        Voice reset = async
            ? await client.Voices.UpdateAsync(created.Id, new VoiceUpdateRequest { Gender = null })
            : client.Voices.Update(created.Id, new VoiceUpdateRequest { Gender = null });
        Voice described = async
            ? await client.Voices.UpdateAsync(created.Id, new VoiceUpdateRequest { Description = "Still me." })
            : client.Voices.Update(created.Id, new VoiceUpdateRequest { Description = "Still me." });
        Voice fetched = async ? await client.Voices.GetAsync(created.Id) : client.Voices.Get(created.Id);
        CartesiaResponseInfo deleted = async ? await client.Voices.DeleteAsync(created.Id) : client.Voices.Delete(created.Id);

        Assert.Equal(("Me, renamed", GenderPresentation.Feminine, VoiceAccent.British), (renamed.Name, renamed.Gender, renamed.Accent));
        Assert.Null(reset.Gender);
        Assert.Equal("Me, renamed", reset.Name);
        Assert.Equal("Still me.", described.Description);
        Assert.Equal(("Still me.", (GenderPresentation?)null, true, VoiceAccess.Private), (fetched.Description, fetched.Gender, fetched.IsOwner, fetched.Access));
        Assert.Equal(204, deleted.StatusCode);
        List<EmulatorRequest> patches = emulator.Journal.For($"/voices/{created.Id}").Where(r => r.Method == "PATCH").ToList();
        Assert.Equal("{\"name\":\"Me, renamed\",\"gender\":\"feminine\",\"accent\":\"british\"}", patches[0].BodyText);
        Assert.Equal("{\"gender\":null}", patches[1].BodyText);
        Assert.Equal("{\"description\":\"Still me.\"}", patches[2].BodyText);
        await Assert.ThrowsAsync<CartesiaNotFoundException>(() => client.Voices.GetAsync(created.Id));
    }

    [Theory]
    [InlineData(true, "path")]
    [InlineData(false, "path")]
    [InlineData(true, "stream")]
    [InlineData(false, "bytes")]
    public async Task Clone_sends_every_field_as_a_multipart_part_and_the_clone_speaks(bool async, string source)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        byte[] wav = Clips.Wav("My own voice.");
        string path = Path.Combine(Path.GetTempPath(), $"clip-{Guid.NewGuid():N}.wav");
        await File.WriteAllBytesAsync(path, wav);
        using var stream = new MemoryStream(wav);
        CartesiaFile clip = source switch
        {
            "path" => CartesiaFile.FromPath(path),
            "stream" => CartesiaFile.FromStream(stream, "from-stream.wav"),
            _ => CartesiaFile.FromBytes(wav, "from-bytes.wav"),
        };
        var request = new VoiceCloneRequest
        {
            Clip = clip,
            Name = "Studio clone",
            Language = Language.English,
            Description = "Cloned in a test.",
            BaseVoiceId = CartesiaEmulator.DefaultVoiceId,
            Accent = VoiceAccent.SouthernUs,
        };

        VoiceMetadata created = async ? await client.Voices.CloneAsync(request) : client.Voices.Clone(request);

        Assert.Equal(("Studio clone", "Cloned in a test.", Language.English, VoiceAccess.Private, VoiceVisibility.Owner), (created.Name, created.Description, created.Language, created.Access, created.Visibility));
        Assert.False(string.IsNullOrEmpty(created.UserId));
        EmulatorRequest sent = emulator.Journal.For("/voices/clone").Single();
        Assert.StartsWith("multipart/form-data; boundary=", sent.Header("Content-Type"), StringComparison.Ordinal);
        IReadOnlyList<EmulatorFormPart> parts = sent.FormParts();
        Assert.Equal(["clip", "name", "language", "description", "base_voice_id", "accent"], parts.Select(p => p.Name));
        EmulatorFormPart clipPart = parts[0];
        Assert.Equal(source switch { "path" => Path.GetFileName(path), "stream" => "from-stream.wav", _ => "from-bytes.wav" }, clipPart.FileName);
        Assert.Equal("audio/wav", clipPart.ContentType);
        Assert.Equal(wav, clipPart.Content);
        Assert.Equal(["Studio clone", "en", "Cloned in a test.", CartesiaEmulator.DefaultVoiceId, "southern-us"], parts.Skip(1).Select(p => p.Text));
        Assert.All(parts.Skip(1), p => Assert.Null(p.ContentType));

        // The clone is a real voice: TTS speaks with it.
        byte[] audio = await client.Tts.GenerateBytesAsync(new TtsRequest { ModelId = TtsModel.Sonic3, Transcript = "Cloned and speaking.", Voice = created.Id, OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000) });
        Assert.Equal("Cloned and speaking.", Clips.Words(audio, AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000)));
        File.Delete(path);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Localize_makes_a_new_voice_in_the_accent_that_speaks(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var request = new VoiceLocalizeRequest { VoiceId = CartesiaEmulator.DefaultVoiceId, Name = "Barbershop Man (Paris)", Accent = VoiceAccent.Parisian, Tagline = "Bonjour" };

        VoiceMetadata localized = async ? await client.Voices.LocalizeAsync(request) : client.Voices.Localize(request);
        Voice voice = await client.Voices.GetAsync(localized.Id);

        Assert.NotEqual(CartesiaEmulator.DefaultVoiceId, localized.Id);
        Assert.Equal(Language.French, localized.Language);
        Assert.Equal("Bonjour", localized.Tagline);
        Assert.Equal((VoiceAccent.Parisian, "fr-FR"), (voice.Accent, voice.Locales[0].Locale));
        Assert.Equal("{\"voice_id\":\"a0e99841-438c-4a64-b679-ae501e7d6091\",\"name\":\"Barbershop Man (Paris)\",\"accent\":\"parisian\",\"tagline\":\"Bonjour\"}", emulator.Journal.For("/voices/localize").Single().BodyText);
        byte[] audio = await client.Tts.GenerateBytesAsync(new TtsRequest { ModelId = TtsModel.Sonic3, Transcript = "Bonjour tout le monde.", Voice = localized.Id, Language = Language.French, OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 16000) });
        Assert.Equal("Bonjour tout le monde.", Clips.Words(audio, AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 16000)));
    }

    [Fact]
    public async Task Localize_on_an_older_api_version_takes_language_and_gender()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { ApiVersion = CartesiaApiVersion.V2025_11_04 });

        VoiceMetadata localized = await client.Voices.LocalizeAsync(new VoiceLocalizeRequest
        {
            VoiceId = CartesiaEmulator.DefaultVoiceId,
            Name = "Barbershop Man (UK)",
            Description = "British.",
            Language = Language.English,
            Dialect = LocalizeDialect.British,
            OriginalSpeakerGender = Gender.Male,
        });

        Assert.False(localized.IsPublic);
        Assert.Null(localized.Access);
        var error = Assert.Throws<ArgumentException>(() => client.Voices.Localize(new VoiceLocalizeRequest { VoiceId = "v", Name = "n", Accent = VoiceAccent.British }));
        Assert.Contains("2026-08-14", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Accents_list_add_and_remove(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        VoiceMetadata mine = await client.Voices.CloneAsync(new VoiceCloneRequest { Clip = CartesiaFile.FromBytes(Clips.Wav(), "c.wav"), Name = "Mine", Language = Language.English });

        CartesiaList<Accent> accents = async ? await client.Voices.ListAccentsAsync() : client.Voices.ListAccents();
        Voice added = async ? await client.Voices.AddAccentsAsync(mine.Id, [VoiceAccent.British, VoiceAccent.Parisian]) : client.Voices.AddAccents(mine.Id, [VoiceAccent.British, VoiceAccent.Parisian]);
        Voice removed = async ? await client.Voices.RemoveAccentAsync(mine.Id, VoiceAccent.British) : client.Voices.RemoveAccent(mine.Id, VoiceAccent.British);

        Assert.Equal(accents.Select(a => a.Id.Value).Order(StringComparer.Ordinal), accents.Select(a => a.Id.Value));
        Accent british = accents.Single(a => a.Id == VoiceAccent.British);
        Assert.Equal(("British English", Language.English, "en-GB", true), (british.Name, british.Language, british.Locale, british.IsLocalizable));
        Assert.Equal(200, accents.Response!.StatusCode);
        Assert.Equal(["en-US", "en-GB", "fr-FR"], added.Locales.Select(l => l.Locale));
        Assert.True(added.Locales[0].IsNative);
        Assert.Equal(["en-US", "fr-FR"], removed.Locales.Select(l => l.Locale));
        Assert.Equal("{\"accents\":[\"british\",\"parisian\"]}", emulator.Journal.For($"/voices/{mine.Id}/accents").Single().BodyText);
        Assert.Single(emulator.Journal.For($"/voices/{mine.Id}/accents/british"), r => r.Method == "DELETE");
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("../voices")]
    [InlineData("x?y")]
    [InlineData("frag#ment")]
    [InlineData("100%")]
    public async Task Ids_are_escaped_so_they_cannot_reach_another_endpoint(string id)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<CartesiaNotFoundException>(() => client.Voices.GetAsync(id));
        Assert.Throws<CartesiaNotFoundException>(() => client.Voices.Delete(id));

        Assert.Equal("voice_not_found", error.ErrorCode);
        Assert.Contains($"'{id}'", error.ErrorMessage, StringComparison.Ordinal);
        // The server saw one segment under /voices (it decodes every escape but %2F).
        Assert.All(emulator.Journal.Requests, r => Assert.Equal("/voices/" + id.Replace("/", "%2F", StringComparison.Ordinal), r.Path));
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData(" padded")]
    public void Dot_segments_and_blank_ids_are_refused_before_anything_is_sent(string id)
    {
        using var client = new CartesiaClient("sk_car_test", new CartesiaClientOptions { BaseUri = new Uri("http://127.0.0.1:9/") });

        var error = Assert.ThrowsAny<ArgumentException>(() => client.Voices.Get(id));

        Assert.Equal("voiceId", error.ParamName);
    }

    [Fact]
    public async Task Bad_requests_are_refused_locally_with_the_field_named()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        string missing = Path.Combine(Path.GetTempPath(), "no-such-clip.wav");

        var noFile = await Assert.ThrowsAsync<ArgumentException>(() => client.Voices.CloneAsync(new VoiceCloneRequest { Clip = CartesiaFile.FromPath(missing), Name = "x", Language = Language.English }));
        var noName = Assert.Throws<ArgumentException>(() => client.Voices.Clone(new VoiceCloneRequest { Clip = CartesiaFile.FromBytes(Clips.Wav(), "c.wav"), Name = " ", Language = Language.English }));
        var nothing = Assert.Throws<ArgumentException>(() => client.Voices.Update("v", new VoiceUpdateRequest()));
        var noAccent = Assert.Throws<ArgumentException>(() => client.Voices.Localize(new VoiceLocalizeRequest { VoiceId = "v", Name = "n" }));
        var tooMany = Assert.Throws<ArgumentException>(() => client.Voices.AddAccents("v", Enumerable.Repeat(VoiceAccent.British, 11)));
        var badLimit = Assert.Throws<ArgumentOutOfRangeException>(() => client.Voices.List(new VoiceListOptions { Limit = 101 }));

        Assert.Contains("VoiceCloneRequest.Clip (clip)", noFile.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", noFile.Message, StringComparison.Ordinal);
        Assert.Contains("VoiceCloneRequest.Name (name)", noName.Message, StringComparison.Ordinal);
        Assert.Contains("sets nothing", nothing.Message, StringComparison.Ordinal);
        Assert.Contains("VoiceLocalizeRequest.Accent (accent)", noAccent.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 10", tooMany.Message, StringComparison.Ordinal);
        Assert.Contains("VoiceListOptions.Limit", badLimit.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.Requests);
    }

    [Theory]
    [InlineData("2026-08-14")]
    [InlineData("2025-11-04")]
    public async Task Service_errors_arrive_typed_in_both_error_formats(string version)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { ApiVersion = version });

        var notFound = await Assert.ThrowsAsync<CartesiaNotFoundException>(() => client.Voices.GetAsync("no-such-voice"));
        var forbidden = Assert.Throws<CartesiaPermissionDeniedException>(() => client.Voices.Delete(CartesiaEmulator.DefaultVoiceId));
        var badAccent = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Voices.CloneAsync(new VoiceCloneRequest { Clip = CartesiaFile.FromBytes(Clips.Wav(), "c.wav"), Name = "x", Language = "xx" }));

        Assert.Equal("Voice not found", notFound.Title);
        Assert.Contains("no-such-voice", notFound.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("Forbidden", forbidden.Title);
        Assert.Equal("Invalid language", badAccent.Title);
        Assert.Equal(version == "2026-08-14" ? "voice_not_found" : null, notFound.ErrorCode);
    }

    [Fact]
    public async Task An_update_round_trips_unknown_fields_of_the_request()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        VoiceMetadata mine = await client.Voices.CloneAsync(new VoiceCloneRequest { Clip = CartesiaFile.FromBytes(Clips.Wav(), "c.wav"), Name = "Mine", Language = Language.English });
        var request = new VoiceUpdateRequest { AdditionalProperties = new Dictionary<string, JsonElement> { ["future_field"] = JsonElement.Parse("42") } };

        await client.Voices.UpdateAsync(mine.Id, request);

        Assert.Equal("{\"future_field\":42}", emulator.Journal.Requests[^1].BodyText);
    }
}
