namespace Cartesia.Core.Http;

/// <summary>One logical REST call, from which the pipeline builds an HTTP request per attempt.</summary>
internal sealed class PipelineRequest
{
    /// <summary>The HTTP method.</summary>
    public required HttpMethod Method { get; init; }

    /// <summary>The path and query relative to the base URL, already escaped (for example <c>/voices/abc?limit=10</c>).</summary>
    public required string PathAndQuery { get; init; }

    /// <summary>A short name for logs and telemetry, for example <c>tts.generate</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>Creates the body for an attempt; called once per attempt so retries resend it intact.</summary>
    public Func<HttpContent>? Content { get; init; }

    /// <summary>
    /// Whether <see cref="Content"/> can be created again for a retry. False for a body read from a stream that
    /// cannot be rewound: such a request is sent once and never retried.
    /// </summary>
    public bool ContentReplayable { get; init; } = true;

    /// <summary>The <c>Accept</c> header.</summary>
    public string Accept { get; init; } = "application/json";

    /// <summary>How this request may be retried.</summary>
    public OperationKind Kind { get; init; } = OperationKind.Standard;

    /// <summary>
    /// Whether the body is streamed to the caller; when false the pipeline reads the whole body within the
    /// attempt's timeout.
    /// </summary>
    public bool StreamResponse { get; init; }

    /// <summary>Whether the call needs a credential (every call but the status check).</summary>
    public bool RequiresCredential { get; init; } = true;

    /// <summary>Extra headers for this request; they override client defaults.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Headers { get; init; }

    /// <summary>Builds a JSON request of the standard kind (retried on every transient failure).</summary>
    public static PipelineRequest Json(HttpMethod method, string pathAndQuery, string operation, Func<HttpContent>? content = null, string accept = "application/json") => new()
    {
        Method = method,
        PathAndQuery = pathAndQuery,
        Operation = operation,
        Content = content,
        Accept = accept,
    };
}
