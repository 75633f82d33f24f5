namespace Cartesia.Emulator.Catalog;

/// <summary>The speech-to-text models of each endpoint (PROTOCOL.md §17.3), and what the endpoints accept.</summary>
internal static class SttModels
{
    /// <summary>Models of <c>POST /stt</c>.</summary>
    public static IReadOnlySet<string> Batch { get; } = new HashSet<string>(StringComparer.Ordinal) { "ink-whisper", "ink-whisper-2025-06-04" };

    /// <summary>Models of <c>/stt/websocket</c>.</summary>
    public static IReadOnlySet<string> Manual { get; } = new HashSet<string>(StringComparer.Ordinal) { "ink-2", "ink-whisper", "ink-whisper-2025-06-04" };

    /// <summary>Models of <c>/stt/turns/websocket</c>.</summary>
    public static IReadOnlySet<string> Turns { get; } = new HashSet<string>(StringComparer.Ordinal) { "ink-2" };

    /// <summary>The languages Ink Whisper transcribes (ISO 639-1, as <c>POST /stt</c> takes them).</summary>
    public static IReadOnlySet<string> WhisperLanguages { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "en", "zh", "de", "es", "ru", "ko", "fr", "ja", "pt", "tr", "pl", "ca", "nl", "ar", "sv", "it", "id", "hi", "fi", "vi", "he", "uk",
        "el", "ms", "cs", "ro", "da", "hu", "ta", "no", "th", "ur", "hr", "bg", "lt", "la", "mi", "ml", "cy", "sk", "te", "fa", "lv", "bn",
        "sr", "az", "sl", "kn", "et", "mk", "br", "eu", "is", "hy", "ne", "mn", "bs", "kk", "sq", "sw", "gl", "mr", "pa", "si", "km", "sn",
        "yo", "so", "af", "oc", "ka", "be", "tg", "sd", "gu", "am", "yi", "lo", "uz", "fo", "ht", "ps", "tk", "nn", "mt", "sa", "lb", "my",
        "bo", "tl", "mg", "as", "tt", "haw", "ln", "ha", "ba", "jw", "su", "yue",
    };

    /// <summary>The sample encodings the realtime sockets and raw uploads take (§16.2).</summary>
    public static IReadOnlySet<string> Encodings { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "pcm_s16le", "pcm_s32le", "pcm_f16le", "pcm_f32le", "pcm_mulaw", "pcm_alaw",
    };

    /// <summary>Whether a model finalizes transcripts by itself after silence (Ink Whisper on the manual socket).</summary>
    public static bool FinalizesOnSilence(string model) => model.StartsWith("ink-whisper", StringComparison.Ordinal);

    /// <summary>The documentation link of model errors.</summary>
    public const string ModelsDocUrl = "https://docs.cartesia.ai/build-with-cartesia/stt-models/latest";
}
