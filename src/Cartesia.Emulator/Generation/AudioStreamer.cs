using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Tts;

namespace Cartesia.Emulator.Generation;

/// <summary>Streams generated audio as a bytes body or as untyped voice-changer SSE events, with pacing and faults.</summary>
internal static class AudioStreamer
{
    public static async Task BytesAsync(HttpContext context, ApiContext api, byte[] audio, OutputSpec output)
    {
        EmulatorPacing pacing = context.RequestServices.GetRequiredService<CartesiaEmulator>().Pacing;
        EmulatorFault? fault = api.Fault;
        CancellationToken aborted = context.RequestAborted;
        context.Response.ContentType = output.MediaType;
        await context.Response.StartAsync(aborted).ConfigureAwait(false);
        int chunkBytes = AudioRenderer.ChunkBytes(output, pacing.ChunkDuration.TotalSeconds);
        var pacer = new ChunkPacer(context, pacing, fault, pacing.ChunkDuration.TotalSeconds);
        int index = 0;
        for (int offset = 0; offset < audio.Length; offset += chunkBytes, index++)
        {
            if (!await pacer.BeforeChunkAsync(index).ConfigureAwait(false))
            {
                return;
            }

            if (fault?.ErrorEventAfterChunks == index)
            {
                // A bytes stream cannot carry an error event: the service can only cut it.
                await ChunkPacer.DropAsync(context).ConfigureAwait(false);
                return;
            }

            await context.Response.Body.WriteAsync(audio.AsMemory(offset, Math.Min(chunkBytes, audio.Length - offset)), aborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
        }

        if (fault?.OmitDone == true)
        {
            // For a bytes stream "stopping early" means the body ends without its final chunk.
            await ChunkPacer.DropAsync(context).ConfigureAwait(false);
        }
    }

    /// <summary>Voice changer SSE: <c>{"done":false,"status_code":206,…,"data":…,"sample_rate":…}</c> chunks, then <c>{"done":true,"status_code":200}</c>.</summary>
    public static async Task VoiceChangerSseAsync(HttpContext context, ApiContext api, byte[] audio, OutputSpec output)
    {
        EmulatorPacing pacing = context.RequestServices.GetRequiredService<CartesiaEmulator>().Pacing;
        EmulatorFault? fault = api.Fault;
        CancellationToken aborted = context.RequestAborted;
        Stream body = context.Response.Body;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(aborted).ConfigureAwait(false);
        double chunkSeconds = pacing.ChunkDuration.TotalSeconds;
        int chunkBytes = AudioRenderer.ChunkBytes(output, chunkSeconds);
        var pacer = new ChunkPacer(context, pacing, fault, chunkSeconds);
        int index = 0;
        for (int offset = 0; offset < audio.Length; offset += chunkBytes, index++)
        {
            if (!await pacer.BeforeChunkAsync(index).ConfigureAwait(false))
            {
                return;
            }

            if (fault?.ErrorEventAfterChunks == index)
            {
                var error = new ApiError(fault.ErrorEventStatus, fault.ErrorCode ?? "internal_error", fault.Title ?? "Generation failed", fault.Message ?? "The emulator failed this generation on request.");
                await body.WriteAsync(TtsEventWriter.Frame(TtsEventWriter.Error(error, api.Version, api.RequestId, null), "error"), aborted).ConfigureAwait(false);
                return;
            }

            int length = Math.Min(chunkBytes, audio.Length - offset);
            byte[] chunk = JsonReply.Build(w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("done", false);
                w.WriteNumber("status_code", 206);
                w.WriteNumber("step_time", Math.Round(chunkSeconds * pacing.RealTimeFactor * 1000, 3));
                w.WriteBase64String("data", audio.AsSpan(offset, length));
                w.WriteNumber("sample_rate", output.SampleRate);
                w.WriteEndObject();
            });
            await body.WriteAsync(TtsEventWriter.Frame(chunk), aborted).ConfigureAwait(false);
            if (index == 0 && fault?.UnknownEvent == true)
            {
                await body.WriteAsync(TtsEventWriter.Frame(TtsEventWriter.Unknown(null)), aborted).ConfigureAwait(false);
            }

            await body.FlushAsync(aborted).ConfigureAwait(false);
        }

        if (fault?.OmitDone != true)
        {
            byte[] done = JsonReply.Build(w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("done", true);
                w.WriteNumber("status_code", 200);
                w.WriteEndObject();
            });
            await body.WriteAsync(TtsEventWriter.Frame(done), aborted).ConfigureAwait(false);
        }

        await body.FlushAsync(aborted).ConfigureAwait(false);
    }
}
