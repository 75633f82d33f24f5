namespace Cartesia.Emulator.Catalog;

/// <summary>One model as <c>GET /models</c> lists it.</summary>
internal sealed record ModelListing(
    string Id,
    string Name,
    string Type,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Endpoints,
    string? AliasOf,
    DateOnly? SunsetDate,
    IReadOnlyList<string> SunsetLanguages);
