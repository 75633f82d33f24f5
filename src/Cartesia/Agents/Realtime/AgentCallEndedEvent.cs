namespace Cartesia.Agents;

/// <summary>
/// The last event of a call that ended without an error (made by the SDK, type <c>call_ended</c>): who ended it and
/// the close the service sent. A call that fails ends its events with the exception instead.
/// </summary>
public sealed class AgentCallEndedEvent : AgentEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="end">How the call ended.</param>
    public AgentCallEndedEvent(AgentCallEnd end) : base("call_ended") => End = end;

    /// <summary>How the call ended.</summary>
    public AgentCallEnd End { get; }

    /// <inheritdoc />
    public override string ToString() => $"call_ended ({End})";
}
