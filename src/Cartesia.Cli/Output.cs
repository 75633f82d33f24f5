using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cartesia.Serialization;

namespace Cartesia.Cli;

/// <summary>How commands print results: aligned tables for people, indented JSON (the API's own shapes) for scripts.</summary>
internal static class Output
{
    private static readonly JsonSerializerOptions Options = CartesiaJsonContext.ForVersion(CartesiaApiVersion.Default).Options;

    /// <summary>The SDK's JSON metadata of a model type.</summary>
    public static JsonTypeInfo<T> Type<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Writes one model as indented JSON.</summary>
    public static Task JsonAsync<T>(CliContext context, T value)
        => context.Out.WriteLineAsync(Indent(JsonSerializer.SerializeToUtf8Bytes(value, Type<T>())));

    /// <summary>Writes models as an indented JSON array.</summary>
    public static Task JsonAsync<T>(CliContext context, IEnumerable<T> values)
    {
        JsonTypeInfo<T> type = Type<T>();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (T value in values)
            {
                JsonSerializer.Serialize(writer, value, type);
            }

            writer.WriteEndArray();
        }

        return context.Out.WriteLineAsync(Indent(buffer.ToArray()));
    }

    /// <summary>Writes rows under headers, each column as wide as its widest cell.</summary>
    public static async Task TableAsync(CliContext context, string[] headers, IEnumerable<string?[]> rows)
    {
        List<string[]> cells = [headers, .. rows.Select(r => r.Select(c => c ?? string.Empty).ToArray())];
        int[] widths = headers.Select((_, i) => cells.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        foreach (string[] row in cells)
        {
            string line = string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i])));
            await context.Out.WriteLineAsync(line.TrimEnd()).ConfigureAwait(false);
        }

        if (cells.Count == 1)
        {
            await context.Error.WriteLineAsync("(none)").ConfigureAwait(false);
        }
    }

    /// <summary>A short form of a long text for a table cell.</summary>
    public static string Short(string? text, int max = 48)
        => text is null ? string.Empty : text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Indent(byte[] json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
