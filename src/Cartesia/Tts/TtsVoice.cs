using System.Text.Json.Serialization;

namespace Cartesia.Tts;

/// <summary>
/// The voice to speak with, by id. Write <c>Voice = "a0e99841-…"</c>; the SDK sends it in the shape of the
/// API version the client is pinned to (a plain id from 2026-08-14, <c>{"mode":"id","id":…}</c> before).
/// </summary>
[JsonConverter(typeof(TtsVoiceJsonConverter))]
public sealed class TtsVoice : CartesiaModel
{
    /// <summary>Creates a voice reference.</summary>
    /// <param name="id">The voice id.</param>
    public TtsVoice(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The voice id.</summary>
    public string Id { get; }

    /// <summary>A voice reference from an id.</summary>
    /// <param name="id">The voice id.</param>
    public static TtsVoice FromId(string id) => new(id);

    /// <summary>Converts a voice id to a <see cref="TtsVoice"/>.</summary>
    /// <param name="id">The voice id.</param>
    public static implicit operator TtsVoice(string id) => new(id);

    /// <inheritdoc />
    public override string ToString() => Id;
}
