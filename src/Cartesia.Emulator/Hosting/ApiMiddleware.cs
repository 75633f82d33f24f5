using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Journal;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Hosting;

/// <summary>
/// What every API request goes through before its handler, as on the service: request id, authentication (Bearer,
/// X-API-Key, or api_key / access_token in the query) — before the body is read, so an unauthenticated request is
/// answered without its body ever being buffered —, injected faults, and the API version (header, or
/// cartesia_version in the query, which wins). Handler errors are written in the request version's format, and
/// malformed input a handler trips over (bad UTF-8, bad base64, a broken multipart body) is a 400, never a 500.
/// Control routes (<c>/_emulator</c>) go through <see cref="ControlGuard"/> instead.
/// </summary>
internal sealed class ApiMiddleware
{
    private readonly RequestDelegate _next;
    private readonly CartesiaEmulator _emulator;

    public ApiMiddleware(RequestDelegate next, CartesiaEmulator emulator)
    {
        _next = next;
        _emulator = emulator;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (ControlEndpoints.IsControlPath(context.Request.Path))
        {
            if (await ControlGuard.AdmitAsync(context, _emulator).ConfigureAwait(false))
            {
                await _next(context).ConfigureAwait(false);
            }

            return;
        }

        var api = new ApiContext
        {
            RequestId = Guid.NewGuid().ToString(),
            Journal = (EmulatorRequest)context.Items[typeof(EmulatorRequest)]!,
            Version = FirstNonEmpty(context.Request.Query["cartesia_version"], context.Request.Headers["Cartesia-Version"]),
        };
        api.Attach(context);
        context.Response.Headers["X-Request-Id"] = api.RequestId;

        try
        {
            bool isStatusCheck = HttpMethods.IsGet(context.Request.Method) && context.Request.Path == "/";
            ApiError? refused = null;
            if (!isStatusCheck)
            {
                try
                {
                    Authenticate(context, api);
                }
                catch (ApiError error)
                {
                    refused = error;
                }
            }

            if (refused is null)
            {
                byte[] body = await RequestBody.ReadAsync(context, _emulator.Options.Limits.MaxRequestBodyBytes).ConfigureAwait(false);
                api.Body = body;
                _emulator.Journal.SetBody(api.Journal, body);
            }

            EmulatorFault? fault = _emulator.Faults.Take(context.Request.Method, context.Request.Path.Value ?? "/");
            api.Fault = fault;
            if (fault?.Delay is { } delay)
            {
                await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            }

            if (fault?.DropConnection == true)
            {
                context.Items[JournalMiddleware.ServerAbortedKey] = true;
                context.Abort();
                return;
            }

            if (fault?.StatusCode is { } status)
            {
                await WriteFaultAsync(context, fault, status).ConfigureAwait(false);
                return;
            }

            if (refused is not null)
            {
                throw refused;
            }

            if (!isStatusCheck)
            {
                CheckVersion(api);
            }

            await _next(context).ConfigureAwait(false);
        }
        catch (ApiError error)
        {
            await ErrorResponder.WriteAsync(context, error).ConfigureAwait(false);
        }
        catch (Exception ex) when (MalformedInput.Describe(ex) is { } problem && !context.RequestAborted.IsCancellationRequested)
        {
            await ErrorResponder.WriteAsync(context, ApiError.Invalid(problem)).ConfigureAwait(false);
        }
    }

    private void Authenticate(HttpContext context, ApiContext api)
    {
        string? credential = RequestCredentials.Find(context.Request).Value;
        if (string.IsNullOrEmpty(credential))
        {
            throw new ApiError(401, "unauthorized", "Unauthorized", "No API key or access token was provided; send 'Authorization: Bearer <key>'.");
        }

        if (_emulator.State.AccessTokens.TryGetValue(credential, out AccessTokenGrant? grant))
        {
            if (grant.ExpiresAt < _emulator.State.Now)
            {
                throw new ApiError(401, "unauthorized", "Unauthorized", "The access token has expired.");
            }

            api.Token = grant;
            CheckGrant(context.Request, grant);
            return;
        }

        if (_emulator.ApiKey is { } required && !string.Equals(required, credential, StringComparison.Ordinal))
        {
            throw new ApiError(401, "unauthorized", "Unauthorized", "The API key is not valid.");
        }
    }

    /// <summary>
    /// What an access token reaches (PROTOCOL.md §3.1, §18): <c>tts</c> the TTS endpoints and socket, <c>stt</c> the STT
    /// ones, <c>agent</c> the agents calling sockets (legacy and managed); any token <c>GET /</c> and <c>GET /agents/templates</c>; every other
    /// operation takes an API key only.
    /// </summary>
    private static void CheckGrant(HttpRequest request, AccessTokenGrant grant)
    {
        string path = request.Path.Value ?? "/";
        bool get = HttpMethods.IsGet(request.Method);
        (bool allowed, string need) = path switch
        {
            "/" or "/agents/templates" when get => (true, string.Empty),
            _ when path.StartsWith("/tts/", StringComparison.Ordinal) => (grant.Tts, "the tts grant"),
            _ when path == "/stt" || path.StartsWith("/stt/", StringComparison.Ordinal) || path == "/audio/transcriptions" => (grant.Stt, "the stt grant"),
            _ when path.StartsWith("/agents/stream", StringComparison.Ordinal) || Agents.Realtime.AgentSocketEndpoints.IsManagedSocketPath(path) => (grant.Agent, "the agent grant"),
            _ => (false, "an API key"),
        };
        if (!allowed)
        {
            throw new ApiError(403, "forbidden", "Forbidden", $"This access token cannot be used for {request.Method} {path}: it needs {need}.");
        }
    }

    private static void CheckVersion(ApiContext api)
    {
        if (string.IsNullOrEmpty(api.Version))
        {
            throw new ApiError(400, "invalid_request", "Missing version", "The Cartesia-Version header is required (for example 2026-08-14).");
        }

        if (!ApiVersions.IsKnown(api.Version))
        {
            throw new ApiError(404, "api_version_not_found", "API version not found", $"'{api.Version}' is not a Cartesia API version.");
        }
    }

    private static async Task WriteFaultAsync(HttpContext context, EmulatorFault fault, int status)
    {
        if (fault.RawBody is { } raw)
        {
            context.Response.StatusCode = status;
            foreach ((string name, string value) in fault.Headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentType = fault.RawContentType ?? "text/plain; charset=utf-8";
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(raw);
            int piece = fault.RawBodyChunkSize is > 0 and int size ? size : Math.Max(1, bytes.Length);
            for (int offset = 0; offset < bytes.Length; offset += piece)
            {
                if (offset > 0 && fault.ChunkInterval is { } interval)
                {
                    await Task.Delay(interval, context.RequestAborted).ConfigureAwait(false);
                }

                await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(piece, bytes.Length - offset)), context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }

            return;
        }

        (string title, string? code) = status switch
        {
            400 => ("Bad request", "invalid_request"),
            401 => ("Unauthorized", "unauthorized"),
            402 => ("Payment required", "payment_required"),
            403 => ("Forbidden", "forbidden"),
            404 => ("Not found", "not_found"),
            408 => ("Request timeout", "request_timeout"),
            409 => ("Conflict", "conflict"),
            422 => ("Unprocessable entity", "unprocessable_entity"),
            429 => ("Too many concurrent requests", "concurrency_limited"),
            503 => ("Service unavailable", "service_unavailable"),
            >= 500 => ("Internal server error", "internal_error"),
            _ => ("Error", null),
        };
        var error = new ApiError(status, fault.ErrorCode ?? code, fault.Title ?? title, fault.Message ?? "This error was injected by the emulator.");
        await ErrorResponder.WriteAsync(context, error, fault.Headers).ConfigureAwait(false);
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
