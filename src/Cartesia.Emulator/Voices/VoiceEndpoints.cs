using System.Text.Json;
using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Uploads;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Speech;
using Cartesia.Emulator.Tts;

namespace Cartesia.Emulator.Voices;

/// <summary>
/// <c>/voices</c> (list, get, update, delete, clone, localize, accents) and <c>GET /accents</c>, over the emulator's
/// catalogue and the account's own voices.
/// </summary>
internal static class VoiceEndpoints
{
    private static readonly HashSet<string> Genders = new(StringComparer.Ordinal) { "masculine", "feminine", "gender_neutral" };
    private static readonly HashSet<string> LocalizeLanguages = new(StringComparer.Ordinal) { "en", "de", "es", "fr", "ja", "pt", "zh", "hi", "it", "ko", "nl", "pl", "ru", "sv", "tr", "ar", "he", "ta", "te", "th" };
    private static readonly Dictionary<string, string[]> Dialects = new(StringComparer.Ordinal)
    {
        ["en"] = ["au", "in", "so", "uk", "us"],
        ["es"] = ["mx", "pe"],
        ["pt"] = ["br", "eu"],
        ["fr"] = ["eu", "ca"],
    };

    public static void Map(WebApplication app)
    {
        app.MapGet("/voices", ListAsync);
        app.MapPost("/voices/clone", CloneAsync);
        app.MapPost("/voices/localize", LocalizeAsync);
        app.MapGet("/voices/{id}", GetAsync);
        app.MapPatch("/voices/{id}", UpdateAsync);
        app.MapDelete("/voices/{id}", DeleteAsync);
        app.MapGet("/voices/{id}/preview", PreviewAsync);
        app.MapPatch("/voices/{id}/accents", AddAccentsAsync);
        app.MapDelete("/voices/{id}/accents/{accent}", RemoveAccentAsync);
        app.MapGet("/accents", AccentsAsync);
    }

    /// <summary>The voice with an id, or a 404 naming it.</summary>
    public static VoiceRecord Find(EmulatorState state, string id)
        => state.Voices.Find(id) ?? throw new ApiError(404, "voice_not_found", "Voice not found", $"Voice '{id}' was not found.");

    private static Task ListAsync(HttpContext context)
    {
        (ApiContext api, EmulatorState state) = Begin(context);
        IQueryCollection query = context.Request.Query;
        IEnumerable<VoiceRecord> voices = state.Voices.All;
        if (query["q"].ToString() is { Length: > 0 } q)
        {
            voices = voices.Where(v => v.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || v.Description.Contains(q, StringComparison.OrdinalIgnoreCase) || v.Id.Contains(q, StringComparison.OrdinalIgnoreCase));
        }

        if (query["is_owner"].ToString() is { Length: > 0 } owner)
        {
            bool isOwner = owner switch
            {
                "true" => true,
                "false" => false,
                _ => throw ApiError.Invalid($"is_owner must be true or false; '{owner}' is not."),
            };
            voices = voices.Where(v => v.IsOwner == isOwner);
        }

        if (query["gender"].ToString() is { Length: > 0 } gender)
        {
            voices = voices.Where(v => v.Gender == (Genders.Contains(gender) ? gender : throw ApiError.Invalid($"gender '{gender}' is not one of masculine, feminine, gender_neutral.")));
        }

        if (query["language"].ToString() is { Length: > 0 } language)
        {
            string normalized = language.Replace('_', '-');
            voices = normalized.Contains('-', StringComparison.Ordinal)
                ? voices.Where(v => v.Locales.Contains(normalized, StringComparer.OrdinalIgnoreCase))
                : voices.Where(v => v.Language == normalized);
        }

        string? preview = PreviewBase(context, query["expand[]"]);
        Page<VoiceRecord> page = Paging.Apply(context.Request, voices.ToList(), v => v.Id);
        return JsonReply.WriteAsync(context, w => page.Write(w, (w2, v) => VoiceJson.Write(w2, v, api.Version, preview)));
    }

    private static Task GetAsync(HttpContext context, string id)
    {
        (ApiContext api, EmulatorState state) = Begin(context);
        VoiceRecord voice = Find(state, RouteIds.Decode(id));
        string? preview = PreviewBase(context, context.Request.Query["expand[]"]);
        return JsonReply.WriteAsync(context, w => VoiceJson.Write(w, voice, api.Version, preview));
    }

    private static Task UpdateAsync(HttpContext context, string id)
    {
        (ApiContext api, EmulatorState state) = Begin(context);
        VoiceRecord voice = Owned(Find(state, RouteIds.Decode(id)), "update");
        JsonElement body = RequestJson.Object(api);
        VoiceRecord updated = voice;
        if (RequestJson.Optional(body, "name") is { } name)
        {
            updated = updated with { Name = string.IsNullOrWhiteSpace(name) ? throw new ApiError(422, "invalid_request", "Invalid request", "'name' must not be empty.") : name };
        }

        if (RequestJson.Optional(body, "description") is { } description)
        {
            updated = updated with { Description = description };
        }

        if (RequestJson.Has(body, "gender"))
        {
            string? gender = RequestJson.Optional(body, "gender");
            updated = updated with { Gender = gender is null || Genders.Contains(gender) ? gender : throw ApiError.Invalid($"gender '{gender}' is not one of masculine, feminine, gender_neutral.") };
        }

        if (RequestJson.Optional(body, "accent") is { } accent)
        {
            AccentRecord record = KnownAccent(accent);
            updated = updated with { Accent = record.Id };
        }

        state.Voices.Put(updated);
        return JsonReply.WriteAsync(context, w => VoiceJson.Write(w, updated, api.Version));
    }

    private static Task DeleteAsync(HttpContext context, string id)
    {
        (_, EmulatorState state) = Begin(context);
        VoiceRecord voice = Owned(Find(state, RouteIds.Decode(id)), "delete");
        state.Voices.Remove(voice.Id);
        return JsonReply.NoContentAsync(context);
    }

    private static Task CloneAsync(HttpContext context)
    {
        (ApiContext api, EmulatorState state) = Begin(context);
        FormRequest form = FormRequest.Read(api);
        UploadedPart clip = form.File("clip") ?? throw new ApiError(422, "invalid_request", "Invalid request", "'clip' (an audio file) is required.");
        if (clip.Length > 0 && ClipDecoder.IsWav(clip))
        {
            HeardAudio heard = ClipDecoder.Listen(clip, "clip");
            if (heard.Samples < heard.SampleRate / 2)
            {
                throw ApiError.BadRequest("Clip too short", "The clip must hold at least half a second of speech (3 to 10 seconds works best).");
            }
        }

        string name = form.RequiredText("name");
        string language = form.RequiredText("language");
        if (!ModelCatalog.TtsLanguages.Contains(language))
        {
            throw ApiError.BadRequest("Invalid language", $"'{language}' is not a supported language.");
        }

        if (form.Text("base_voice_id") is { Length: > 0 } baseVoice)
        {
            _ = state.Voices.Find(baseVoice) ?? throw new ApiError(400, "voice_not_found", "Invalid voice", $"Base voice '{baseVoice}' was not found.");
        }

        AccentRecord? accent = form.Text("accent") is { Length: > 0 } accentId ? KnownAccent(accentId) : AccentCatalog.DefaultFor(language);
        var voice = new VoiceRecord
        {
            Id = Guid.NewGuid().ToString(),
            Name = name,
            Description = form.Text("description") ?? string.Empty,
            Language = language,
            Accent = accent?.Id,
            Locales = [accent?.Language == language ? accent.Locale : language + "-" + language.ToUpperInvariant()],
            IsOwner = true,
            IsPublic = false,
            UserId = EmulatorState.UserId,
            CreatedAt = state.Now,
        };
        state.Voices.Put(voice);
        return JsonReply.WriteAsync(context, w => VoiceJson.WriteMetadata(w, voice, api.Version));
    }

    private static Task LocalizeAsync(HttpContext context)
    {
        (ApiContext api, EmulatorState state) = Begin(context);
        JsonElement body = RequestJson.Object(api);
        string voiceId = RequestJson.Required(body, "voice_id");
        string name = RequestJson.Required(body, "name");
        VoiceRecord source = state.Voices.Find(voiceId) ?? throw new ApiError(400, "voice_not_found", "Invalid voice", $"Voice '{voiceId}' was not found.");
        if (source.TrainedModelId is not null)
        {
            throw ApiError.BadRequest("Localization not supported", "Pro Voice Clones cannot be localized.");
        }

        string language, locale;
        string? accentId = null;
        string tagline = string.Empty;
        if (VoiceJson.IsCurrent(api.Version))
        {
            AccentRecord accent = KnownAccent(RequestJson.Required(body, "accent"));
            if (!accent.IsLocalizable)
            {
                throw ApiError.BadRequest("Accent not localizable", $"Voices cannot be localized to '{accent.Id}'; pick an accent with is_localizable true (GET /accents).");
            }

            tagline = RequestJson.Optional(body, "tagline") ?? string.Empty;
            if (tagline.Length > 32)
            {
                throw ApiError.Invalid("'tagline' must be at most 32 characters.");
            }

            (language, locale, accentId) = (accent.Language, accent.Locale, accent.Id);
        }
        else
        {
            language = RequestJson.Required(body, "language");
            _ = RequestJson.Required(body, "description");
            string gender = RequestJson.Required(body, "original_speaker_gender");
            if (!LocalizeLanguages.Contains(language) || gender is not ("male" or "female"))
            {
                throw ApiError.Invalid($"language '{language}' or original_speaker_gender '{gender}' is not supported.");
            }

            string? dialect = RequestJson.Optional(body, "dialect");
            if (dialect is not null && (!Dialects.TryGetValue(language, out string[]? allowed) || !allowed.Contains(dialect)))
            {
                throw ApiError.Invalid($"dialect '{dialect}' is not available for language '{language}'.");
            }

            locale = language + "-" + language.ToUpperInvariant();
        }

        var voice = new VoiceRecord
        {
            Id = Guid.NewGuid().ToString(),
            Name = name,
            Tagline = tagline,
            Description = RequestJson.Optional(body, "description") ?? string.Empty,
            Language = language,
            Accent = accentId,
            Locales = [locale],
            Gender = source.Gender,
            IsOwner = true,
            IsPublic = false,
            UserId = EmulatorState.UserId,
            CreatedAt = state.Now,
        };
        state.Voices.Put(voice);
        return JsonReply.WriteAsync(context, w => VoiceJson.WriteMetadata(w, voice, api.Version));
    }

    private static Task AccentsAsync(HttpContext context)
    {
        _ = Begin(context);
        return JsonReply.WriteAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("accents");
            foreach (AccentRecord accent in AccentCatalog.All)
            {
                VoiceJson.WriteAccent(w, accent);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static Task AddAccentsAsync(HttpContext context, string id)
    {
        (ApiContext api, EmulatorState state) = Begin(context);
        VoiceRecord voice = Owned(Find(state, RouteIds.Decode(id)), "change the accents of");
        JsonElement body = RequestJson.Object(api);
        List<string> requested = RequestJson.OptionalStrings(body, "accents") ?? throw new ApiError(422, "invalid_request", "Invalid request", "'accents' (an array of accent ids) is required.");
        var attached = voice.AttachedAccents.ToList();
        foreach (string accentId in requested)
        {
            AccentRecord accent = KnownAccent(accentId);
            if (accent.Id != voice.Accent && !attached.Contains(accent.Id))
            {
                attached.Add(accent.Id);
            }
        }

        if (attached.Count + 1 > 10)
        {
            throw ApiError.BadRequest("Too many accents", $"A voice can have at most 10 accents, its native one included; this would make {attached.Count + 1}.");
        }

        VoiceRecord updated = voice with { AttachedAccents = attached, Locales = LocalesOf(voice, attached) };
        state.Voices.Put(updated);
        return JsonReply.WriteAsync(context, w => VoiceJson.Write(w, updated, api.Version));
    }

    private static Task RemoveAccentAsync(HttpContext context, string id, string accent)
    {
        (ApiContext api, EmulatorState state) = Begin(context);
        VoiceRecord voice = Owned(Find(state, RouteIds.Decode(id)), "change the accents of");
        string accentId = RouteIds.Decode(accent);
        if (accentId == voice.Accent)
        {
            throw ApiError.BadRequest("Native accent", $"'{accentId}' is the voice's native accent and cannot be removed.");
        }

        if (!voice.AttachedAccents.Contains(accentId))
        {
            throw ApiError.NotFound($"Accent '{accentId}' is not attached to voice '{voice.Id}'.");
        }

        var attached = voice.AttachedAccents.Where(a => a != accentId).ToList();
        VoiceRecord updated = voice with { AttachedAccents = attached, Locales = LocalesOf(voice, attached) };
        state.Voices.Put(updated);
        return JsonReply.WriteAsync(context, w => VoiceJson.Write(w, updated, api.Version));
    }

    private static async Task PreviewAsync(HttpContext context, string id)
    {
        (_, EmulatorState state) = Begin(context);
        VoiceRecord voice = Find(state, RouteIds.Decode(id));
        var output = new OutputSpec("wav", "pcm_s16le", 16000, null);
        byte[] audio = AudioRenderer.Render(SpeechSynthesizer.Synthesize($"This is {voice.Name}.", output.SampleRate), output);
        context.Response.ContentType = "audio/wav";
        await context.Response.Body.WriteAsync(audio, context.RequestAborted).ConfigureAwait(false);
    }

    private static List<string> LocalesOf(VoiceRecord voice, IEnumerable<string> attached)
    {
        var locales = new List<string> { voice.Locales.Count > 0 ? voice.Locales[0] : voice.Language + "-" + voice.Language.ToUpperInvariant() };
        foreach (string accentId in attached)
        {
            if (AccentCatalog.Find(accentId) is { } accent && !locales.Contains(accent.Locale))
            {
                locales.Add(accent.Locale);
            }
        }

        return locales;
    }

    private static AccentRecord KnownAccent(string id)
        => AccentCatalog.Find(id) ?? throw ApiError.BadRequest("Invalid accent", $"'{id}' is not an accent id of the catalogue (GET /accents); display names are not accepted.", "accent_not_found");

    private static VoiceRecord Owned(VoiceRecord voice, string action)
        => voice.IsOwner ? voice : throw new ApiError(403, "forbidden", "Forbidden", $"You can only {action} voices you own; '{voice.Id}' is a public voice.");

    private static string? PreviewBase(HttpContext context, Microsoft.Extensions.Primitives.StringValues expand)
    {
        bool preview = false;
        foreach (string? value in expand)
        {
            preview |= value == "preview_file_url" ? true : throw ApiError.Invalid($"expand[] '{value}' is not supported; the only value is preview_file_url.");
        }

        return preview ? $"{context.Request.Scheme}://{context.Request.Host}/" : null;
    }

    private static (ApiContext Api, EmulatorState State) Begin(HttpContext context)
        => (ApiContext.Get(context), context.RequestServices.GetRequiredService<CartesiaEmulator>().State);
}
