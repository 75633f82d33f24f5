namespace Cartesia.Agents;

/// <summary>
/// Barge-in (<c>audio_output_clear</c>, or <c>clear</c> on the Line stream): the user started speaking, so drop the
/// agent audio queued for playback and stop playing now — with <see cref="Audio.AudioPlaybackBuffer"/>,
/// <c>playback.Clear()</c>. Not the end of the call; it may come when nothing is playing.
/// </summary>
public sealed class AgentAudioClearEvent : AgentEvent
{
    /// <summary>Creates a clear event.</summary>
    /// <param name="type">The wire type.</param>
    public AgentAudioClearEvent(string type) : base(type)
    {
    }

    /// <summary>The Line stream's <c>stream_id</c>, when the message carried one.</summary>
    public string? StreamId { get; init; }
}
