using System.Text.Json;

namespace Cartesia.Agents;

/// <summary>
/// The Line agent asks for a telephony hand-off (<c>transfer_call</c>). The payload is not documented;
/// <see cref="TargetPhoneNumber"/> reads <c>transfer.target_phone_number</c> (what the Line SDK sends) and
/// <see cref="Transfer"/> keeps the whole <c>transfer</c> object.
/// </summary>
public sealed class AgentTransferCallEvent : AgentEvent
{
    /// <summary>Creates the event.</summary>
    public AgentTransferCallEvent() : base("transfer_call")
    {
    }

    /// <summary>The number to transfer to (E.164), when the message names one.</summary>
    public string? TargetPhoneNumber { get; init; }

    /// <summary>The <c>transfer</c> object, when present.</summary>
    public JsonElement? Transfer { get; init; }

    /// <summary>The stream's id, when the message carried one.</summary>
    public string? StreamId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"transfer_call ({TargetPhoneNumber})";
}
