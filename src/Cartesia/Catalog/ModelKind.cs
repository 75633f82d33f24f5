using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Catalog;

/// <summary>What a catalogue model does (<c>type</c>). Open: the service may add kinds.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ModelKind>))]
public readonly record struct ModelKind : IStringValue<ModelKind>
{
    /// <summary>Creates a kind.</summary>
    /// <param name="value">The kind, for example <c>tts</c>.</param>
    public ModelKind(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The kind.</summary>
    public string Value { get; }

    /// <summary><c>tts</c>: text-to-speech (<c>/tts/*</c>, infill).</summary>
    public static ModelKind TextToSpeech { get; } = new("tts");

    /// <summary><c>stt</c>: speech-to-text (<c>/stt</c>, <c>/stt/websocket</c>, <c>/stt/turns/websocket</c>).</summary>
    public static ModelKind SpeechToText { get; } = new("stt");

    /// <summary>Converts a kind to a <see cref="ModelKind"/>.</summary>
    /// <param name="value">The kind.</param>
    public static implicit operator ModelKind(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static ModelKind IStringValue<ModelKind>.FromValue(string value) => new(value);
}
