using Cartesia.Audio;
using Cartesia.Emulator.Speech;

namespace Cartesia.Tests.Emulator.Speech;

public class StreamingRecognizerTests
{
    private const string Sentence = "Hello, world! Ça va? Let's test 42 words, emoji 👋🏽 and 日本語.";

    [Theory]
    [InlineData(16000, 37)]
    [InlineData(16000, 160)]
    [InlineData(16000, 1600)]
    [InlineData(8000, 800)]
    [InlineData(44100, 4410)]
    [InlineData(24000, 24000)]
    public void Audio_in_pieces_of_any_size_gives_the_words_and_times_of_the_whole(int sampleRate, int piece)
    {
        SynthesizedSpeech speech = SpeechSynthesizer.Synthesize(Sentence, sampleRate);
        List<RecognizedWord> whole = SpeechRecognizer.Recognize(speech.Samples, sampleRate);
        var recognizer = new StreamingRecognizer(sampleRate);

        var streamed = new List<RecognizedWord>();
        for (int offset = 0; offset < speech.Samples.Length; offset += piece)
        {
            streamed.AddRange(recognizer.Append(speech.Samples.AsSpan(offset, Math.Min(piece, speech.Samples.Length - offset))));
        }

        streamed.AddRange(recognizer.Flush());

        Assert.Equal(SpeechSynthesizer.Words(Sentence), streamed.Select(w => w.Word));
        Assert.Equal(whole, streamed);
        Assert.Equal(speech.Duration, recognizer.Seconds, 6);
    }

    [Fact]
    public void A_word_is_reported_once_it_is_followed_by_silence_and_not_before()
    {
        SynthesizedSpeech speech = SpeechSynthesizer.Synthesize("one two", 16000);
        var recognizer = new StreamingRecognizer(16000);
        int firstEnd = (int)(speech.Words[0].End * 16000);

        Assert.Empty(recognizer.Append(speech.Samples.AsSpan(0, firstEnd - 100)));
        Assert.True(recognizer.Sounding);
        Assert.Empty(recognizer.Append(speech.Samples.AsSpan(firstEnd - 100, 100)));

        List<RecognizedWord> words = recognizer.Append(speech.Samples.AsSpan(firstEnd, 800));
        Assert.Equal(["one"], words.Select(w => w.Word));
        Assert.False(recognizer.Sounding);
        Assert.Equal(["two"], recognizer.Append(speech.Samples.AsSpan(firstEnd + 800)).Concat(recognizer.Flush()).Select(w => w.Word));
    }

    [Fact]
    public void A_sound_starting_is_seen_at_once_however_short_it_is_so_far()
    {
        SynthesizedSpeech speech = SpeechSynthesizer.Synthesize("one two", 16000);
        var recognizer = new StreamingRecognizer(16000);
        int secondStart = (int)(speech.Words[1].Start * 16000);

        recognizer.Append(speech.Samples.AsSpan(0, secondStart));
        Assert.False(recognizer.Sounding);
        Assert.Null(recognizer.SoundStart);

        recognizer.Append(speech.Samples.AsSpan(secondStart, 80)); // 5 ms of the second word
        Assert.True(recognizer.Sounding);
        Assert.Equal(speech.Words[1].Start, recognizer.SoundStart!.Value, 2);
    }

    [Fact]
    public void Noise_and_silence_give_no_words_and_little_memory()
    {
        var random = new Random(7);
        var recognizer = new StreamingRecognizer(16000);
        float[] noise = new float[1600];
        for (int second = 0; second < 20; second++)
        {
            for (int i = 0; i < 10; i++)
            {
                for (int s = 0; s < noise.Length; s++)
                {
                    noise[s] = second % 2 == 0 ? (float)((random.NextDouble() * 0.6) - 0.3) : 0f;
                }

                Assert.Empty(recognizer.Append(noise));
            }
        }

        Assert.Empty(recognizer.Flush());
        Assert.Equal(20, recognizer.Seconds, 6);
    }

    [Fact]
    public void Telephony_audio_streams_too()
    {
        SynthesizedSpeech speech = SpeechSynthesizer.Synthesize(Sentence, 24000);
        float[] phone = PcmCodec.Decode(PcmCodec.Encode(AudioResampler.Resample(speech.Samples, 24000, 8000), AudioEncoding.PcmMulaw), AudioEncoding.PcmMulaw);
        var recognizer = new StreamingRecognizer(8000);
        var words = new List<RecognizedWord>();
        for (int offset = 0; offset < phone.Length; offset += 160)
        {
            words.AddRange(recognizer.Append(phone.AsSpan(offset, Math.Min(160, phone.Length - offset))));
        }

        words.AddRange(recognizer.Flush());
        Assert.Equal(SpeechSynthesizer.Words(Sentence), words.Select(w => w.Word));
    }
}
