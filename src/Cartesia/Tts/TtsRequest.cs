using System.Text.Json.Serialization;

namespace Cartesia.Tts;

/// <summary>A request for <c>POST /tts/bytes</c>: the whole audio in any container (raw, wav or mp3).</summary>
public sealed class TtsRequest : TtsRequestBase
{
    /// <summary>
    /// Whether the service keeps the generated file; when true the response names it
    /// (<see cref="AudioResponse.FileId"/>, header <c>Cartesia-File-ID</c>).
    /// </summary>
    [JsonPropertyName("save")]
    public bool? Save { get; set; }
}
