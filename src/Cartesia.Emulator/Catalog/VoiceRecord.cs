namespace Cartesia.Emulator.Catalog;

/// <summary>A voice the emulator holds.</summary>
internal sealed record VoiceRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = string.Empty;

    public string Tagline { get; init; } = string.Empty;

    public required string Language { get; init; }

    public string? Gender { get; init; }

    public string? Accent { get; init; }

    public IReadOnlyList<string> Locales { get; init; } = [];

    /// <summary>Whether the account owns the voice (clones and localizations) rather than it being public.</summary>
    public bool IsOwner { get; init; }

    public bool IsPublic { get; init; } = true;

    /// <summary>The owning user of the account's voices; null for public catalogue voices.</summary>
    public string? UserId { get; init; }

    public string? Country { get; init; }

    /// <summary>Accents attached to the voice beyond its native one (<c>PATCH /voices/{id}/accents</c>).</summary>
    public IReadOnlyList<string> AttachedAccents { get; init; } = [];

    /// <summary>The fine-tune a Pro Voice Clone came from, if any.</summary>
    public string? FineTuneId { get; init; }

    /// <summary>The dated model a Pro Voice Clone was trained on; null for other voices.</summary>
    public string? TrainedModelId { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = new(2024, 11, 4, 5, 31, 56, TimeSpan.Zero);
}
