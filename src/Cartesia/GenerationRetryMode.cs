namespace Cartesia;

/// <summary>
/// How requests that generate billed output (text-to-speech, infill, voice changer, speech-to-text, voice
/// cloning) are retried.
/// </summary>
public enum GenerationRetryMode
{
    /// <summary>
    /// Retry only where the service certainly did not process the request: the connection could not be made,
    /// the service answered 408 or 429, or it said <c>x-should-retry: true</c>. A timeout or a dropped
    /// connection after the request was sent is not retried, because the generation may have run and been
    /// billed. This is the default.
    /// </summary>
    BillingSafe,

    /// <summary>
    /// Retry generation requests like every other request (connection failures, timeouts, 408, 409, 429, 5xx),
    /// accepting that an ambiguous failure may be billed twice. The official Python and TypeScript SDKs behave
    /// this way.
    /// </summary>
    Always,
}
