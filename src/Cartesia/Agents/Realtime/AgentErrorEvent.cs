namespace Cartesia.Agents;

/// <summary>
/// A non-fatal <c>error</c> of the managed socket: the service rejected one event (code <c>invalid_event</c>) and
/// ignored it; the call goes on. A fatal error ends the call with <see cref="CartesiaAgentErrorException"/> instead.
/// </summary>
public sealed class AgentErrorEvent : AgentEvent
{
    /// <summary>Creates the event.</summary>
    public AgentErrorEvent() : base("error")
    {
    }

    /// <summary>The error code, for example <c>invalid_event</c>.</summary>
    public string Code { get; init; } = string.Empty;

    /// <summary>What the service said (secrets redacted).</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>Whether the service marked it fatal (fatal errors end the call instead of being delivered).</summary>
    internal bool Fatal { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"error ({Code}: {Message})";
}
