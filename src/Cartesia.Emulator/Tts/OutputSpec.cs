namespace Cartesia.Emulator.Tts;

/// <summary>A validated output format.</summary>
internal sealed record OutputSpec(string Container, string? Encoding, int SampleRate, int? BitRate)
{
    public static IReadOnlyList<int> SampleRates { get; } = [8000, 16000, 22050, 24000, 44100, 48000];

    public static IReadOnlyList<int> BitRates { get; } = [32000, 64000, 96000, 128000, 192000];

    public static IReadOnlyList<string> Encodings { get; } = ["pcm_f32le", "pcm_s16le", "pcm_mulaw", "pcm_alaw"];

    public string MediaType => Container switch
    {
        "wav" => "audio/wav",
        "mp3" => "audio/mpeg",
        _ => "application/octet-stream",
    };

    /// <summary>Bytes of audio per second (for chunking).</summary>
    public int BytesPerSecond => Container == "mp3"
        ? BitRate!.Value / 8
        : SampleRate * Audio.PcmCodec.BytesPerSample(Encoding!);
}
