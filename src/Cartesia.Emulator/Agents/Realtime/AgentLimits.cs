namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>The documented limits of the managed agents socket (AGENTS-WEBSOCKET.md §3.1, §6).</summary>
internal static class AgentLimits
{
    public const int MaxToolResultBytes = 4096;
    public const int MaxToolCallIdChars = 256;
    public const int MaxErrorTypeBytes = 256;
    public const int MaxDynamicVariables = 64;
    public const int MaxDynamicVariableNameChars = 64;
}
