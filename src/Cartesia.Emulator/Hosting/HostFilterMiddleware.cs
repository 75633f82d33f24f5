namespace Cartesia.Emulator.Hosting;

/// <summary>Refuses (400) every request whose <c>Host</c> is not a name the emulator answers (see <see cref="HostNames"/>).</summary>
internal sealed class HostFilterMiddleware
{
    private readonly RequestDelegate _next;
    private readonly HostNames _names;

    public HostFilterMiddleware(RequestDelegate next, CartesiaEmulator emulator)
    {
        _next = next;
        _names = emulator.HostNames;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (_names.IsAllowed(context.Request.Host.Host))
        {
            return _next(context);
        }

        return ControlGuard.RefuseAsync(
            context,
            StatusCodes.Status400BadRequest,
            "invalid_host",
            "The emulator answers loopback host names only (localhost, 127.0.0.1, [::1]) unless it is bound to another address; this request's Host is not one of them.");
    }
}
