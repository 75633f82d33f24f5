using System.Text.Json;

namespace Cartesia.Emulator.Protocol;

/// <summary>Writes JSON answers (always <c>Content-Type: application/json</c>, which JS clients depend on) and 204s.</summary>
internal static class JsonReply
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a JSON body built by <paramref name="write"/>.</summary>
    public static async Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> write, int status = 200)
    {
        byte[] body = Build(write);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Answers 204 No Content with an empty body.</summary>
    public static Task NoContentAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>Serializes a JSON value built by <paramref name="write"/>.</summary>
    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a string property, or null.</summary>
    public static void StringOrNull(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes an ISO-8601 UTC time (<c>2024-11-04T05:31:56Z</c>).</summary>
    public static void Time(this Utf8JsonWriter writer, string name, DateTimeOffset value)
        => writer.WriteString(name, FormatTime(value));

    /// <summary>Writes an ISO-8601 UTC time, or null.</summary>
    public static void TimeOrNull(this Utf8JsonWriter writer, string name, DateTimeOffset? value)
        => writer.StringOrNull(name, value is { } v ? FormatTime(v) : null);

    /// <summary>An ISO-8601 UTC time as the service writes it.</summary>
    public static string FormatTime(DateTimeOffset value)
        => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes an array of strings.</summary>
    public static void Strings(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
