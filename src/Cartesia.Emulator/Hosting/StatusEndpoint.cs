using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Hosting;

/// <summary><c>GET /</c>: the API is up, and its default version.</summary>
internal static class StatusEndpoint
{
    public static void Map(WebApplication app)
        => app.MapGet("/", (HttpContext context) => context.Response.WriteAsJsonAsync(new { ok = true, version = ApiVersions.Current }));
}
