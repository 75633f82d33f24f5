namespace Cartesia.Emulator.Agents;

/// <summary>A call to an agent, with its transcript.</summary>
internal sealed record AgentCallRecord(string Id, string AgentId, string Status, DateTimeOffset StartTime, DateTimeOffset? EndTime, IReadOnlyList<TranscriptTurn> Turns)
{
    public string? Summary { get; init; }

    public string? ErrorMessage { get; init; }

    public string? DeploymentId { get; init; }

    public (string To, string From)? Telephony { get; init; }

    /// <summary>What was said, in order: the words of the call's recording.</summary>
    public string SpokenText => string.Join(' ', Turns.Where(t => t.Role != "system" && t.Text is not null).Select(t => t.Text));
}
