using Cartesia.Emulator;
using Cartesia.Stt;

namespace Cartesia.Tests.Stt;

public class SttSessionTests
{
    [Fact]
    public async Task Interim_then_final_transcripts_and_done_give_back_the_spoken_words()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        (byte[] audio, _) = await SttAudio.SpeakAsync(client, SttAudio.Sentence, AudioEncoding.PcmS16LE, 16000);

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(audio);
        await session.CompleteAsync();
        List<SttEvent> events = await reading;

        var transcript = new SttTranscriptAccumulator();
        events.ForEach(e => transcript.Apply(e));
        Assert.Equal(SttAudio.Sentence, transcript.Text);
        Assert.Contains(events, e => e is SttTranscriptEvent { IsFinal: false });
        Assert.IsType<SttDoneEvent>(events[^1]);
    }
}
