using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Speech;
using Cartesia.Emulator.Tts;
using Cartesia.Emulator.Uploads;

namespace Cartesia.Emulator.Generation;

/// <summary>
/// <c>POST /voice-changer/bytes</c> and <c>/voice-changer/sse</c>: the words the emulator hears in the clip, spoken
/// again in the target voice and format (so the output transcribes to the input's words).
/// </summary>
internal static class VoiceChangerEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/voice-changer/bytes", context => RunAsync(context, sse: false));
        app.MapPost("/voice-changer/sse", context => RunAsync(context, sse: true));
    }

    private static Task RunAsync(HttpContext context, bool sse)
    {
        ApiContext api = ApiContext.Get(context);
        EmulatorState state = context.RequestServices.GetRequiredService<CartesiaEmulator>().State;
        FormRequest form = FormRequest.Read(api);
        UploadedPart clip = form.File("clip") ?? throw new ApiError(422, "invalid_request", "Invalid request", "'clip' (an audio file) is required.");
        string voiceId = form.RequiredText("voice[id]");
        _ = state.Voices.Find(voiceId) ?? throw new ApiError(400, "voice_not_found", "Invalid voice", $"Voice '{voiceId}' was not found.");
        OutputSpec output = FormOutputFormat.Read(form, rawOnly: sse);
        string words = string.Join(' ', ClipDecoder.Listen(clip, "clip").Words.Select(w => w.Word));
        byte[] audio = AudioRenderer.Render(SpeechSynthesizer.Synthesize(words, output.SampleRate), output);
        return sse ? AudioStreamer.VoiceChangerSseAsync(context, api, audio, output) : AudioStreamer.BytesAsync(context, api, audio, output);
    }
}
