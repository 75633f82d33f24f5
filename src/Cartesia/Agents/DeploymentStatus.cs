using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Agents;

/// <summary>
/// The status of an agent deployment: <c>queued</c>, <c>building</c>, <c>deployed</c>, <c>inactive</c>, <c>skipped</c>,
/// <c>build_error</c> or <c>deploy_error</c>. Open: unknown values pass through.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<DeploymentStatus>))]
public readonly record struct DeploymentStatus : IStringValue<DeploymentStatus>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>deployed</c>.</param>
    public DeploymentStatus(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary><c>queued</c>.</summary>
    public static DeploymentStatus Queued { get; } = new("queued");

    /// <summary><c>building</c>.</summary>
    public static DeploymentStatus Building { get; } = new("building");

    /// <summary><c>deployed</c>.</summary>
    public static DeploymentStatus Deployed { get; } = new("deployed");

    /// <summary><c>inactive</c>.</summary>
    public static DeploymentStatus Inactive { get; } = new("inactive");

    /// <summary><c>skipped</c>.</summary>
    public static DeploymentStatus Skipped { get; } = new("skipped");

    /// <summary><c>build_error</c>.</summary>
    public static DeploymentStatus BuildError { get; } = new("build_error");

    /// <summary><c>deploy_error</c>.</summary>
    public static DeploymentStatus DeployError { get; } = new("deploy_error");

    /// <summary>Converts a wire value to a <see cref="DeploymentStatus"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator DeploymentStatus(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static DeploymentStatus IStringValue<DeploymentStatus>.FromValue(string value) => new(value);
}
