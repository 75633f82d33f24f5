namespace Cartesia.Emulator.Persistence;

/// <summary>
/// With <see cref="CartesiaEmulatorOptions.StateDirectory"/>: runs each request that may change the state under the
/// state file's lock (load, run, save), and lets generation requests (TTS, STT, voice changer, infill, WebSockets)
/// take in what other emulators saved without holding the lock for the length of a stream.
/// </summary>
internal sealed class StatePersistenceMiddleware(RequestDelegate next)
{
    private static readonly string[] GenerationPrefixes = ["/tts", "/stt", "/voice-changer", "/infill"];

    public Task InvokeAsync(HttpContext context, CartesiaEmulator emulator)
    {
        if (emulator.StateFile is not { } file)
        {
            return next(context);
        }

        return IsGeneration(context) ? RefreshThenAsync(context, file, emulator) : file.MutateAsync(emulator.State, () => next(context), context.RequestAborted);
    }

    private async Task RefreshThenAsync(HttpContext context, EmulatorStateFile file, CartesiaEmulator emulator)
    {
        await file.RefreshAsync(emulator.State, context.RequestAborted).ConfigureAwait(false);
        await next(context).ConfigureAwait(false);
    }

    private static bool IsGeneration(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            return true;
        }

        string path = context.Request.Path.Value ?? string.Empty;
        return Array.Exists(GenerationPrefixes, prefix => path.StartsWith(prefix, StringComparison.Ordinal));
    }
}
