using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.Infill;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Infill;

public class InfillTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Infill_speaks_the_transcript_and_sends_every_part(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        AudioOutputFormat format = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 22050);
        var request = new InfillRequest
        {
            LeftAudio = CartesiaFile.FromBytes(Clips.Wav("Before the gap."), "left.wav"),
            RightAudio = CartesiaFile.FromPath(Clips.WavFile("After the gap.")),
            ModelId = TtsModel.Sonic3,
            Transcript = "the missing words",
            VoiceId = CartesiaEmulator.DefaultVoiceId,
            Language = Language.English,
            OutputFormat = format,
        };

        byte[] audio = async ? await client.Infill.GenerateBytesAsync(request) : client.Infill.GenerateBytes(request);

        Assert.Equal("the missing words", Clips.Words(audio, format));
        IReadOnlyList<EmulatorFormPart> parts = emulator.Journal.For("/infill/bytes").Single().FormParts();
        Assert.Equal(["left_audio", "right_audio", "model_id", "language", "transcript", "voice_id", "output_format[container]", "output_format[encoding]", "output_format[sample_rate]"], parts.Select(p => p.Name));
        Assert.Equal(("left.wav", true), (parts[0].FileName, parts[1].FileName!.EndsWith(".wav", StringComparison.Ordinal)));
        Assert.Equal(["sonic-3", "en", "the missing words", CartesiaEmulator.DefaultVoiceId, "wav", "pcm_s16le", "22050"], parts.Skip(2).Select(p => p.Text));
    }

    [Fact]
    public async Task Infill_needs_a_clip_and_an_infill_model()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var request = new InfillRequest { ModelId = TtsModel.Sonic3, Transcript = "words", VoiceId = CartesiaEmulator.DefaultVoiceId, OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000) };

        var noClip = Assert.Throws<ArgumentException>(() => client.Infill.Generate(request));
        Assert.Empty(emulator.Journal.Requests);
        request.LeftAudio = CartesiaFile.FromBytes(Clips.Wav(), "l.wav");
        request.ModelId = TtsModel.Sonic2;
        var badModel = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Infill.GenerateAsync(request));

        Assert.Contains("LeftAudio (left_audio), RightAudio (right_audio)", noClip.Message, StringComparison.Ordinal);
        Assert.Equal("model_not_found", badModel.ErrorCode);
    }
}
