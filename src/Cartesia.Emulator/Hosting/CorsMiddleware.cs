using Microsoft.Extensions.Primitives;

namespace Cartesia.Emulator.Hosting;

/// <summary>
/// Lets web pages call the API as they call the service (the page sends an access token it got from its own
/// server): a CORS preflight (<c>OPTIONS</c> with <c>Access-Control-Request-Method</c>) to an API route is answered
/// 204 with the asked method and headers allowed, and every API answer to a request with an <c>Origin</c> allows that
/// origin and exposes its headers (<c>X-Request-Id</c>, <c>Retry-After</c>…). No cookies are involved, so no
/// credentials are allowed. The control routes (<c>/_emulator</c>) get none of this: a foreign origin is refused
/// there by <see cref="ControlGuard"/>, preflight or not. WebSocket handshakes need no CORS; an <c>Origin</c> on
/// them is accepted as the service accepts it, and the credential (an access token in the query) decides.
/// </summary>
internal sealed class CorsMiddleware
{
    private const string AllowedMethods = "GET, POST, PUT, PATCH, DELETE";
    private readonly RequestDelegate _next;

    public CorsMiddleware(RequestDelegate next) => _next = next;

    public Task InvokeAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        StringValues origin = request.Headers.Origin;
        if (StringValues.IsNullOrEmpty(origin) || request.Path.StartsWithSegments(ControlEndpoints.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return _next(context);
        }

        IHeaderDictionary headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.Append("Vary", "Origin");
        if (HttpMethods.IsOptions(request.Method) && !StringValues.IsNullOrEmpty(request.Headers.AccessControlRequestMethod))
        {
            headers.AccessControlAllowMethods = AllowedMethods;
            StringValues asked = request.Headers.AccessControlRequestHeaders;
            if (!StringValues.IsNullOrEmpty(asked))
            {
                headers.AccessControlAllowHeaders = asked;
            }

            headers.AccessControlMaxAge = "600";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        headers.AccessControlExposeHeaders = "*";
        return _next(context);
    }
}
