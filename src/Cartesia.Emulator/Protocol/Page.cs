using System.Text.Json;

namespace Cartesia.Emulator.Protocol;

/// <summary>One page of a list.</summary>
internal sealed record Page<T>(List<T> Items, bool HasMore, string? NextPage)
{
    /// <summary>Writes <c>{"data": [...], "has_more": …, "next_page": …}</c>.</summary>
    public void Write(Utf8JsonWriter writer, Action<Utf8JsonWriter, T> item, bool includeHasMore = true)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("data");
        foreach (T value in Items)
        {
            item(writer, value);
        }

        writer.WriteEndArray();
        if (includeHasMore)
        {
            writer.WriteBoolean("has_more", HasMore);
        }

        writer.StringOrNull("next_page", NextPage);
        writer.WriteEndObject();
    }
}
