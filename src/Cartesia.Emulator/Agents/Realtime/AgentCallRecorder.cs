namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>
/// Keeps the REST record (<c>GET /agents/calls/{id}</c>) of one socket call up to date: <c>active</c> with the turns
/// so far while it lasts, then <c>completed</c> (or <c>failed</c>, with a message) with its end time.
/// </summary>
internal sealed class AgentCallRecorder
{
    private readonly AgentStore _store;
    private readonly EmulatorState _state;
    private readonly object _gate = new();
    private readonly List<TranscriptTurn> _turns = [];
    private AgentCallRecord _record;
    private bool _finished;

    public AgentCallRecorder(EmulatorState state, string agentId, (string To, string From)? telephony)
    {
        _state = state;
        _store = state.Agents;
        _record = new AgentCallRecord(Protocol.RouteIds.New("call"), agentId, "active", state.Now, null, [])
        {
            Telephony = telephony,
            DeploymentId = _store.Deployments.All.LastOrDefault(d => d.AgentId == agentId && d.IsLive)?.Id,
        };
        _store.Calls.Put(_record);
    }

    public string CallId => _record.Id;

    /// <summary>The record as it is now.</summary>
    public AgentCallRecord Record
    {
        get
        {
            lock (_gate)
            {
                return _record;
            }
        }
    }

    public void Add(TranscriptTurn turn)
    {
        lock (_gate)
        {
            if (_finished)
            {
                return;
            }

            _turns.Add(turn);
            _record = _record with { Turns = [.. _turns] };
            _store.Calls.Put(_record);
        }
    }

    public void Finish(string? errorMessage)
    {
        lock (_gate)
        {
            if (_finished)
            {
                return;
            }

            _finished = true;
            _record = _record with
            {
                Status = errorMessage is null ? "completed" : "failed",
                ErrorMessage = errorMessage,
                EndTime = _state.Now,
                Turns = [.. _turns],
            };
            _store.Calls.Put(_record);
        }
    }
}
