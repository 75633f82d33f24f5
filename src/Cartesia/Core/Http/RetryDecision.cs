namespace Cartesia.Core.Http;

/// <summary>Whether a failed attempt is tried again, and why (for logs and messages).</summary>
internal readonly record struct RetryDecision(bool Retry, string Reason, TimeSpan? ServerDelay = null, bool ServerDelayTooLong = false, bool ExplainInMessage = false);
