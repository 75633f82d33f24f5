namespace Cartesia.Emulator.Protocol;

/// <summary>Ids in paths, and new ids.</summary>
internal static class RouteIds
{
    /// <summary>
    /// An id from a route value. Kestrel decodes every escape of a path except <c>%2F</c>, so an id holding a slash
    /// arrives as <c>a%2Fb</c>; this restores it.
    /// </summary>
    public static string Decode(string value) => value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>A new id with a prefix, as the service's ids look (<c>dataset_…</c>).</summary>
    public static string New(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..24];
}
