namespace Cartesia.Emulator.Protocol;

/// <summary>What every API handler starts with: the request's context and the emulator's state.</summary>
internal static class ApiHandler
{
    public static (ApiContext Api, EmulatorState State) Begin(HttpContext context)
        => (ApiContext.Get(context), context.RequestServices.GetRequiredService<CartesiaEmulator>().State);
}
