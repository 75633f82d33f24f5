namespace Cartesia.Tests.Emulator.Agents;

/// <summary>The documented words of the emulator's seeded agent (docs/emulator.md, "Agents WebSocket").</summary>
internal static class AgentScriptText
{
    public const string Greeting = "Hello! How can I help you today?";
}
