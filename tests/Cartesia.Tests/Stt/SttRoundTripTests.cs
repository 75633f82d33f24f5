using Cartesia.Emulator;
using Cartesia.Stt;
using Cartesia.Tts;

namespace Cartesia.Tests.Stt;

/// <summary>Speech the emulator's TTS produced comes back through its STT as the same text, in every format.</summary>
public class SttRoundTripTests
{
    private const string Text = "Round trips keep every word, even numbers like 42!";

    public static TheoryData<string, string?, int> Formats() => new()
    {
        { "wav", "pcm_s16le", 44100 },
        { "wav", "pcm_f32le", 24000 },
        { "wav", "pcm_mulaw", 8000 },
        { "wav", "pcm_alaw", 16000 },
        { "mp3", null, 44100 },
        { "mp3", null, 22050 },
        { "raw", "pcm_s16le", 22050 },
        { "raw", "pcm_f32le", 48000 },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Tts_audio_in_any_container_encoding_and_rate_transcribes_back_to_the_text(string container, string? encoding, int sampleRate)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        AudioOutputFormat format = container switch
        {
            "wav" => AudioOutputFormat.Wav(encoding!, sampleRate),
            "mp3" => AudioOutputFormat.Mp3(sampleRate, 128000),
            _ => AudioOutputFormat.Raw(encoding!, sampleRate),
        };
        byte[] audio = await SttAudio.FileAsync(client, Text, format);

        SttTranscription result = await client.Stt.TranscribeAsync(audio, new SttTranscribeRequest
        {
            Model = SttModel.InkWhisper,
            Encoding = container == "raw" ? new AudioEncoding(encoding!) : (AudioEncoding?)null,
            SampleRate = container == "raw" ? sampleRate : null,
        });

        Assert.Equal(Text, result.Text);
    }

    [Theory]
    [InlineData("pcm_s16le", 16000)]
    [InlineData("pcm_mulaw", 8000)]
    public async Task Converted_for_agents_or_telephony_it_streams_back_through_both_sockets_and_batch_with_the_tts_word_times(string encoding, int sampleRate)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        (byte[] original, TimedText[] spoken) = await SttAudio.SpeakAsync(client, Text, AudioEncoding.PcmF32LE, 44100);
        byte[] converted = SttAudio.Convert(original, AudioEncoding.PcmF32LE, 44100, encoding, sampleRate);
        byte[] silence = SttAudio.Silence(encoding, sampleRate, 0.5);

        // Manual socket.
        await using SttSession manual = await client.Stt.ConnectAsync(SttAudio.Stream(encoding, sampleRate));
        Task<List<SttEvent>> manualEvents = SttAudio.ReadAllAsync(manual);
        await manual.SendAudioAsync(converted);
        await manual.CompleteAsync();
        List<SttWord> words = [.. (await manualEvents).OfType<SttTranscriptEvent>().Where(e => e.IsFinal).SelectMany(e => e.Words!)];

        // Turns socket.
        await using SttTurnsSession turns = await client.Stt.ConnectTurnsAsync(SttAudio.Turns(encoding, sampleRate));
        Task<List<SttEvent>> turnEvents = SttAudio.ReadAllAsync(turns);
        await turns.SendAudioAsync(converted);
        await turns.SendAudioAsync(silence);
        await turns.CompleteAsync();
        var turnText = new SttTranscriptAccumulator();
        (await turnEvents).ForEach(e => turnText.Apply(e));

        // Batch, as raw PCM.
        SttTranscription batch = await client.Stt.TranscribeAsync(converted, new SttTranscribeRequest
        {
            Model = SttModel.InkWhisper,
            Encoding = encoding,
            SampleRate = sampleRate,
            TimestampGranularities = [SttTimestampGranularity.Word],
        });

        Assert.Equal(Text, turnText.Text);
        Assert.Equal(Text, batch.Text);
        Assert.Equal(spoken.Select(w => w.Text), words.Select(w => w.Word));
        for (int i = 0; i < spoken.Length; i++)
        {
            Assert.InRange(words[i].Start, spoken[i].Start.TotalSeconds - 0.015, spoken[i].Start.TotalSeconds + 0.015);
            Assert.InRange(words[i].End, spoken[i].End.TotalSeconds - 0.015, spoken[i].End.TotalSeconds + 0.015);
            Assert.Equal(words[i].Start, batch.Words![i].Start, 3);
        }
    }
}
