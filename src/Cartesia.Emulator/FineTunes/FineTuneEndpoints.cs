using System.Text.Json;
using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Datasets;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Voices;

namespace Cartesia.Emulator.FineTunes;

/// <summary>
/// <c>/fine-tunes/</c>: a fine-tune is <c>created</c>, then <c>training</c>, then <c>completed</c> as time passes (or
/// when a control call settles it); on completion it makes four Pro Voice Clones that need its dated model.
/// </summary>
internal static class FineTuneEndpoints
{
    /// <summary>The base models a fine-tune may start from.</summary>
    public static IReadOnlySet<string> BaseModels { get; } = new HashSet<string>(StringComparer.Ordinal) { "sonic-3-2026-01-12", "sonic-3-2025-10-27" };

    public static void Map(WebApplication app)
    {
        app.MapGet("/fine-tunes", ListAsync);
        app.MapPost("/fine-tunes", CreateAsync);
        app.MapGet("/fine-tunes/{id}", GetAsync);
        app.MapDelete("/fine-tunes/{id}", DeleteAsync);
        app.MapGet("/fine-tunes/{id}/voices", ListVoicesAsync);
    }

    /// <summary>The status now, making the voices of a fine-tune that just completed.</summary>
    public static string StatusOf(EmulatorState state, FineTuneRecord fineTune)
    {
        TimeSpan elapsed = state.Now - fineTune.CreatedAt;
        string status = fineTune.SettledStatus
            ?? (elapsed < state.FineTuneTrainingTime / 4 ? "created" : elapsed < state.FineTuneTrainingTime ? "training" : "completed");
        if (status == "completed" && !fineTune.VoicesCreated)
        {
            lock (fineTune)
            {
                if (state.FineTunes.Find(fineTune.Id) is { VoicesCreated: false } current)
                {
                    MakeVoices(state, current);
                    state.FineTunes.Put(current with { VoicesCreated = true });
                }
            }
        }

        return status;
    }

    /// <summary>Settles a fine-tune now (the control API and <see cref="CartesiaEmulator.CompleteFineTune"/>).</summary>
    public static bool Settle(EmulatorState state, string id, bool failed)
    {
        if (state.FineTunes.Find(id) is not { } fineTune)
        {
            return false;
        }

        FineTuneRecord settled = fineTune with { SettledStatus = failed ? "failed" : "completed" };
        state.FineTunes.Put(settled);
        _ = StatusOf(state, settled);
        return true;
    }

    private static void MakeVoices(EmulatorState state, FineTuneRecord fineTune)
    {
        AccentRecord? accent = fineTune.Accent is { } a ? AccentCatalog.Find(a) : AccentCatalog.DefaultFor(fineTune.Language);
        for (int i = 1; i <= 4; i++)
        {
            state.Voices.Put(new VoiceRecord
            {
                Id = Guid.NewGuid().ToString(),
                Name = $"{fineTune.Name} {i}",
                Description = $"Pro Voice Clone {i} of fine-tune {fineTune.Name}.",
                Language = fineTune.Language,
                Accent = accent?.Id,
                Locales = [accent?.Language == fineTune.Language ? accent.Locale : fineTune.Language + "-" + fineTune.Language.ToUpperInvariant()],
                IsOwner = true,
                IsPublic = false,
                UserId = EmulatorState.UserId,
                TrainedModelId = fineTune.ModelId,
                FineTuneId = fineTune.Id,
                CreatedAt = state.Now.AddMilliseconds(i),
            });
        }
    }

    private static FineTuneRecord Find(EmulatorState state, string id)
        => state.FineTunes.Find(id) ?? throw new ApiError(404, "fine_tune_not_found", "Fine-tune not found", $"Fine-tune '{id}' was not found.");

    private static Task ListAsync(HttpContext context)
    {
        (ApiContext api, EmulatorState state) = ApiHandler.Begin(context);
        Page<FineTuneRecord> page = Paging.Apply(context.Request, state.FineTunes.All, f => f.Id);
        return JsonReply.WriteAsync(context, w => page.Write(w, (w2, f) => Write(w2, f, StatusOf(state, f), api.Version)));
    }

    private static Task CreateAsync(HttpContext context)
    {
        (ApiContext api, EmulatorState state) = ApiHandler.Begin(context);
        JsonElement body = RequestJson.Object(api);
        string name = RequestJson.Required(body, "name");
        string description = RequestJson.Optional(body, "description") ?? throw new ApiError(422, "invalid_request", "Invalid request", "'description' is required.");
        string language = RequestJson.Required(body, "language");
        string model = RequestJson.Required(body, "model_id");
        string datasetId = RequestJson.Required(body, "dataset");
        if (!ModelCatalog.TtsLanguages.Contains(language))
        {
            throw ApiError.BadRequest("Invalid language", $"'{language}' is not a supported language.");
        }

        if (!BaseModels.Contains(model))
        {
            throw new ApiError(400, "model_not_found", "Invalid model", $"'{model}' is not a fine-tune base model; use a dated model such as sonic-3-2026-01-12.");
        }

        DatasetRecord dataset = state.Datasets.Find(datasetId) ?? throw ApiError.BadRequest("Invalid dataset", $"Dataset '{datasetId}' was not found.", "dataset_not_found");
        if (dataset.Files.Count == 0)
        {
            throw ApiError.BadRequest("Empty dataset", $"Dataset '{datasetId}' has no files; upload audio first.");
        }

        string? accent = RequestJson.Optional(body, "accent");
        if (accent is not null && AccentCatalog.Find(accent) is null)
        {
            throw ApiError.BadRequest("Invalid accent", $"'{accent}' is not an accent id of the catalogue.", "accent_not_found");
        }

        var fineTune = new FineTuneRecord(RouteIds.New("ft"), name, description, language, model, dataset.Id, accent, state.Now);
        state.FineTunes.Put(fineTune);
        return JsonReply.WriteAsync(context, w => Write(w, fineTune, StatusOf(state, fineTune), api.Version));
    }

    private static Task GetAsync(HttpContext context, string id)
    {
        (ApiContext api, EmulatorState state) = ApiHandler.Begin(context);
        FineTuneRecord fineTune = Find(state, RouteIds.Decode(id));
        string status = StatusOf(state, fineTune);
        return JsonReply.WriteAsync(context, w => Write(w, fineTune, status, api.Version));
    }

    private static Task DeleteAsync(HttpContext context, string id)
    {
        (_, EmulatorState state) = ApiHandler.Begin(context);
        FineTuneRecord fineTune = Find(state, RouteIds.Decode(id));
        state.FineTunes.Remove(fineTune.Id);
        foreach (VoiceRecord voice in state.Voices.All.Where(v => v.FineTuneId == fineTune.Id).ToList())
        {
            state.Voices.Remove(voice.Id);
        }

        return JsonReply.NoContentAsync(context);
    }

    private static Task ListVoicesAsync(HttpContext context, string id)
    {
        (ApiContext api, EmulatorState state) = ApiHandler.Begin(context);
        FineTuneRecord fineTune = Find(state, RouteIds.Decode(id));
        _ = StatusOf(state, fineTune);
        List<VoiceRecord> voices = state.Voices.All.Where(v => v.FineTuneId == fineTune.Id).ToList();
        Page<VoiceRecord> page = Paging.Apply(context.Request, voices, v => v.Id);
        return JsonReply.WriteAsync(context, w => page.Write(w, (w2, v) => VoiceJson.Write(w2, v, api.Version)));
    }

    private static void Write(Utf8JsonWriter w, FineTuneRecord f, string status, string? version)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("name", f.Name);
        w.WriteString("description", f.Description);
        w.WriteString("language", f.Language);
        w.WriteString("model_id", f.ModelId);
        w.WriteString("dataset", f.Dataset);
        w.WriteString("status", status);
        if (f.Accent is not null && VoiceJson.IsCurrent(version))
        {
            w.WriteString("accent", f.Accent);
        }

        w.WriteEndObject();
    }
}
