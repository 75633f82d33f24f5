using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Speech;
using Cartesia.Emulator.Uploads;

namespace Cartesia.Emulator.Stt;

/// <summary>
/// <c>POST /stt</c>: batch transcription of a multipart upload (<c>file</c>, <c>model</c>, <c>language</c>,
/// <c>timestamp_granularities[]</c>; raw PCM described by the <c>encoding</c> and <c>sample_rate</c> query).
/// The emulator's own speech comes back as its words, with their times; anything else is an empty transcript.
/// </summary>
internal static class SttHttpEndpoint
{
    private static IReadOnlySet<string> Languages => SttModels.WhisperLanguages;

    public static void Map(WebApplication app) => app.MapPost("/stt", TranscribeAsync);

    private static async Task TranscribeAsync(HttpContext context)
    {
        ApiContext api = ApiContext.Get(context);
        SttWebSocketEndpoints.RequireGrant(api);
        (string? encoding, int? sampleRate) = SttAudioDecoder.ReadQuery(context.Request);
        Form form = ReadForm(api);

        string model = form.Single("model") ?? throw ApiError.Invalid("The 'model' field is required (for example ink-whisper).");
        if (!SttModels.Batch.Contains(model))
        {
            throw new ApiError(400, "model_not_found", "Invalid model", "The model is not valid, make sure it is a valid model ID.") { DocUrl = SttModels.ModelsDocUrl };
        }

        string language = form.Single("language") ?? "en";
        if (!Languages.Contains(language))
        {
            throw ApiError.BadRequest("Invalid language", $"'{language}' is not a supported language (ISO 639-1).");
        }

        bool wordTimes = false;
        foreach (string granularity in form.All("timestamp_granularities[]"))
        {
            wordTimes = granularity == "word"
                ? true
                : throw ApiError.Invalid($"'{granularity}' is not a timestamp granularity; the only one is 'word'.");
        }

        UploadedPart file = form.File ?? throw ApiError.Invalid("The 'file' field (the audio) is required.");
        if (file.Length == 0)
        {
            throw ApiError.BadRequest("Invalid audio", "The uploaded file is empty.");
        }

        HeardAudio heard = SttAudioDecoder.Listen(file, encoding, sampleRate);
        string text = string.Join(' ', heard.Words.Select(w => w.Word));
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(SttEventWriter.Transcript(api.RequestId, text, isFinal: true, heard.Seconds, language, wordTimes ? heard.Words : null), context.RequestAborted).ConfigureAwait(false);
    }

    private static Form ReadForm(ApiContext api)
    {
        if (api.Form is not { } upload)
        {
            throw ApiError.Invalid("POST /stt takes multipart/form-data (fields 'file' and 'model').");
        }

        if (upload.Problem is { } problem)
        {
            throw ApiError.Invalid($"The multipart body cannot be read: {problem}");
        }

        var form = new Form();
        foreach (UploadedPart part in upload.Parts)
        {
            if (part.Name == "file")
            {
                form.File = part;
            }
            else
            {
                form.Add(part.Name, part.Text);
            }
        }

        return form;
    }

    /// <summary>The fields of a multipart form.</summary>
    private sealed class Form
    {
        private readonly List<(string Name, string Value)> _fields = [];

        public UploadedPart? File { get; set; }

        public void Add(string name, string value) => _fields.Add((name, value));

        public string? Single(string name) => _fields.LastOrDefault(f => f.Name == name).Value;

        public IEnumerable<string> All(string name) => _fields.Where(f => f.Name == name).Select(f => f.Value);
    }
}
