using Cartesia.Audio;
using Cartesia.Emulator.Speech;

namespace Cartesia.Tests.Emulator.Speech;

public class SpeechCodecTests
{
    private const string Sentence = "Hello, world! Ça va? Let's test 42 words, emoji 👋🏽 and 日本語.";

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    [InlineData(22050)]
    [InlineData(24000)]
    [InlineData(44100)]
    [InlineData(48000)]
    public void Speech_transcribes_back_to_the_same_words_at_every_rate(int sampleRate)
    {
        SynthesizedSpeech speech = SpeechSynthesizer.Synthesize(Sentence, sampleRate);

        List<RecognizedWord> words = SpeechRecognizer.Recognize(speech.Samples, sampleRate);

        Assert.Equal(SpeechSynthesizer.Words(Sentence), words.Select(w => w.Word));
        for (int i = 0; i < words.Count; i++)
        {
            Assert.InRange(words[i].Start, speech.Words[i].Start - 0.005, speech.Words[i].Start + 0.005);
            Assert.InRange(words[i].End, speech.Words[i].End - 0.005, speech.Words[i].End + 0.005);
        }
    }

    [Theory]
    [InlineData(44100, 16000, "pcm_s16le")]
    [InlineData(48000, 8000, "pcm_mulaw")]
    [InlineData(24000, 8000, "pcm_alaw")]
    [InlineData(22050, 16000, "pcm_f32le")]
    public void Speech_survives_resampling_and_companding(int fromRate, int toRate, string encoding)
    {
        SynthesizedSpeech speech = SpeechSynthesizer.Synthesize(Sentence, fromRate);
        float[] resampled = AudioResampler.Resample(speech.Samples, fromRate, toRate);
        float[] degraded = PcmCodec.Decode(PcmCodec.Encode(resampled, encoding), encoding);

        List<RecognizedWord> words = SpeechRecognizer.Recognize(degraded, toRate);

        Assert.Equal(SpeechSynthesizer.Words(Sentence), words.Select(w => w.Word));
        Assert.InRange(words[^1].End, speech.Words[^1].End - 0.01, speech.Words[^1].End + 0.01);
    }

    [Fact]
    public void Volume_and_speed_keep_the_words()
    {
        SynthesizedSpeech quiet = SpeechSynthesizer.Synthesize(Sentence, 16000, speed: 1.5, volume: 0.5);
        SynthesizedSpeech slow = SpeechSynthesizer.Synthesize(Sentence, 16000, speed: 0.6, volume: 2.0);

        Assert.Equal(SpeechSynthesizer.Words(Sentence), SpeechRecognizer.Recognize(quiet.Samples, 16000).Select(w => w.Word));
        Assert.Equal(SpeechSynthesizer.Words(Sentence), SpeechRecognizer.Recognize(slow.Samples, 16000).Select(w => w.Word));
        Assert.True(slow.Duration > quiet.Duration);
    }

    [Fact]
    public void Noise_and_silence_give_no_words()
    {
        var random = new Random(1234);
        float[] noise = new float[16000 * 2];
        for (int i = 0; i < noise.Length; i++)
        {
            noise[i] = (float)((random.NextDouble() * 0.6) - 0.3);
        }

        Assert.Empty(SpeechRecognizer.Recognize(noise, 16000));
        Assert.Empty(SpeechRecognizer.Recognize(new float[16000], 16000));
    }

    [Fact]
    public void Phoneme_timings_cover_each_grapheme_inside_its_word()
    {
        SynthesizedSpeech speech = SpeechSynthesizer.Synthesize("héllo 👋🏽", 24000);

        Assert.Equal(["h", "é", "l", "l", "o", "👋🏽"], speech.Phonemes.Select(p => p.Text));
        Assert.Equal(speech.Words[0].Start, speech.Phonemes[0].Start, 3);
        Assert.True(speech.Phonemes[4].End <= speech.Words[0].End + 0.026);
        Assert.True(speech.Phonemes[5].Start >= speech.Words[1].Start - 0.0001);
    }
}
