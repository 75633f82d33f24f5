using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Stt;
using Cartesia.Tts;

namespace Cartesia.Tests.Stt;

/// <summary>Speech from the emulator's TTS, conversions, and helpers to drive STT sessions in tests.</summary>
internal static class SttAudio
{
    public const string Sentence = "Hello from Cartesia, the emulator speaks!";

    /// <summary>Raw audio of a transcript, with the word times the TTS reported.</summary>
    public static async Task<(byte[] Audio, TimedText[] Words)> SpeakAsync(CartesiaClient client, string transcript, AudioEncoding encoding, int sampleRate, double? speed = null)
    {
        var request = new TtsSseRequest
        {
            ModelId = TtsModel.Sonic3,
            Transcript = transcript,
            Voice = CartesiaEmulator.DefaultVoiceId,
            OutputFormat = AudioOutputFormat.Raw(encoding, sampleRate),
            AddTimestamps = true,
            GenerationConfig = speed is null ? null : new GenerationConfig { Speed = speed },
        };
        var audio = new MemoryStream();
        var words = new List<TimedText>();
        await foreach (TtsEvent e in client.Tts.GenerateSseAsync(request))
        {
            switch (e)
            {
                case TtsChunkEvent chunk:
                    audio.Write(chunk.Audio.Span);
                    break;
                case TtsTimestampsEvent { WordTimestamps: { } timestamps }:
                    words.AddRange(timestamps.ToTimedWords());
                    break;
            }
        }

        return (audio.ToArray(), [.. words]);
    }

    /// <summary>A whole audio file of a transcript (wav, mp3 or raw) from <c>/tts/bytes</c>.</summary>
    public static Task<byte[]> FileAsync(CartesiaClient client, string transcript, AudioOutputFormat format)
        => client.Tts.GenerateBytesAsync(new TtsRequest
        {
            ModelId = TtsModel.Sonic3,
            Transcript = transcript,
            Voice = CartesiaEmulator.DefaultVoiceId,
            OutputFormat = format,
        });

    /// <summary>Converts raw audio to another encoding and rate with the SDK's resampler and codec.</summary>
    public static byte[] Convert(byte[] audio, AudioEncoding from, int fromRate, AudioEncoding to, int toRate)
        => PcmCodec.Encode(AudioResampler.Resample(PcmCodec.Decode(audio, from), fromRate, toRate), to);

    /// <summary>Silence in an encoding.</summary>
    public static byte[] Silence(AudioEncoding encoding, int sampleRate, double seconds)
        => PcmCodec.Encode(new float[(int)(seconds * sampleRate)], encoding);

    /// <summary>Deterministic white noise, loud enough to be heard as sound.</summary>
    public static byte[] Noise(AudioEncoding encoding, int sampleRate, double seconds)
    {
        var random = new Random(42);
        float[] samples = new float[(int)(seconds * sampleRate)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)((random.NextDouble() * 0.8) - 0.4);
        }

        return PcmCodec.Encode(samples, encoding);
    }

    /// <summary>Reads every event of a session until it ends (or throws what ended it).</summary>
    public static async Task<List<SttEvent>> ReadAllAsync(SttStreamingSession session, CancellationToken cancellationToken = default)
    {
        var events = new List<SttEvent>();
        await foreach (SttEvent e in session.ReadEventsAsync(cancellationToken))
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>Manual-session options for 16 kHz s16 (or another format).</summary>
    public static SttSessionOptions Stream(AudioEncoding? encoding = null, int sampleRate = 16000) => new()
    {
        Model = SttModel.Ink2,
        Encoding = encoding ?? AudioEncoding.PcmS16LE,
        SampleRate = sampleRate,
    };

    /// <summary>Turns-session options for 16 kHz s16 (or another format).</summary>
    public static SttTurnsSessionOptions Turns(AudioEncoding? encoding = null, int sampleRate = 16000) => new()
    {
        Encoding = encoding ?? AudioEncoding.PcmS16LE,
        SampleRate = sampleRate,
    };
}
