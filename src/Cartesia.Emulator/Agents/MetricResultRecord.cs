namespace Cartesia.Emulator.Agents;

/// <summary>The result of a metric on a call.</summary>
internal sealed record MetricResultRecord(string Id, string MetricId, string MetricName, string AgentId, string CallId, string DeploymentId, string Result, double? Score, string Status, DateTimeOffset CreatedAt);
