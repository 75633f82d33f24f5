namespace Cartesia.Emulator.Agents;

/// <summary>An agent of the account.</summary>
internal sealed record AgentRecord(string Id, string Name, string? Description, string TtsVoice, string TtsLanguage, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public (string Provider, string Account, string Name)? GitRepository { get; init; }

    public string? GitDeployBranch { get; init; }

    public (string Id, string Number)? Phone { get; init; }

    public bool HasTextToAgentRun { get; init; }
}
