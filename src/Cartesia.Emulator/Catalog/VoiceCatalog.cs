using System.Collections.Concurrent;

namespace Cartesia.Emulator.Catalog;

/// <summary>The voices the emulator serves: a seeded catalogue of public voices plus the account's own.</summary>
internal sealed class VoiceCatalog
{
    /// <summary>The voice the CLI and samples use by default.</summary>
    public const string DefaultVoiceId = "a0e99841-438c-4a64-b679-ae501e7d6091";

    /// <summary>A Pro Voice Clone of the seeded account, trained on <c>sonic-3-2026-01-12</c>.</summary>
    public const string ProVoiceCloneId = "9f1c6a2e-5b7d-4c3a-8e1f-2d4b6a8c0e12";

    private ConcurrentDictionary<string, VoiceRecord> _voices = new(StringComparer.Ordinal);

    public VoiceCatalog()
    {
        foreach (VoiceRecord voice in Seed())
        {
            _voices[voice.Id] = voice;
        }
    }

    /// <summary>The ids of the built-in seeded voices.</summary>
    public static IReadOnlyList<string> SeedIds { get; } = [.. Seed().Select(v => v.Id)];

    /// <summary>The built-in seeded voices.</summary>
    public static IEnumerable<VoiceRecord> SeedVoices => Seed();

    public VoiceRecord? Find(string id) => _voices.TryGetValue(id, out VoiceRecord? voice) ? voice : null;

    public IEnumerable<VoiceRecord> All => _voices.Values.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id, StringComparer.Ordinal);

    public void Put(VoiceRecord voice) => _voices[voice.Id] = voice;

    public bool Remove(string id) => _voices.TryRemove(id, out _);

    /// <summary>Replaces every voice at once (loading a saved state); readers see the old set or the new one.</summary>
    public void ReplaceAll(IEnumerable<VoiceRecord> voices)
        => Volatile.Write(ref _voices, new ConcurrentDictionary<string, VoiceRecord>(voices.Select(v => KeyValuePair.Create(v.Id, v)), StringComparer.Ordinal));

    private static IEnumerable<VoiceRecord> Seed()
    {
        DateTimeOffset at = new(2024, 11, 4, 5, 31, 56, TimeSpan.Zero);
        yield return new VoiceRecord { Id = DefaultVoiceId, Name = "Barbershop Man", Description = "A warm, friendly man's voice for conversation.", Language = "en", Gender = "masculine", Accent = "general-american", Locales = ["en-US"], Country = "US", CreatedAt = at };
        yield return new VoiceRecord { Id = "694f9389-aac1-45b6-b726-9d9369183238", Name = "Sarah", Description = "A clear, confident woman's voice for narration.", Language = "en", Gender = "feminine", Accent = "general-american", Locales = ["en-US"], Country = "US", CreatedAt = at.AddMinutes(1) };
        yield return new VoiceRecord { Id = "79a125e8-cd45-4c13-8a67-188112f4dd22", Name = "British Lady", Description = "An elegant British woman's voice.", Language = "en", Gender = "feminine", Accent = "british", Locales = ["en-GB"], Country = "GB", CreatedAt = at.AddMinutes(2) };
        yield return new VoiceRecord { Id = "b7d50908-b17c-442d-ad8d-810c63997ed9", Name = "California Girl", Description = "A bright, upbeat young woman's voice.", Language = "en", Gender = "feminine", Accent = "california", Locales = ["en-US"], Country = "US", CreatedAt = at.AddMinutes(3) };
        yield return new VoiceRecord { Id = "c2ac25f9-ecc4-4f56-9095-651354df60c0", Name = "Newsman", Description = "A steady broadcast voice for announcements.", Language = "en", Gender = "masculine", Accent = "midwestern-american", Locales = ["en-US"], Country = "US", CreatedAt = at.AddMinutes(4) };
        yield return new VoiceRecord { Id = "e8e5fffb-252c-436d-b842-8879b84445b6", Name = "Customer Support Lady", Description = "A patient, reassuring voice for support lines.", Language = "en", Gender = "feminine", Accent = "general-american", Locales = ["en-US"], Country = "US", CreatedAt = at.AddMinutes(5) };
        yield return new VoiceRecord { Id = "a8a1eb38-5f15-4c1d-8722-7ac0f329727d", Name = "Parisian Lady", Description = "A soft Parisian woman's voice.", Language = "fr", Gender = "feminine", Accent = "parisian", Locales = ["fr-FR"], Country = "FR", CreatedAt = at.AddMinutes(6) };
        yield return new VoiceRecord { Id = "b9de4a89-2257-424b-94c2-db18ba68c81a", Name = "German Conversational Woman", Description = "A natural German voice for dialogue.", Language = "de", Gender = "feminine", Accent = "high-german", Locales = ["de-DE"], Country = "DE", CreatedAt = at.AddMinutes(7) };
        yield return new VoiceRecord { Id = "34dbb662-8e98-413c-a1ef-1a3407675fe7", Name = "Spanish Narrator Man", Description = "A deep Castilian voice for storytelling.", Language = "es", Gender = "masculine", Accent = "castilian", Locales = ["es-ES"], Country = "ES", CreatedAt = at.AddMinutes(8) };
        yield return new VoiceRecord { Id = "2b568345-1d48-4047-b25f-7baccf842eb0", Name = "Japanese Woman", Description = "A calm Japanese woman's voice.", Language = "ja", Gender = "feminine", Accent = "standard-japanese", Locales = ["ja-JP"], Country = "JP", CreatedAt = at.AddMinutes(9) };
        // Voices the official examples use (the Python SDK's quickstart and the Cartesia docs), so they run offline unchanged.
        yield return new VoiceRecord { Id = "e07c00bc-4134-4eae-9ea4-1a55fb45746b", Name = "Brooke", Description = "An American woman's voice (the official Python quickstart's voice).", Language = "en", Gender = "feminine", Accent = "general-american", Locales = ["en-US"], Country = "US", CreatedAt = at.AddMinutes(10) };
        yield return new VoiceRecord { Id = "f786b574-daa5-4673-aa0c-cbe3e8534c02", Name = "Katie", Description = "An American woman's voice (used in the Cartesia docs).", Language = "en", Gender = "feminine", Accent = "general-american", Locales = ["en-US"], Country = "US", CreatedAt = at.AddMinutes(11) };
        yield return new VoiceRecord { Id = "db6b0ed5-d5d3-463d-ae85-518a07d3c2b4", Name = "Skylar", Description = "An American woman's voice (used in the Cartesia docs).", Language = "en", Gender = "feminine", Accent = "general-american", Locales = ["en-US"], Country = "US", CreatedAt = at.AddMinutes(12) };
        yield return new VoiceRecord { Id = ProVoiceCloneId, Name = "Studio Host (Pro Clone)", Description = "A Pro Voice Clone of the account's studio host.", Language = "en", Gender = "masculine", Accent = "general-american", Locales = ["en-US"], Country = "US", IsOwner = true, IsPublic = false, UserId = EmulatorState.UserId, TrainedModelId = "sonic-3-2026-01-12", CreatedAt = at.AddDays(400) };
    }
}
