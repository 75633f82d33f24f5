using System.Collections.Concurrent;
using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator;

/// <summary>Everything the emulator remembers between requests (in memory, per emulator).</summary>
internal sealed class EmulatorState
{
    /// <summary>The id of the account's user (owner of clones, dictionaries, …).</summary>
    public const string UserId = "user_2f1c9e7a";

    public VoiceCatalog Voices { get; } = new();

    public ConcurrentDictionary<string, AccessTokenGrant> AccessTokens { get; } = new(StringComparer.Ordinal);
}
