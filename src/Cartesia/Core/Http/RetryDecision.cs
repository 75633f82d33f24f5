namespace Cartesia.Core.Http;

/// <summary>
/// Whether a failed attempt is tried again, and why (for logs and messages). <paramref name="Explain"/> puts the
/// reason into the error message of a status that would otherwise have been retried.
/// </summary>
internal readonly record struct RetryDecision(bool Retry, string Reason, TimeSpan? ServerDelay = null, bool ServerDelayTooLong = false, bool Explain = false);
