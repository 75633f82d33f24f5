namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>
/// How a conversation reaches the client: the managed socket sends every event; the legacy one has no turn, text or
/// tool events (they do nothing there) and names barge-in <c>clear</c>.
/// </summary>
internal interface IAgentWire
{
    Task AudioAsync(ReadOnlyMemory<byte> audio);

    Task ClearAsync();

    Task TurnStartedAsync(int turn, string role, double start);

    Task TextDeltaAsync(int turn, string text);

    Task TurnEndedAsync(int turn, string role, string text, bool interrupted, double start, double end, AgentToolCall? tool);

    Task ToolCallAsync(AgentToolCall call);

    Task DtmfAsync(string digit);

    Task TransferAsync(string number);
}
