namespace Cartesia.Emulator.Datasets;

/// <summary>A file uploaded to a dataset.</summary>
internal sealed record DatasetFileRecord(string Id, string FileName, long Size, string? Purpose, DateTimeOffset CreatedAt);
