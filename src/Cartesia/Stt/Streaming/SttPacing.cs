namespace Cartesia.Stt;

/// <summary>How fast a session sends audio read from a <see cref="Stream"/> or an asynchronous sequence.</summary>
public enum SttPacing
{
    /// <summary>As fast as the connection takes it (for recorded audio whose transcript you want soon).</summary>
    AsFastAsPossible,

    /// <summary>
    /// In real time, one frame per frame duration, the way a microphone would deliver it (to test a voice agent
    /// with a file, or when the service should see live timing).
    /// </summary>
    RealTime,
}
