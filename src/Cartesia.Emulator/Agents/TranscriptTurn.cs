namespace Cartesia.Emulator.Agents;

/// <summary>One turn of a seeded call transcript.</summary>
internal sealed record TranscriptTurn(string Role, string? Text, double Start, double End)
{
    public string? EndReason { get; init; }

    public (string Id, string Name, IReadOnlyDictionary<string, string> Arguments)? ToolCall { get; init; }

    public (string Event, IReadOnlyDictionary<string, string> Metadata)? LogEvent { get; init; }

    public (string Name, double Value)? LogMetric { get; init; }
}
