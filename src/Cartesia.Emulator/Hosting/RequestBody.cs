using Cartesia.Emulator.Protocol;
using Microsoft.AspNetCore.Connections;
using Cartesia.Emulator.Uploads;

namespace Cartesia.Emulator.Hosting;

/// <summary>
/// Reads an authenticated request's body, by kind: a <c>multipart/form-data</c> upload is streamed (file parts
/// spooled to temporary files, see <see cref="UploadReader"/>) up to <see cref="EmulatorLimits.MaxRequestBodyBytes"/>;
/// any other body (JSON) is read into memory up to <see cref="EmulatorLimits.MaxJsonBodyBytes"/>. Beyond its limit a
/// body gets 413 — before it is read when its length is declared, and as soon as it passes the limit otherwise. The
/// journal gets the first bytes of either and its length.
/// </summary>
internal static class RequestBody
{
    public static async Task ReadAsync(HttpContext context, ApiContext api, CartesiaEmulator emulator)
    {
        HttpRequest request = context.Request;
        if (request.ContentLength == 0 || HttpMethods.IsGet(request.Method) || context.WebSockets.IsWebSocketRequest
            || HttpMethods.IsDelete(request.Method) && request.ContentLength is null)
        {
            emulator.Journal.SetBody(api.Journal, [], 0);
            return;
        }

        EmulatorLimits limits = emulator.Options.Limits;
        string? boundary = UploadReader.Boundary(request.ContentType);
        Func<long, ApiError> tooLarge = boundary is null
            ? limit => TooLarge($"The request body is larger than the emulator accepts for a JSON body ({limit} bytes; see EmulatorLimits.MaxJsonBodyBytes).")
            : limit => TooLarge($"The upload is larger than the emulator accepts ({limit} bytes; see EmulatorLimits.MaxRequestBodyBytes).");
        long limit = boundary is null ? limits.MaxJsonBodyBytes : limits.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw tooLarge(limit);
        }

        using var tap = new BodyTap(request.Body, limit, limits.JournalBodyPrefixBytes, tooLarge);
        try
        {
            if (boundary is null)
            {
                using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 0);
                await tap.CopyToAsync(buffer, 16 * 1024, context.RequestAborted).ConfigureAwait(false);
                api.Body = buffer.ToArray();
            }
            else
            {
                string directory = emulator.Options.UploadDirectory ?? Path.GetTempPath();
                api.Form = await UploadReader.ReadAsync(context, boundary, tap, limits, directory).ConfigureAwait(false);
            }
        }
        catch (IOException ex) when (ex is ConnectionResetException or BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest })
        {
            // The client went away (or broke its framing) mid-body: end the request as a disconnect, whichever of
            // the failed read and the abort signal Kestrel delivers first.
            context.Abort();
            throw;
        }
        finally
        {
            emulator.Journal.SetBody(api.Journal, tap.Prefix, tap.BytesRead);
        }
    }

    private static ApiError TooLarge(string message) => new(413, "request_too_large", "Request entity too large", message);
}
