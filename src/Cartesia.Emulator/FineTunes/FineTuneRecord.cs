namespace Cartesia.Emulator.FineTunes;

/// <summary>A fine-tune; its status moves with time unless a control call settled it.</summary>
internal sealed record FineTuneRecord(string Id, string Name, string Description, string Language, string ModelId, string Dataset, string? Accent, DateTimeOffset CreatedAt)
{
    /// <summary>A status set by a control call (<c>completed</c> or <c>failed</c>), overriding the clock.</summary>
    public string? SettledStatus { get; init; }

    /// <summary>Whether its voices were made.</summary>
    public bool VoicesCreated { get; init; }
}
