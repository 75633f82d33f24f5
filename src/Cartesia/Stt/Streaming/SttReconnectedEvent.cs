using System.Text.Json.Serialization;

namespace Cartesia.Stt;

/// <summary>
/// From the SDK, not the service: the session is connected again. Audio that had not been sent goes out on the new
/// connection, byte for byte. What the service had received but not yet transcribed on the old connection is
/// lost with it: an open turn or an interim transcript is abandoned (<see cref="PartialTranscriptDiscarded"/>), and
/// the next turn starts with a new <c>turn.start</c>.
/// </summary>
public sealed class SttReconnectedEvent : SttEvent
{
    /// <summary>Creates the event.</summary>
    public SttReconnectedEvent() : base("reconnected")
    {
    }

    /// <summary>The attempt that succeeded (from 1).</summary>
    [JsonIgnore]
    public int Attempt { get; init; }

    /// <summary>How many bytes of audio were waiting and are sent on the new connection.</summary>
    [JsonIgnore]
    public long PendingAudioBytes { get; init; }

    /// <summary>
    /// Where the new connection starts in the session's audio; the SDK adds it to the word times of later
    /// transcripts, so they stay relative to the start of the session (zero when the encoding is unknown).
    /// </summary>
    [JsonIgnore]
    public TimeSpan TimeOffset { get; init; }

    /// <summary>Whether a turn was open, or an interim transcript pending, when the connection dropped.</summary>
    [JsonIgnore]
    public bool PartialTranscriptDiscarded { get; init; }
}
