using System.Globalization;

namespace Cartesia.Core.Http;

/// <summary>Reads how long the service asks a client to wait: <c>retry-after-ms</c>, then <c>retry-after</c>.</summary>
internal static class RetryAfterParser
{
    /// <summary>The requested wait, or null when neither header is present and valid.</summary>
    /// <param name="header">Looks up a response header's first value (case-insensitive), or null.</param>
    /// <param name="now">The current time, for HTTP dates.</param>
    public static TimeSpan? Parse(Func<string, string?> header, DateTimeOffset now)
    {
        if (double.TryParse(header("retry-after-ms"), NumberStyles.Float, CultureInfo.InvariantCulture, out double ms)
            && double.IsFinite(ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        string? value = header("retry-after")?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            return double.IsFinite(seconds) && seconds >= 0 ? TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2)) : null;
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
        {
            TimeSpan wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
