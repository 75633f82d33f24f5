using System.Text.Json;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Generation;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Speech;

namespace Cartesia.Emulator.Tts;

/// <summary><c>POST /tts/bytes</c> and <c>POST /tts/sse</c>, streaming the emulator's speech with pacing and faults.</summary>
internal static class TtsHttpEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/tts/bytes", BytesAsync);
        app.MapPost("/tts/sse", SseAsync);
    }

    /// <summary>Parses a JSON request body, answering 400 when it is not JSON.</summary>
    public static JsonElement ParseJsonBody(ApiContext api)
    {
        RequestJson.RequireJson(api);
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(api.Body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw ApiError.Invalid($"The request body is not valid JSON: {ex.Message}");
        }

        return JsonStrings.Problem(root) is { } problem ? throw ApiError.Invalid($"The request body is not valid JSON: {problem}.") : root;
    }

    /// <summary>Validates the request and synthesizes its whole audio in the requested format.</summary>
    private static (ApiContext Api, TtsJob Job, SynthesizedSpeech Speech, byte[] Audio, EmulatorPacing Pacing) Prepare(HttpContext context, TtsTransport transport)
    {
        CartesiaEmulator emulator = context.RequestServices.GetRequiredService<CartesiaEmulator>();
        ApiContext api = ApiContext.Get(context);
        TtsJob job = TtsRequestReader.Read(ParseJsonBody(api), api.Version!, emulator.State, transport);
        SynthesizedSpeech speech = SpeechSynthesizer.Synthesize(job.Transcript, job.Output.SampleRate, job.Speed, job.Volume);
        return (api, job, speech, AudioRenderer.Render(speech, job.Output), emulator.Pacing);
    }

    private static async Task BytesAsync(HttpContext context)
    {
        if (context.RequestServices.GetRequiredService<CartesiaEmulator>().FirehoseFrames is { } firehose)
        {
            await Firehose.FirehoseEndpoints.BytesAsync(context, firehose).ConfigureAwait(false);
            return;
        }

        (ApiContext api, TtsJob job, _, byte[] audio, _) = Prepare(context, TtsTransport.Bytes);
        if (job.Save)
        {
            context.Response.Headers["Cartesia-File-ID"] = "file_" + Guid.NewGuid().ToString("N");
        }

        await AudioStreamer.BytesAsync(context, api, audio, job.Output).ConfigureAwait(false);
    }

    private static async Task SseAsync(HttpContext context)
    {
        (ApiContext api, TtsJob job, SynthesizedSpeech speech, byte[] audio, EmulatorPacing pacing) = Prepare(context, TtsTransport.Sse);
        EmulatorFault? fault = api.Fault;
        CancellationToken aborted = context.RequestAborted;
        Stream body = context.Response.Body;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(aborted).ConfigureAwait(false);

        double chunkSeconds = pacing.ChunkDuration.TotalSeconds;
        int chunkBytes = AudioRenderer.ChunkBytes(job.Output, chunkSeconds);
        int bytesPerSecond = job.Output.BytesPerSecond;
        var pacer = new ChunkPacer(context, pacing, fault, chunkSeconds);
        int wordsSent = 0, phonemesSent = 0, index = 0;
        for (int offset = 0; offset < audio.Length; offset += chunkBytes, index++)
        {
            if (!await pacer.BeforeChunkAsync(index).ConfigureAwait(false))
            {
                return;
            }

            if (fault?.ErrorEventAfterChunks == index)
            {
                var error = new ApiError(fault.ErrorEventStatus, fault.ErrorCode ?? "internal_error", fault.Title ?? "Generation failed", fault.Message ?? "The emulator failed this generation on request.");
                await body.WriteAsync(TtsEventWriter.Frame(TtsEventWriter.Error(error, api.Version, api.RequestId, job.ContextId), "error"), aborted).ConfigureAwait(false);
                return;
            }

            int length = Math.Min(chunkBytes, audio.Length - offset);
            await body.WriteAsync(TtsEventWriter.Frame(TtsEventWriter.Chunk(audio.AsMemory(offset, length), job.ContextId, chunkSeconds * pacing.RealTimeFactor * 1000)), aborted).ConfigureAwait(false);
            double heard = (double)(offset + length) / bytesPerSecond;
            if (job.AddTimestamps)
            {
                wordsSent = await SendTimingsAsync(body, speech.Words, wordsSent, heard, t => TtsEventWriter.WordTimestamps(t, job.ContextId), aborted).ConfigureAwait(false);
            }

            if (job.AddPhonemeTimestamps)
            {
                phonemesSent = await SendTimingsAsync(body, speech.Phonemes, phonemesSent, heard, t => TtsEventWriter.PhonemeTimestamps(t, job.ContextId), aborted).ConfigureAwait(false);
            }

            if (index == 0 && fault?.UnknownEvent == true)
            {
                await body.WriteAsync(TtsEventWriter.Frame(TtsEventWriter.Unknown(job.ContextId)), aborted).ConfigureAwait(false);
            }

            if (index == 0 && fault?.MalformedEvent == true)
            {
                await body.WriteAsync("data: {\"type\":\"chunk\",\"data\":\"AAAA\n\n"u8.ToArray(), aborted).ConfigureAwait(false);
            }

            await body.FlushAsync(aborted).ConfigureAwait(false);
        }

        if (fault?.OmitDone != true)
        {
            await body.WriteAsync(TtsEventWriter.Frame(TtsEventWriter.Done(job.ContextId), terminate: fault?.NoFinalBlankLine != true), aborted).ConfigureAwait(false);
        }

        await body.FlushAsync(aborted).ConfigureAwait(false);
    }

    /// <summary>Sends the timings that end within the audio sent so far, as one event.</summary>
    private static async Task<int> SendTimingsAsync(Stream body, IReadOnlyList<SpeechTiming> all, int sent, double heardSeconds, Func<IReadOnlyList<SpeechTiming>, byte[]> toEvent, CancellationToken cancellationToken)
    {
        int upTo = sent;
        while (upTo < all.Count && all[upTo].End <= heardSeconds + 1e-9)
        {
            upTo++;
        }

        if (upTo > sent)
        {
            await body.WriteAsync(TtsEventWriter.Frame(toEvent(all.Skip(sent).Take(upTo - sent).ToList())), cancellationToken).ConfigureAwait(false);
        }

        return upTo;
    }
}
