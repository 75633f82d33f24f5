namespace Cartesia.Agents;

/// <summary>The agent pressed a key (<c>dtmf_output</c>, or <c>dtmf</c> on the Line stream): for telephony bridges.</summary>
public sealed class AgentDtmfEvent : AgentEvent
{
    /// <summary>Creates a DTMF event.</summary>
    /// <param name="type">The wire type.</param>
    /// <param name="digit">The key: <c>0</c>–<c>9</c>, <c>*</c> or <c>#</c>.</param>
    public AgentDtmfEvent(string type, string digit) : base(type) => Digit = digit;

    /// <summary>The key: <c>0</c>–<c>9</c>, <c>*</c> or <c>#</c>.</summary>
    public string Digit { get; }

    /// <summary>The Line stream's <c>stream_id</c>, when the message carried one.</summary>
    public string? StreamId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Type} ({Digit})";
}
