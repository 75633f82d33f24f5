namespace Cartesia.Emulator.Protocol;

/// <summary>An error the emulator answers with, as the real service would (either error format by version).</summary>
internal sealed class ApiError : Exception
{
    public ApiError(int statusCode, string? errorCode, string title, string message) : base($"{title}: {message}")
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Title = title;
        Detail = message;
    }

    public int StatusCode { get; }

    public string? ErrorCode { get; }

    public string Title { get; }

    public string Detail { get; }

    public string? DocUrl { get; init; }

    public static ApiError BadRequest(string title, string message, string errorCode = "invalid_request") => new(400, errorCode, title, message);

    public static ApiError NotFound(string what) => new(404, "not_found", "Not found", what);

    public static ApiError Invalid(string message) => new(400, "invalid_request", "Invalid request", message);
}
