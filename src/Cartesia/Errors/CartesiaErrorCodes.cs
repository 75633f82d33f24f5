namespace Cartesia;

/// <summary>
/// Error codes (<see cref="CartesiaApiException.ErrorCode"/>, <see cref="CartesiaStreamException.ErrorCode"/>) the
/// service is known to send. The set is open: compare with these, but expect others.
/// </summary>
public static class CartesiaErrorCodes
{
    /// <summary>Too many concurrent generations for the plan (429).</summary>
    public const string ConcurrencyLimited = "concurrency_limited";

    /// <summary>The plan's quota is used up.</summary>
    public const string QuotaExceeded = "quota_exceeded";

    /// <summary>The model id is not a valid model.</summary>
    public const string ModelNotFound = "model_not_found";

    /// <summary>The model was sunset (for example the models retired on 2026-06-01).</summary>
    public const string ModelSunsetted = "model_sunsetted";

    /// <summary>The voice does not exist or is not visible to this account.</summary>
    public const string VoiceNotFound = "voice_not_found";

    /// <summary>
    /// A Pro Voice Clone was asked for with a model other than the dated one it was trained on; the error
    /// message names the model id to use.
    /// </summary>
    public const string VoiceModelMismatch = "voice_model_mismatch";

    /// <summary>The request was not valid (a field missing, malformed or out of range).</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>The API key or access token is missing or not valid.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>The <c>Cartesia-Version</c> is not one the service knows.</summary>
    public const string ApiVersionNotFound = "api_version_not_found";

    /// <summary>The resource was not found.</summary>
    public const string NotFound = "not_found";
}
