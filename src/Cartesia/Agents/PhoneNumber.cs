using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>A phone number callers reach an agent on (provisioned by Cartesia).</summary>
public sealed class PhoneNumber : CartesiaModel
{
    /// <summary>The agent id.</summary>
    [JsonPropertyName("agent_id")]
    public string AgentId { get; init; } = string.Empty;

    /// <summary>The number, with country code.</summary>
    [JsonPropertyName("number")]
    public string Number { get; init; } = string.Empty;

    /// <summary>When the number was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the number was last updated.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Whether Cartesia manages the number (always true for now).</summary>
    [JsonPropertyName("is_cartesia_managed")]
    public bool IsCartesiaManaged { get; init; }

    /// <inheritdoc />
    public override string ToString() => Number;
}
