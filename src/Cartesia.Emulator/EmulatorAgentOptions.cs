namespace Cartesia.Emulator;

/// <summary>
/// How the emulator's Agents WebSockets (<c>/v1/agents/websocket/{agent_id}</c> and <c>/agents/stream/{agent_id}</c>)
/// behave: their timeouts and limits, how fast the agent speaks, and an echo mode for benchmarks
/// (see <see cref="CartesiaEmulatorOptions.Agents"/>). Every time is measured on the emulator's
/// <see cref="CartesiaEmulatorOptions.TimeProvider"/>.
/// </summary>
public sealed class EmulatorAgentOptions
{
    /// <summary>
    /// How long a managed socket may go without a valid client event before it is closed (1000,
    /// <c>connection idle timeout</c>). Default 120 seconds.
    /// </summary>
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// How long a legacy <c>/agents/stream</c> socket may go without any client message before it is closed (1000,
    /// <c>connection idle timeout</c>). Default 180 seconds.
    /// </summary>
    public TimeSpan LegacyInactivityTimeout { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>How long a managed socket waits for <c>session_create</c> before closing (1008). Default 10 seconds.</summary>
    public TimeSpan SessionCreateTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the agent waits for a <c>client_tool_result</c> before treating the call as failed. Default 10 seconds.
    /// </summary>
    public TimeSpan ClientToolTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many agent calls (both sockets together) may be open at once; one more is refused with 429. Default 2; null for no limit.</summary>
    public int? MaxConcurrentCalls { get; set; } = 2;

    /// <summary>The largest message accepted on an agent socket; a larger one closes it with 1009. Default 1 MiB.</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How fast the agent's audio is sent at <c>speaking_pace</c> (and always on the legacy socket): 1 (the default)
    /// in real time, 20 ms a chunk; 0.5 twice as fast; 0 as fast as possible, for tests that do not look at pacing.
    /// </summary>
    public double RealTimeFactor { get; set; } = 1;

    /// <summary>
    /// Echo mode, for benchmarks: the agent neither greets nor listens; every <c>audio_input</c> (<c>media_input</c>)
    /// is sent straight back as <c>audio_output</c> (<c>media_output</c>) with the same payload. Default false.
    /// </summary>
    public bool EchoMode { get; set; }

    /// <summary>A copy of these settings.</summary>
    public EmulatorAgentOptions Clone() => (EmulatorAgentOptions)MemberwiseClone();

    internal EmulatorAgentOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(InactivityTimeout, TimeSpan.Zero, nameof(InactivityTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LegacyInactivityTimeout, TimeSpan.Zero, nameof(LegacyInactivityTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SessionCreateTimeout, TimeSpan.Zero, nameof(SessionCreateTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ClientToolTimeout, TimeSpan.Zero, nameof(ClientToolTimeout));
        if (MaxConcurrentCalls is { } cap)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1, nameof(MaxConcurrentCalls));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageBytes, 1, nameof(MaxMessageBytes));
        if (RealTimeFactor < 0 || double.IsNaN(RealTimeFactor) || double.IsInfinity(RealTimeFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(RealTimeFactor), RealTimeFactor, "RealTimeFactor must be 0 or more.");
        }

        return this;
    }
}
