using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Speech;
using Cartesia.Emulator.Tts;
using Cartesia.Emulator.Uploads;

namespace Cartesia.Emulator.Generation;

/// <summary><c>POST /infill/bytes</c>: the transcript spoken in the requested format, after checking the surrounding clips.</summary>
internal static class InfillEndpoints
{
    private static readonly HashSet<string> Models = new(StringComparer.Ordinal) { "sonic-3", "sonic-3-2026-01-12", "sonic-3-2025-10-27" };

    public static void Map(WebApplication app) => app.MapPost("/infill/bytes", RunAsync);

    private static Task RunAsync(HttpContext context)
    {
        ApiContext api = ApiContext.Get(context);
        EmulatorState state = context.RequestServices.GetRequiredService<CartesiaEmulator>().State;
        FormRequest form = FormRequest.Read(api);
        UploadedPart? left = form.File("left_audio");
        UploadedPart? right = form.File("right_audio");
        if (left is null && right is null)
        {
            throw ApiError.Invalid("At least one of left_audio and right_audio must be provided.");
        }

        string model = form.RequiredText("model_id");
        if (!Models.Contains(model))
        {
            throw new ApiError(400, "model_not_found", "Invalid model", $"'{model}' is not an infill model; use sonic-3 or a dated sonic-3 snapshot.");
        }

        string transcript = form.RequiredText("transcript");
        string voiceId = form.RequiredText("voice_id");
        _ = state.Voices.Find(voiceId) ?? throw new ApiError(400, "voice_not_found", "Invalid voice", $"Voice '{voiceId}' was not found.");
        if (form.Text("language") is { } language && !ModelCatalog.TtsLanguages.Contains(language))
        {
            throw ApiError.BadRequest("Invalid language", $"'{language}' is not a supported language.");
        }

        OutputSpec output = FormOutputFormat.Read(form, rawOnly: false);
        foreach ((UploadedPart? part, string name) in new[] { (left, "left_audio"), (right, "right_audio") })
        {
            if (part is not null)
            {
                _ = ClipDecoder.Listen(part, name);
            }
        }

        byte[] audio = AudioRenderer.Render(SpeechSynthesizer.Synthesize(transcript, output.SampleRate), output);
        return AudioStreamer.BytesAsync(context, api, audio, output);
    }
}
