namespace Cartesia.Emulator.Agents;

/// <summary>A deployment of an agent.</summary>
internal sealed record DeploymentRecord(string Id, string AgentId, string Status, bool IsPinned, bool IsLive, string GitCommitHash, DateTimeOffset CreatedAt)
{
    public string? BuildError { get; init; }
}
