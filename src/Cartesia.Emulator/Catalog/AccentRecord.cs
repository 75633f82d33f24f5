namespace Cartesia.Emulator.Catalog;

/// <summary>An accent of the catalogue (<c>GET /accents</c>).</summary>
internal sealed record AccentRecord(string Id, string Name, string Language, string Locale, bool IsLocaleDefault, bool IsLocalizable);
