namespace Cartesia.Emulator.Agents;

/// <summary>One turn of a call transcript (seeded, or taken on an Agents WebSocket).</summary>
internal sealed record TranscriptTurn(string Role, string? Text, double Start, double End)
{
    public string? EndReason { get; init; }

    public (string Id, string Name, IReadOnlyDictionary<string, string> Arguments)? ToolCall { get; init; }

    /// <summary>What the tool call of <see cref="ToolCall"/> returned (calls taken on the managed socket).</summary>
    public string? ToolResult { get; init; }

    /// <summary>Whether the turn was cut short: the user barged in (assistant) or the call ended mid-turn (user).</summary>
    public bool Interrupted { get; init; }

    public (string Event, IReadOnlyDictionary<string, string> Metadata)? LogEvent { get; init; }

    public (string Name, double Value)? LogMetric { get; init; }
}
