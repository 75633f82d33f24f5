namespace Cartesia.Agents;

/// <summary>How fast a call sends audio read from a <see cref="Stream"/> or an asynchronous sequence.</summary>
public enum AgentAudioPacing
{
    /// <summary>
    /// In real time on the client's <see cref="CartesiaClientOptions.TimeProvider"/>, the way a microphone would deliver
    /// it (the default: an agent hears a conversation, and turn detection needs live timing).
    /// </summary>
    RealTime,

    /// <summary>As fast as the connection takes it (tests, or audio that is already paced by its source).</summary>
    AsFastAsPossible,
}
