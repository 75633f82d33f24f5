using System.Text.Json;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Catalog;

/// <summary>
/// <c>GET /models</c> and <c>GET /locales</c>. The API reference lists both without a response schema, so their
/// bodies follow the other catalogue endpoint (<c>GET /accents</c>): one object wrapping an unpaginated array
/// (<c>{"models": [...]}</c>, <c>{"locales": [...]}</c>).
/// </summary>
internal static class CatalogEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/models", ModelsAsync);
        app.MapGet("/locales", LocalesAsync);
    }

    private static Task ModelsAsync(HttpContext context)
    {
        _ = ApiHandler.Begin(context);
        return JsonReply.WriteAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("models");
            foreach (ModelListing model in CatalogListings.Models)
            {
                Write(w, model);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static Task LocalesAsync(HttpContext context)
    {
        _ = ApiHandler.Begin(context);
        return JsonReply.WriteAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("locales");
            foreach ((string id, string name, string language) in CatalogListings.Locales)
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("name", name);
                w.WriteString("language", language);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Write(Utf8JsonWriter w, ModelListing model)
    {
        w.WriteStartObject();
        w.WriteString("id", model.Id);
        w.WriteString("name", model.Name);
        w.WriteString("type", model.Type);
        Strings(w, "languages", model.Languages);
        Strings(w, "endpoints", model.Endpoints);
        if (model.AliasOf is null)
        {
            w.WriteNull("alias_of");
        }
        else
        {
            w.WriteString("alias_of", model.AliasOf);
        }

        if (model.SunsetDate is { } date)
        {
            w.WriteString("sunset_date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("sunset_date");
        }

        w.WriteStartArray("sunset_languages");
        foreach (string language in model.SunsetLanguages)
        {
            w.WriteStartObject();
            w.WriteString("language", language);
            w.WriteString("sunset_date", CatalogListings.SunsetDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
