namespace Cartesia.Emulator.PronunciationDictionaries;

/// <summary>A pronunciation dictionary.</summary>
internal sealed record DictionaryRecord(string Id, string Name, IReadOnlyList<DictionaryItem> Items, DateTimeOffset CreatedAt);
