using System.Net.Http.Headers;

namespace Cartesia;

/// <summary>
/// What came back with a response besides its body: status, headers and request id. Every result of a
/// REST call carries one (<c>Response</c>), as do errors (<see cref="CartesiaApiException.Response"/>).
/// </summary>
public sealed class CartesiaResponseInfo
{
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "cartesia-request-id"];

    /// <summary>Creates a response description; the SDK creates these for you.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">The response headers (names are matched case-insensitively).</param>
    /// <param name="attempts">How many attempts the call took.</param>
    /// <param name="elapsed">The time from the first attempt until the response headers arrived.</param>
    public CartesiaResponseInfo(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, int attempts = 1, TimeSpan elapsed = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        StatusCode = statusCode;
        Headers = headers is Dictionary<string, IReadOnlyList<string>> { Comparer: var comparer } && comparer == StringComparer.OrdinalIgnoreCase
            ? headers
            : new Dictionary<string, IReadOnlyList<string>>(headers, StringComparer.OrdinalIgnoreCase);
        Attempts = attempts;
        Elapsed = elapsed;
        foreach (string name in RequestIdHeaders)
        {
            if (GetHeader(name) is { Length: > 0 } id)
            {
                RequestId = id;
                break;
            }
        }
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The request id the service gave in a response header, for Cartesia support.</summary>
    public string? RequestId { get; }

    /// <summary>All response and content headers, names matched case-insensitively.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>How many attempts the call took (1 when it succeeded at once).</summary>
    public int Attempts { get; }

    /// <summary>The time from the first attempt until the response headers arrived.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The first value of a header, or <see langword="null"/>.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    public string? GetHeader(string name)
        => Headers.TryGetValue(name, out IReadOnlyList<string>? values) && values.Count > 0 ? values[0] : null;

    /// <inheritdoc />
    public override string ToString() => RequestId is null ? $"HTTP {StatusCode}" : $"HTTP {StatusCode} (request id {RequestId})";

    internal static CartesiaResponseInfo FromMessage(HttpResponseMessage response, int attempts, TimeSpan elapsed)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        Add(response.Headers);
        Add(response.Content.Headers);
        return new CartesiaResponseInfo((int)response.StatusCode, headers, attempts, elapsed);

        void Add(HttpHeaders source)
        {
            foreach (KeyValuePair<string, IEnumerable<string>> header in source)
            {
                headers[header.Key] = header.Value.ToArray();
            }
        }
    }
}
