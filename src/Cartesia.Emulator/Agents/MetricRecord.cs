namespace Cartesia.Emulator.Agents;

/// <summary>An LLM-as-a-judge metric.</summary>
internal sealed record MetricRecord(string Id, string Name, string? DisplayName, string Prompt, DateTimeOffset CreatedAt);
