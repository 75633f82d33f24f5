using System.Collections.Concurrent;
using Cartesia.Emulator.Agents;
using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Datasets;
using Cartesia.Emulator.FineTunes;
using Cartesia.Emulator.PronunciationDictionaries;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator;

/// <summary>Everything the emulator remembers between requests (in memory, per emulator).</summary>
internal sealed class EmulatorState
{
    /// <summary>The id of the account's user (owner of clones, dictionaries, …).</summary>
    public const string UserId = "user_2f1c9e7a";

    public VoiceCatalog Voices { get; } = new();

    public AgentStore Agents { get; } = new();

    public RecordStore<DatasetRecord> Datasets { get; } = new(d => d.Id);

    public RecordStore<FineTuneRecord> FineTunes { get; } = new(f => f.Id);

    public RecordStore<DictionaryRecord> Dictionaries { get; } = new(d => d.Id);

    /// <summary>
    /// The emulator's clock (<see cref="CartesiaEmulatorOptions.TimeProvider"/>): every date it stamps, fine-tune
    /// training and access-token expiry read it, so a test moves time with a fake clock instead of waiting.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Now, on <see cref="Clock"/>.</summary>
    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>How long a fine-tune takes to train (set from the emulator's options).</summary>
    public TimeSpan FineTuneTrainingTime { get; set; } = TimeSpan.FromSeconds(20);

    public ConcurrentDictionary<string, AccessTokenGrant> AccessTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>How many TTS WebSockets are open.</summary>
    public int TtsConnections;
}
