using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>A phone number of an agent, in brief.</summary>
public sealed class PhoneNumberSummary : CartesiaModel
{
    /// <summary>The phone number id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The number, with country code.</summary>
    [JsonPropertyName("number")]
    public string Number { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => Number;
}
