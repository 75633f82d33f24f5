namespace Cartesia.Agents;

/// <summary>
/// A call with a Line agent on the older <c>/agents/stream/{agent_id}</c> (<see cref="AgentsClient.ConnectLineStreamAsync"/>):
/// audio both ways, DTMF, <c>custom</c> metadata both ways and <c>transfer_call</c>. See
/// <see cref="AgentRealtimeSession"/> for audio, events and endings.
/// </summary>
public abstract class AgentLineSession : AgentRealtimeSession
{
    private protected AgentLineSession()
    {
    }

    /// <summary>The stream's id (from <c>ack</c>: yours, or the one the service generated).</summary>
    public abstract string StreamId { get; }

    /// <summary>Sends metadata to the agent's code (<c>custom</c>), queued after the audio pushed before.</summary>
    /// <param name="metadata">Keys and values: strings, numbers, booleans, null or <see cref="System.Text.Json.JsonElement"/>.</param>
    /// <param name="cancellationToken">Stops waiting for room in the queue.</param>
    /// <exception cref="ArgumentException">A value is of another type (nothing is sent).</exception>
    public abstract ValueTask SendCustomAsync(IReadOnlyDictionary<string, object?> metadata, CancellationToken cancellationToken = default);
}
