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
