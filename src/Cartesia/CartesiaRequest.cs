using System.Text;

namespace Cartesia;

/// <summary>
/// A request the SDK has no method for yet, sent through the same pipeline as every other call
/// (credential, <c>Cartesia-Version</c>, retries, timeouts, error mapping) with
/// <see cref="CartesiaClient.SendAsync(CartesiaRequest, CancellationToken)"/>.
/// </summary>
public sealed class CartesiaRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the base URL, for example <c>/voices</c>; escape ids in it yourself.</param>
    public CartesiaRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path.Contains('?', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal) || Uri.IsWellFormedUriString(path, UriKind.Absolute))
        {
            throw new ArgumentException("The path must be relative and carry no query; add query parameters to Query.", nameof(path));
        }

        Method = method;
        Path = path.StartsWith('/') ? path : "/" + path;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path relative to the base URL.</summary>
    public string Path { get; }

    /// <summary>Query parameters, in order (a key may repeat); they are escaped when sent.</summary>
    public IList<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

    /// <summary>Extra headers; they override the SDK's own.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The body, if any; sent again as it is on a retry.</summary>
    public ReadOnlyMemory<byte>? Body { get; set; }

    /// <summary>The body's media type, for example <c>application/json</c>.</summary>
    public string? ContentType { get; set; }

    /// <summary>The <c>Accept</c> header. Default <c>*/*</c>.</summary>
    public string Accept { get; set; } = "*/*";

    /// <summary>
    /// Whether the request generates billed output, so it is retried only where that cannot bill twice
    /// (see <see cref="GenerationRetryMode"/>). Default false.
    /// </summary>
    public bool IsGeneration { get; set; }

    /// <summary>Sets a JSON body.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>This request.</returns>
    public CartesiaRequest WithJsonBody(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Body = Encoding.UTF8.GetBytes(json);
        ContentType = "application/json";
        return this;
    }
}
