namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>What the seeded agent does in answer to something: words to say, and maybe a tool, a key press, a transfer or a hang-up.</summary>
internal sealed record AgentReply(string Text)
{
    /// <summary>A client tool to call first (managed socket only): its name and parameters; the words follow its result.</summary>
    public (string Name, IReadOnlyDictionary<string, string> Parameters)? Tool { get; init; }

    /// <summary>Keys the agent presses before speaking (<c>dtmf_output</c> / legacy <c>dtmf</c>).</summary>
    public string? Dtmf { get; init; }

    /// <summary>A number to transfer the call to after speaking (legacy <c>transfer_call</c>); the agent then hangs up.</summary>
    public string? TransferTo { get; init; }

    /// <summary>Whether the agent hangs up after speaking (close 1000 <c>call ended by agent</c>).</summary>
    public bool HangUp { get; init; }
}
