namespace Cartesia.Emulator.PronunciationDictionaries;

/// <summary>One mapping of a pronunciation dictionary.</summary>
internal sealed record DictionaryItem(string Text, string Alias, bool? CaseSensitive);
