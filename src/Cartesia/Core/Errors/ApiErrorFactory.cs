using System.Net;
using Cartesia.Core.Diagnostics;

namespace Cartesia.Core.Errors;

/// <summary>Turns an error response into the matching <see cref="CartesiaApiException"/> subclass.</summary>
internal static class ApiErrorFactory
{
    /// <summary>Creates the exception for an error status with its body (either error format).</summary>
    /// <param name="info">The response's status and headers.</param>
    /// <param name="body">The error body as text (already scrubbed of secrets).</param>
    /// <param name="retryAfter">The wait the service asked for, if any.</param>
    /// <param name="note">An extra sentence for the message (for example why it was not retried).</param>
    public static CartesiaApiException Create(CartesiaResponseInfo info, string? body, TimeSpan? retryAfter, string? note = null)
    {
        ErrorDetails d = ErrorDetails.FromBody(body);
        string? requestId = d.RequestId ?? SecretRedactor.Redact(info.RequestId);
        body = SecretRedactor.RedactBody(body);
        string message = FormatMessage(info.StatusCode, d, requestId, note);
        int status = info.StatusCode;

        return status switch
        {
            400 => new CartesiaBadRequestException(message) { StatusCode = status, ErrorCode = d.ErrorCode, Title = d.Title, ErrorMessage = d.Message, RequestId = requestId, DocUrl = d.DocUrl, ResponseBody = body, Response = info },
            401 => new CartesiaAuthenticationException(message) { StatusCode = status, ErrorCode = d.ErrorCode, Title = d.Title, ErrorMessage = d.Message, RequestId = requestId, DocUrl = d.DocUrl, ResponseBody = body, Response = info },
            403 => new CartesiaPermissionDeniedException(message) { StatusCode = status, ErrorCode = d.ErrorCode, Title = d.Title, ErrorMessage = d.Message, RequestId = requestId, DocUrl = d.DocUrl, ResponseBody = body, Response = info },
            404 => new CartesiaNotFoundException(message) { StatusCode = status, ErrorCode = d.ErrorCode, Title = d.Title, ErrorMessage = d.Message, RequestId = requestId, DocUrl = d.DocUrl, ResponseBody = body, Response = info },
            409 => new CartesiaConflictException(message) { StatusCode = status, ErrorCode = d.ErrorCode, Title = d.Title, ErrorMessage = d.Message, RequestId = requestId, DocUrl = d.DocUrl, ResponseBody = body, Response = info },
            422 => new CartesiaUnprocessableEntityException(message) { StatusCode = status, ErrorCode = d.ErrorCode, Title = d.Title, ErrorMessage = d.Message, RequestId = requestId, DocUrl = d.DocUrl, ResponseBody = body, Response = info },
            429 => new CartesiaRateLimitException(message) { StatusCode = status, ErrorCode = d.ErrorCode, Title = d.Title, ErrorMessage = d.Message, RequestId = requestId, DocUrl = d.DocUrl, ResponseBody = body, Response = info, RetryAfter = retryAfter },
            >= 500 => new CartesiaServerException(message) { StatusCode = status, ErrorCode = d.ErrorCode, Title = d.Title, ErrorMessage = d.Message, RequestId = requestId, DocUrl = d.DocUrl, ResponseBody = body, Response = info },
            _ => new CartesiaApiException(message) { StatusCode = status, ErrorCode = d.ErrorCode, Title = d.Title, ErrorMessage = d.Message, RequestId = requestId, DocUrl = d.DocUrl, ResponseBody = body, Response = info },
        };
    }

    /// <summary>The exception message: status, error code, title and message, request id.</summary>
    public static string FormatMessage(int statusCode, ErrorDetails details, string? requestId, string? note)
    {
        string reason = Enum.IsDefined(typeof(HttpStatusCode), statusCode) ? " " + (HttpStatusCode)statusCode : string.Empty;
        string code = details.ErrorCode is null ? string.Empty : $" ({details.ErrorCode})";
        string summary = (details.Summary ?? "the response had no error details").TrimEnd('.');
        string request = requestId is null ? string.Empty : $" [request id {requestId}]";
        string extra = note is null ? string.Empty : " " + note;
        return $"Cartesia API error {statusCode}{reason}{code}: {summary}{request}.{extra}";
    }
}
