using Cartesia.Emulator;
using Cartesia.Tts;

namespace Cartesia.Tests.Support;

/// <summary>Ready-made requests for tests.</summary>
internal static class Requests
{
    public const string Sentence = "Hello from Cartesia, the emulator speaks!";

    public static TtsRequest Bytes(string transcript = Sentence, AudioOutputFormat? format = null) => new()
    {
        ModelId = TtsModel.Sonic3,
        Transcript = transcript,
        Voice = CartesiaEmulator.DefaultVoiceId,
        OutputFormat = format ?? AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000),
    };

    public static TtsContextOptions Context(string? contextId = null, int sampleRate = 8000, bool timestamps = false) => new()
    {
        ModelId = TtsModel.Sonic3,
        Voice = CartesiaEmulator.DefaultVoiceId,
        OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, sampleRate),
        ContextId = contextId,
        AddTimestamps = timestamps,
        MaxBufferDelayMs = 0,
    };

    public static TtsSseRequest Sse(string transcript = Sentence, AudioOutputFormat? format = null) => new()
    {
        ModelId = TtsModel.Sonic3,
        Transcript = transcript,
        Voice = CartesiaEmulator.DefaultVoiceId,
        OutputFormat = format ?? AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 16000),
    };
}
