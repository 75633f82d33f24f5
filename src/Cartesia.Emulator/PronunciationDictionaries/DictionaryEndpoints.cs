using System.Text.Json;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.PronunciationDictionaries;

/// <summary><c>/pronunciation-dicts/</c>: in-memory dictionaries (items with <c>case_sensitive</c>), paged, with name conflicts.</summary>
internal static class DictionaryEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/pronunciation-dicts", ListAsync);
        app.MapPost("/pronunciation-dicts", CreateAsync);
        app.MapGet("/pronunciation-dicts/{id}", GetAsync);
        app.MapPatch("/pronunciation-dicts/{id}", UpdateAsync);
        app.MapDelete("/pronunciation-dicts/{id}", DeleteAsync);
    }

    private static DictionaryRecord Find(EmulatorState state, string id)
        => state.Dictionaries.Find(id) ?? throw new ApiError(404, "not_found", "Pronunciation dictionary not found", $"Pronunciation dictionary '{id}' was not found.");

    private static Task ListAsync(HttpContext context)
    {
        (_, EmulatorState state) = ApiHandler.Begin(context);
        Page<DictionaryRecord> page = Paging.Apply(context.Request, state.Dictionaries.All, d => d.Id);
        return JsonReply.WriteAsync(context, w => page.Write(w, Write));
    }

    private static Task CreateAsync(HttpContext context)
    {
        (ApiContext api, EmulatorState state) = ApiHandler.Begin(context);
        JsonElement body = RequestJson.Object(api);
        string name = RequestJson.Required(body, "name");
        var dictionary = new DictionaryRecord(RouteIds.New("pdict"), name, ReadItems(body) ?? [], state.Now);
        state.Dictionaries.Put(dictionary); // names need not be unique (the API reference asks it only of metrics)

        return JsonReply.WriteAsync(context, w => Write(w, dictionary));
    }

    private static Task GetAsync(HttpContext context, string id)
    {
        (_, EmulatorState state) = ApiHandler.Begin(context);
        DictionaryRecord dictionary = Find(state, RouteIds.Decode(id));
        return JsonReply.WriteAsync(context, w => Write(w, dictionary));
    }

    private static Task UpdateAsync(HttpContext context, string id)
    {
        (ApiContext api, EmulatorState state) = ApiHandler.Begin(context);
        DictionaryRecord dictionary = Find(state, RouteIds.Decode(id));
        JsonElement body = RequestJson.Object(api);
        string? name = RequestJson.Optional(body, "name");
        DictionaryRecord updated = dictionary with { Name = name ?? dictionary.Name, Items = ReadItems(body) ?? dictionary.Items };
        state.Dictionaries.Put(updated);
        return JsonReply.WriteAsync(context, w => Write(w, updated));
    }

    private static Task DeleteAsync(HttpContext context, string id)
    {
        (_, EmulatorState state) = ApiHandler.Begin(context);
        DictionaryRecord dictionary = Find(state, RouteIds.Decode(id));
        state.Dictionaries.Remove(dictionary.Id);
        return JsonReply.NoContentAsync(context);
    }

    private static List<DictionaryItem>? ReadItems(JsonElement body)
    {
        if (!body.TryGetProperty("items", out JsonElement items) || items.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            throw new ApiError(422, "invalid_request", "Invalid request", "'items' must be an array.");
        }

        return items.EnumerateArray().Select((item, i) => item.ValueKind == JsonValueKind.Object
            ? new DictionaryItem(RequestJson.Required(item, "text"), Pronunciation(item, i), RequestJson.OptionalBool(item, "case_sensitive"))
            : throw new ApiError(422, "invalid_request", "Invalid request", $"items[{i}] must be an object with text and pronunciation.")).ToList();
    }

    /// <summary>An item's <c>pronunciation</c>, or its deprecated name <c>alias</c> (both accepted; one of them required).</summary>
    private static string Pronunciation(JsonElement item, int index)
    {
        string? pronunciation = RequestJson.Optional(item, "pronunciation");
        string? alias = RequestJson.Optional(item, "alias");
        if (pronunciation is not null && alias is not null && pronunciation != alias)
        {
            throw new ApiError(422, "invalid_request", "Invalid request", $"items[{index}] sets both 'pronunciation' and its deprecated name 'alias' to different values.");
        }

        return pronunciation ?? alias ?? throw new ApiError(422, "invalid_request", "Invalid request", $"items[{index}].pronunciation is required.");
    }

    private static void Write(Utf8JsonWriter w, DictionaryRecord d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("name", d.Name);
        w.WriteString("owner_id", EmulatorState.UserId);
        w.WriteBoolean("pinned", false);
        w.WriteStartArray("items");
        foreach (DictionaryItem item in d.Items)
        {
            w.WriteStartObject();
            w.WriteString("text", item.Text);
            w.WriteString("pronunciation", item.Alias);
            if (item.CaseSensitive is { } caseSensitive)
            {
                w.WriteBoolean("case_sensitive", caseSensitive);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Time("created_at", d.CreatedAt);
        w.WriteEndObject();
    }
}
