using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Stt;

/// <summary>
/// A speech-to-text model id. Open: any id is accepted, the known ones are static members.
/// <c>ink-whisper</c> serves batch transcription (<c>POST /stt</c>) and the manual-finalize socket;
/// <c>ink-2</c> serves both realtime sockets (English only).
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<SttModel>))]
public readonly record struct SttModel : IStringValue<SttModel>
{
    /// <summary>Creates a model id.</summary>
    /// <param name="value">The model id, for example <c>ink-whisper</c>.</param>
    public SttModel(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The model id.</summary>
    public string Value { get; }

    /// <summary><c>ink-2</c>: realtime transcription with turn detection (English).</summary>
    public static SttModel Ink2 { get; } = new("ink-2");

    /// <summary><c>ink-whisper</c>: batch and realtime transcription in many languages.</summary>
    public static SttModel InkWhisper { get; } = new("ink-whisper");

    /// <summary><c>ink-whisper-2025-06-04</c>: the dated snapshot of Ink Whisper.</summary>
    public static SttModel InkWhisper_2025_06_04 { get; } = new("ink-whisper-2025-06-04");

    /// <summary>Converts a model id to an <see cref="SttModel"/>.</summary>
    /// <param name="value">The model id.</param>
    public static implicit operator SttModel(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static SttModel IStringValue<SttModel>.FromValue(string value) => new(value);
}
