using System.Text.Json.Serialization;

namespace Cartesia;

/// <summary>The answer of <c>GET /</c>: whether the API is up, and its current default version.</summary>
public sealed class ApiStatus : CartesiaResult
{
    /// <summary>Whether the API reports itself healthy.</summary>
    [JsonPropertyName("ok")]
    public bool Ok { get; set; }

    /// <summary>The API version the service uses by default (a <c>YYYY-MM-DD</c> date).</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"ApiStatus {{ Ok = {(Ok ? "true" : "false")}, Version = {Version ?? "(none)"} }}";
}
