namespace Cartesia.Agents;

/// <summary>How an agent call ended without an error (errors end it with an exception instead).</summary>
public enum AgentCallEndReason
{
    /// <summary>
    /// The service closed the call normally (close 1000): the agent hung up (<c>call ended by agent</c>, perhaps with
    /// its reason), or the service closed it for another reason named in <see cref="AgentCallEnd.CloseDescription"/>
    /// (for example <c>connection idle timeout</c>).
    /// </summary>
    AgentEnded,

    /// <summary>This side ended the call: <see cref="AgentRealtimeSession.EndAsync"/> or <see cref="AgentRealtimeSession.DisposeAsync"/>.</summary>
    UserEnded,
}
