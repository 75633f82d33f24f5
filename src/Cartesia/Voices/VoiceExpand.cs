using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Voices;

/// <summary>
/// An extra field to include when listing or getting voices (<c>expand[]</c>). Open: unknown values pass through.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<VoiceExpand>))]
public readonly record struct VoiceExpand : IStringValue<VoiceExpand>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>preview_file_url</c>.</param>
    public VoiceExpand(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary><c>preview_file_url</c>: a URL of a preview clip (<see cref="Voice.PreviewFileUrl"/>).</summary>
    public static VoiceExpand PreviewFileUrl { get; } = new("preview_file_url");

    /// <summary>Converts a wire value to a <see cref="VoiceExpand"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator VoiceExpand(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static VoiceExpand IStringValue<VoiceExpand>.FromValue(string value) => new(value);
}
