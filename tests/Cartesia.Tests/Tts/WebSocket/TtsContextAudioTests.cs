using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Emulator.Speech;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts.WebSocket;

public class TtsContextAudioTests
{
    [Fact]
    public async Task What_was_heard_is_the_spoken_prefix_of_the_original_text()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        const string Text = "Hello, world! 👋 Take a <break time=\"1s\"/> breath; then the rest.";
        TtsContext context = socket.CreateContext(Requests.Context(timestamps: true));
        await context.SendAsync(Text);
        await context.CompleteAsync();
        List<TtsEvent> events = await Speech.ReadAllAsync(context);
        TimedText[] words = [.. events.OfType<TtsTimestampsEvent>().SelectMany(t => t.WordTimestamps!.ToTimedWords())];

        TtsSpokenText nothing = context.GetSpokenText(TimeSpan.FromMilliseconds(50));
        TtsSpokenText two = context.GetSpokenText(words[1].End);
        TtsSpokenText withEmoji = context.GetSpokenText(words[2].End + TimeSpan.FromMilliseconds(10));
        TtsSpokenText pastTag = context.GetSpokenText(words[4].End);
        TtsSpokenText all = context.GetSpokenTextForBytes(context.Metrics.AudioBytes);

        Assert.Equal(("", true, 0, true), (nothing.Text, nothing.IsKnown, nothing.WordsSpoken, nothing.IsExact));
        Assert.Equal("Hello, world!", two.Text);
        Assert.Equal("Hello, world! 👋", withEmoji.Text);
        Assert.Equal("Hello, world! 👋 Take a", pastTag.Text);
        Assert.Equal(Text, all.Text);
        Assert.True(all.IsExact);
    }

    [Fact]
    public async Task Without_timestamps_what_was_heard_is_unknown_and_never_blocks()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context(timestamps: false));
        await context.SendAsync("No timestamps were asked for.");

        TtsSpokenText before = context.GetSpokenText(TimeSpan.FromSeconds(1));
        await context.CompleteAsync();
        await Speech.ReadAllAsync(context);
        TtsSpokenText after = context.GetSpokenText(TimeSpan.FromSeconds(10));

        Assert.False(before.IsKnown);
        Assert.False(after.IsKnown);
        Assert.Equal(string.Empty, after.Text);
    }

    [Fact]
    public async Task Audio_goes_to_a_wav_with_a_correct_header_seekable_or_not()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        const string Text = "Into a wave file.";
        string path = Path.Combine(Path.GetTempPath(), $"cartesia-ws-{Guid.NewGuid():N}.wav");

        TtsContext toFile = socket.CreateContext(Requests.Context(sampleRate: 16000));
        await toFile.SendAsync(Text);
        await toFile.CompleteAsync();
        await toFile.SaveWavAsync(path);
        TtsContext toPipe = socket.CreateContext(Requests.Context(sampleRate: 16000));
        await toPipe.SendAsync(Text);
        await toPipe.CompleteAsync();
        using var pipe = new ForwardOnlyStream();
        long written = await toPipe.WriteWavAsync(pipe);

        byte[] file = await File.ReadAllBytesAsync(path);
        WavFormat format = WavHeader.Read(file);
        Assert.Equal(file.Length - format.DataOffset, format.DataLength);
        Assert.Equal(SpeechSynthesizer.Words(Text), SpeechRecognizer.Recognize(PcmCodec.Decode(file.AsSpan((int)format.DataOffset), format.Encoding), 16000).Select(w => w.Word));
        byte[] streamed = pipe.ToArray();
        Assert.Equal(WavHeader.UnknownLength, BitConverter.ToUInt32(streamed, 40));
        Assert.Equal(streamed.Length - 44, written);
        using var copy = new MemoryStream();
        copy.Write(streamed);
        WavHeader.Fix(copy);
        Assert.Equal(written, WavHeader.Read(copy.ToArray()).DataLength);
        File.Delete(path);
    }

    private sealed class ForwardOnlyStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
