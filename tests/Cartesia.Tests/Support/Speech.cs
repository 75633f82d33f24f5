using Cartesia.Audio;
using Cartesia.Emulator.Speech;
using Cartesia.Tts;

namespace Cartesia.Tests.Support;

/// <summary>What the emulator's speech in a set of events says.</summary>
internal static class Speech
{
    public static string[] WordsOf(string transcript) => SpeechSynthesizer.Words(transcript);

    public static string[] Heard(IEnumerable<TtsEvent> events, AudioEncoding encoding, int sampleRate)
    {
        byte[] audio = [.. events.OfType<TtsChunkEvent>().SelectMany(c => c.Audio.ToArray())];
        return [.. SpeechRecognizer.Recognize(PcmCodec.Decode(audio, encoding), sampleRate).Select(w => w.Word)];
    }

    public static async Task<List<TtsEvent>> ReadAllAsync(TtsContext context, CancellationToken cancellationToken = default)
    {
        var events = new List<TtsEvent>();
        await foreach (TtsEvent e in context.ReadEventsAsync(cancellationToken))
        {
            events.Add(e);
        }

        return events;
    }
}
