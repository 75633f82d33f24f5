using System.Text.Json;
using Cartesia.Emulator.Journal;
using Microsoft.Net.Http.Headers;

namespace Cartesia.Emulator.Hosting;

/// <summary>
/// What a control request (<c>/_emulator</c>) must show before it is served: no foreign <c>Origin</c> (403), the
/// emulator's API key in <c>Authorization: Bearer</c> or <c>X-API-Key</c> (401; any non-empty key when the emulator
/// accepts any, never an access token), and a body, if any, of type <c>application/json</c> (415) and at most
/// 1 MiB (413). Together with the host check this keeps web pages (cross-site requests, DNS rebinding) out.
/// </summary>
internal static class ControlGuard
{
    /// <summary>The largest control request body.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Whether the request may go on; when not, the refusal has been written.</summary>
    public static async Task<bool> AdmitAsync(HttpContext context, CartesiaEmulator emulator)
    {
        HttpRequest request = context.Request;
        string origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out Uri? originUri) && emulator.HostNames.IsAllowed(originUri.Host)))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "forbidden_origin", "Control requests from a web page of another origin are refused.").ConfigureAwait(false);
            return false;
        }

        (EmulatorCredentialKind kind, string? key) = RequestCredentials.Find(request);
        if (kind is not (EmulatorCredentialKind.BearerHeader or EmulatorCredentialKind.ApiKeyHeader) || key is null)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", "Control requests need the emulator's API key: send 'Authorization: Bearer <key>' (or X-API-Key).").ConfigureAwait(false);
            return false;
        }

        if (emulator.State.AccessTokens.TryGetValue(key, out _) || (emulator.ApiKey is { } required && !string.Equals(required, key, StringComparison.Ordinal)))
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", "The API key is not the emulator's (access tokens do not reach the control API).").ConfigureAwait(false);
            return false;
        }

        bool hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (hasBody)
        {
            if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Control request bodies must be application/json.").ConfigureAwait(false);
                return false;
            }

            if (request.ContentLength > MaxBodyBytes)
            {
                await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "request_too_large", $"Control request bodies are at most {MaxBodyBytes} bytes.").ConfigureAwait(false);
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes a control-style error (<c>{"error": …, "message": …}</c>).</summary>
    public static async Task RefuseAsync(HttpContext context, int status, string error, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = error, ["message"] = message }), context.RequestAborted).ConfigureAwait(false);
    }
}
