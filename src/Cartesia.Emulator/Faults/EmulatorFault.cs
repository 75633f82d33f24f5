namespace Cartesia.Emulator.Faults;

/// <summary>
/// Something to go wrong on the next request(s) of a route: an error status with retry headers, a delay, a
/// stream that breaks, stalls, or misbehaves. Add one with <see cref="EmulatorFaults.Add"/>.
/// </summary>
public sealed class EmulatorFault
{
    /// <summary>Answer with this status (and the Cartesia error body of the request's API version).</summary>
    public int? StatusCode { get; set; }

    /// <summary>The error code of the error body, for example <c>concurrency_limited</c>.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>The title of the error body.</summary>
    public string? Title { get; set; }

    /// <summary>The message of the error body.</summary>
    public string? Message { get; set; }

    /// <summary>A raw body to send instead of the Cartesia error body.</summary>
    public string? RawBody { get; set; }

    /// <summary>
    /// Send <see cref="RawBody"/> in pieces of this many bytes, flushing each (and waiting
    /// <see cref="ChunkInterval"/> between them when set), so the client receives it split across reads.
    /// </summary>
    public int? RawBodyChunkSize { get; set; }

    /// <summary>The content type of <see cref="RawBody"/>.</summary>
    public string? RawContentType { get; set; }

    /// <summary>Response headers to add, for example <c>retry-after</c>, <c>retry-after-ms</c>, <c>x-should-retry</c>.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Wait this long before answering (before the status, or before the first chunk of a stream).</summary>
    public TimeSpan? Delay { get; set; }

    /// <summary>Close the connection abruptly before answering at all.</summary>
    public bool DropConnection { get; set; }

    /// <summary>Abort the connection after this many audio chunks of a stream.</summary>
    public int? DropAfterChunks { get; set; }

    /// <summary>Go silent (keep the connection open, send nothing more) after this many audio chunks.</summary>
    public int? SilenceAfterChunks { get; set; }

    /// <summary>Wait this long between chunks (a slow but steady stream).</summary>
    public TimeSpan? ChunkInterval { get; set; }

    /// <summary>
    /// Send an error event (with <see cref="StatusCode"/>-like fields from <see cref="ErrorCode"/>, <see cref="Title"/>
    /// and <see cref="Message"/>; status 500 unless <see cref="ErrorEventStatus"/> says otherwise) after this many
    /// audio chunks, ending the stream.
    /// </summary>
    public int? ErrorEventAfterChunks { get; set; }

    /// <summary>The status code carried by the error event of <see cref="ErrorEventAfterChunks"/>.</summary>
    public int ErrorEventStatus { get; set; } = 500;

    /// <summary>End a stream normally but without its final <c>done</c> event.</summary>
    public bool OmitDone { get; set; }

    /// <summary>Send an event that is not valid JSON after the first chunk.</summary>
    public bool MalformedEvent { get; set; }

    /// <summary>Send an event of a type no SDK knows (<c>"type":"emulator_notice"</c>) after the first chunk.</summary>
    public bool UnknownEvent { get; set; }

    /// <summary>End a Server-Sent Events stream without the blank line after its last event.</summary>
    public bool NoFinalBlankLine { get; set; }

    /// <summary>On a WebSocket: never answer the client's close (stop reading), like a hung server.</summary>
    public bool IgnoreClose { get; set; }

    /// <summary>On the TTS WebSocket: keep sending a few audio chunks for a context after it was cancelled.</summary>
    public bool AudioAfterCancel { get; set; }

    /// <summary>
    /// WebSockets: when <see cref="DropAfterChunks"/> drops the connection, first send a close frame with this
    /// status (for example 1011, recoverable, or 1008, not); null drops it with no close frame (the client sees
    /// 1006). On speech-to-text sockets the chunks counted are the audio frames received.
    /// </summary>
    public int? DropCloseStatus { get; set; }

    /// <summary>
    /// Speech-to-text sockets: after the client's <c>close</c> (or <c>finalize</c>), wait this long before sending
    /// the last transcripts, so a client that does not wait for them loses the tail.
    /// </summary>
    public TimeSpan? LastTranscriptDelay { get; set; }

    /// <summary>How many requests this fault applies to (default 1).</summary>
    public int Times { get; set; } = 1;

    /// <summary>A fault answering with a status.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorCode">The error code of the body.</param>
    public static EmulatorFault Status(int statusCode, string? errorCode = null) => new() { StatusCode = statusCode, ErrorCode = errorCode };

    /// <summary>Adds a <c>retry-after</c> header in seconds.</summary>
    /// <param name="seconds">The wait the service asks for.</param>
    public EmulatorFault WithRetryAfter(double seconds)
    {
        Headers["retry-after"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return this;
    }

    /// <summary>Adds a <c>retry-after-ms</c> header.</summary>
    /// <param name="milliseconds">The wait the service asks for.</param>
    public EmulatorFault WithRetryAfterMs(double milliseconds)
    {
        Headers["retry-after-ms"] = milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return this;
    }

    /// <summary>Adds an <c>x-should-retry</c> header.</summary>
    /// <param name="shouldRetry">The header's value.</param>
    public EmulatorFault WithShouldRetry(bool shouldRetry)
    {
        Headers["x-should-retry"] = shouldRetry ? "true" : "false";
        return this;
    }

    /// <summary>Applies the fault to this many requests.</summary>
    /// <param name="times">How many requests.</param>
    public EmulatorFault ForRequests(int times)
    {
        Times = times;
        return this;
    }
}
