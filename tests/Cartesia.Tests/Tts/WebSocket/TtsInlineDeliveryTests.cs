using Cartesia.Emulator;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts.WebSocket;

public class TtsInlineDeliveryTests
{
    private static readonly string[] Sentences = ["The first context speaks.", "A second one at the same time.", "And a third, a little longer than the others."];

    [Fact]
    public async Task Inline_delivery_gives_every_context_all_its_audio_in_order_and_then_the_end()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync(new TtsWebSocketOptions { DeliverEventsInline = true });

        List<TtsEvent>[] results = await Task.WhenAll(Sentences.Select(async (sentence, i) =>
        {
            TtsContext context = socket.CreateContext(Requests.Context($"inline-{i}"));
            await context.SendAsync(sentence);
            await context.CompleteAsync();
            return await Speech.ReadAllAsync(context);
        })).WaitAsync(TimeSpan.FromSeconds(30));

        for (int i = 0; i < Sentences.Length; i++)
        {
            Assert.Equal(Speech.WordsOf(Sentences[i]), Speech.Heard(results[i], AudioEncoding.PcmS16LE, 8000));
            Assert.IsType<TtsDoneEvent>(results[i][^1]);
            Assert.All(results[i], e => Assert.Equal($"inline-{i}", e.ContextId));
        }
    }

    [Fact]
    public async Task An_inline_reader_can_cancel_its_context_from_its_loop_body_while_another_goes_on()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync(new TtsWebSocketOptions { DeliverEventsInline = true });
        TtsContext cancelled = socket.CreateContext(Requests.Context("inline-cancel"));
        TtsContext other = socket.CreateContext(Requests.Context("inline-other"));

        // The reader waits before anything is sent, so each event runs its loop body on the receive loop as it
        // arrives (a reader that starts late finds the whole context, done included, already queued).
        int chunks = 0;
        Task reading = Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (TtsEvent e in cancelled.ReadEventsAsync())
            {
                if (e is TtsChunkEvent && ++chunks == 2)
                {
                    await cancelled.CancelAsync(); // runs on the receive loop: must not deadlock or stall the socket
                }
            }
        });
        Task<List<TtsEvent>> otherEvents = Speech.ReadAllAsync(other);
        // The text and the end in one message: its reader may cancel it as soon as audio comes, before a separate
        // complete could be sent.
        await cancelled.CompleteAsync("This sentence is long enough to need several chunks of audio on the wire.");
        await other.SendAsync(Sentences[1]);
        await other.CompleteAsync();
        await reading.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Speech.WordsOf(Sentences[1]), Speech.Heard(await otherEvents.WaitAsync(TimeSpan.FromSeconds(30)), AudioEncoding.PcmS16LE, 8000));
        Assert.Equal(TtsContextState.Cancelled, cancelled.State);
        Assert.Equal(TtsContextState.Done, other.State);
    }
}
