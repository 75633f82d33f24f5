using System.Collections.Concurrent;
using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator;

/// <summary>Everything the emulator remembers between requests (in memory, per emulator).</summary>
internal sealed class EmulatorState
{
    public VoiceCatalog Voices { get; } = new();

    public ConcurrentDictionary<string, AccessTokenGrant> AccessTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>How many TTS WebSockets are open.</summary>
    public int TtsConnections;
}
