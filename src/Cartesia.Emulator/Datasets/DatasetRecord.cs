namespace Cartesia.Emulator.Datasets;

/// <summary>A dataset the account created, with its files.</summary>
internal sealed record DatasetRecord(string Id, string Name, string Description, DateTimeOffset CreatedAt)
{
    public IReadOnlyList<DatasetFileRecord> Files { get; init; } = [];
}
