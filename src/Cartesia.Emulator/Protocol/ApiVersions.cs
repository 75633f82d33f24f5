namespace Cartesia.Emulator.Protocol;

/// <summary>The API versions the emulator serves, and what changes with them.</summary>
internal static class ApiVersions
{
    /// <summary>The versions the service knows, oldest first.</summary>
    public static IReadOnlyList<string> Known { get; } = ["2024-06-10", "2024-11-13", "2025-04-16", "2025-11-04", "2026-03-01", "2026-08-14"];

    /// <summary>The default version (<c>GET /</c> reports it).</summary>
    public const string Current = "2026-08-14";

    public static bool IsKnown(string? version) => version is not null && Known.Contains(version);

    /// <summary>Structured JSON errors from 2026-03-01; legacy text before (and when the version is unusable).</summary>
    public static bool HasStructuredErrors(string? version) => IsKnown(version) && string.CompareOrdinal(version, "2026-03-01") >= 0;

    /// <summary>The voice is a plain id (or <c>{"id"}</c>) from 2026-08-14; <c>{"mode":"id","id"}</c> before.</summary>
    public static bool UsesPlainVoiceId(string version) => string.CompareOrdinal(version, "2026-08-14") >= 0;
}
