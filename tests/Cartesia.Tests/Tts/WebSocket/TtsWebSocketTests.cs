using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Journal;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts.WebSocket;

public class TtsWebSocketTests
{
    [Fact]
    public async Task A_context_speaks_its_transcript_with_timestamps_and_ends_with_done()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        const string Text = "Hello over the socket, friend!";

        var events = new List<TtsEvent>();
        await foreach (TtsEvent e in socket.GenerateAsync(Requests.Context(timestamps: true), Text))
        {
            events.Add(e);
        }

        Assert.IsType<TtsDoneEvent>(events[^1]);
        Assert.Equal(Speech.WordsOf(Text), Speech.Heard(events, AudioEncoding.PcmS16LE, 8000));
        Assert.Equal(Speech.WordsOf(Text), events.OfType<TtsTimestampsEvent>().SelectMany(t => t.WordTimestamps!.Words));
        EmulatorRequest handshake = emulator.Journal.For("/tts/websocket").Single();
        Assert.True(handshake.IsWebSocket);
        Assert.Equal("2026-08-14", handshake.Header("Cartesia-Version"));
        CredentialAssert.Bearer(CartesiaEmulator.AnyKeyPlaceholder, handshake);
        Assert.Equal(string.Empty, handshake.Query);
        using JsonDocument only = JsonDocument.Parse(Assert.Single(handshake.WebSocketMessages).Data); // the text and the end, in one message
        Assert.Equal("a0e99841-438c-4a64-b679-ae501e7d6091", only.RootElement.GetProperty("voice").GetString());
        Assert.Equal("raw", only.RootElement.GetProperty("output_format").GetProperty("container").GetString());
        Assert.Equal(Text, only.RootElement.GetProperty("transcript").GetString());
        Assert.False(only.RootElement.GetProperty("continue").GetBoolean());
    }

    [Fact]
    public async Task A_hundred_concurrent_contexts_each_get_exactly_their_own_audio_in_order()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        string[] texts = [.. Enumerable.Range(0, 100).Select(i => $"Context {i} says word{i} then ends{i % 7}.")];

        List<TtsEvent>[] results = await Task.WhenAll(texts.Select(async text =>
        {
            TtsContext context = socket.CreateContext(Requests.Context());
            Task<List<TtsEvent>> reading = Speech.ReadAllAsync(context);
            foreach (string word in text.Split(' '))
            {
                await context.SendAsync(word + " ");
            }

            await context.CompleteAsync();
            return await reading;
        }));

        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(Speech.WordsOf(texts[i]), Speech.Heard(results[i], AudioEncoding.PcmS16LE, 8000));
        }

        Assert.Equal(1, socket.ConnectionCount);
        Assert.Equal(0, socket.ActiveContexts);
    }

    [Fact]
    public async Task Text_streamed_as_an_async_sequence_is_spoken_while_audio_is_read()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        var firstAudio = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async IAsyncEnumerable<string> Tokens()
        {
            foreach (string token in new[] { "The ", "first ", "sentence ", "streams. " })
            {
                yield return token;
            }

            // The rest of the text is only produced once audio of the first part was read: proof that text
            // goes in while audio comes out (this would hang if either side waited for the other).
            await firstAudio.Task.WaitAsync(TimeSpan.FromSeconds(10));
            foreach (string token in new[] { "Then ", "more ", "tokens ", "arrive." })
            {
                yield return token;
            }
        }

        var events = new List<TtsEvent>();
        await foreach (TtsEvent e in socket.GenerateAsync(Requests.Context(), Tokens()))
        {
            events.Add(e);
            if (e is TtsChunkEvent)
            {
                firstAudio.TrySetResult();
            }
        }

        Assert.Equal(Speech.WordsOf("The first sentence streams. Then more tokens arrive."), Speech.Heard(events, AudioEncoding.PcmS16LE, 8000));
    }

    [Fact]
    public async Task Flush_returns_ids_counting_from_one_and_audio_carries_them()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContextOptions options = Requests.Context();
        options.MaxBufferDelayMs = 3000;
        TtsContext context = socket.CreateContext(options);
        Task<List<TtsEvent>> reading = Speech.ReadAllAsync(context);

        await context.SendAsync("Stay hungry, ");
        int first = await context.FlushAsync();
        await context.SendAsync("stay foolish.");
        int second = await context.FlushAsync();
        await context.CompleteAsync();
        List<TtsEvent> events = await reading;

        Assert.Equal((1, 2), (first, second));
        Assert.Equal([1, 2], events.OfType<TtsFlushDoneEvent>().Select(f => f.FlushId!.Value));
        int firstFlushDone = events.FindIndex(e => e is TtsFlushDoneEvent);
        Assert.All(events.Take(firstFlushDone).OfType<TtsChunkEvent>(), c => Assert.Equal(1, c.FlushId));
        Assert.All(events.Skip(firstFlushDone).OfType<TtsChunkEvent>(), c => Assert.Equal(2, c.FlushId));
        Assert.Equal(["Stay", "hungry,", "stay", "foolish."], Speech.Heard(events, AudioEncoding.PcmS16LE, 8000));
        Assert.Equal(TtsContextState.Done, context.State);
        await context.Completion;
    }

    [Fact]
    public async Task Unicode_and_emoji_split_across_sends_arrive_intact()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        const string Text = "Grüße 👋🏽 日本語 and ça va?";
        TtsContext context = socket.CreateContext(Requests.Context(timestamps: true));
        Task<List<TtsEvent>> reading = Speech.ReadAllAsync(context);

        // One UTF-16 code unit at a time: surrogate pairs and combining sequences split across sends.
        foreach (char c in Text)
        {
            await context.SendAsync(c.ToString());
        }

        await context.CompleteAsync();
        List<TtsEvent> events = await reading;

        Assert.Equal(Speech.WordsOf(Text), Speech.Heard(events, AudioEncoding.PcmS16LE, 8000));
        string[] sent = [.. emulator.Journal.For("/tts/websocket").Single().WebSocketMessages.Select(m => JsonDocument.Parse(m.Data).RootElement.GetProperty("transcript").GetString()!)];
        Assert.Equal(Text, string.Concat(sent));
        Assert.DoesNotContain(sent, piece => piece.Length > 0 && char.IsHighSurrogate(piece[^1]));
    }

    [Fact]
    public async Task Concurrent_sends_from_many_tasks_keep_each_contexts_order()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        string[] texts = [.. Enumerable.Range(0, 12).Select(i => string.Join(' ', Enumerable.Range(0, 15).Select(w => $"c{i}w{w}")) + ".")];

        List<TtsEvent>[] results = await Task.WhenAll(texts.Select(text => Task.Run(async () =>
        {
            TtsContext context = socket.CreateContext(Requests.Context());
            Task<List<TtsEvent>> reading = Speech.ReadAllAsync(context);
            foreach (string word in text.Split(' '))
            {
                await context.SendAsync(word + " ");
                await Task.Yield();
            }

            await context.CompleteAsync();
            return await reading;
        })));

        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(Speech.WordsOf(texts[i]), Speech.Heard(results[i], AudioEncoding.PcmS16LE, 8000));
        }
    }

    [Fact]
    public async Task Many_tasks_sending_on_one_context_never_interleave_a_message()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context());
        Task<List<TtsEvent>> reading = Speech.ReadAllAsync(context);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => context.SendAsync($"w{i} ").AsTask())));
        await context.CompleteAsync();
        List<TtsEvent> events = await reading;

        string[] heard = Speech.Heard(events, AudioEncoding.PcmS16LE, 8000);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"w{i}").Order(), heard.Order());
        Assert.All(emulator.Journal.For("/tts/websocket").Single().WebSocketMessages, m => JsonDocument.Parse(m.Data));
    }

    [Fact]
    public async Task Metrics_report_time_to_first_audio_and_duration()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context(sampleRate: 16000));

        await context.SendAsync("Measure me please.");
        await context.CompleteAsync();
        List<TtsEvent> events = await Speech.ReadAllAsync(context);
        TtsContextMetrics metrics = context.Metrics;

        long bytes = events.OfType<TtsChunkEvent>().Sum(c => (long)c.Audio.Length);
        Assert.NotNull(metrics.TimeToFirstAudio);
        Assert.Equal(bytes, metrics.AudioBytes);
        Assert.Equal(TimeSpan.FromSeconds(bytes / 2.0 / 16000), metrics.AudioDuration);
        Assert.Equal(events.Count(e => e is TtsChunkEvent), metrics.Chunks);
        Assert.Equal("Measure me please.".Length, metrics.CharactersSent);
    }
}

public class EmulatorTlsTests
{
    [Fact]
    public async Task The_emulator_serves_https_and_wss_with_a_certificate_clients_can_trust()
    {
        string pem = Path.Combine(Path.GetTempPath(), $"cartesia-emulator-{Guid.NewGuid():N}.pem");
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { UseTls = true, TlsCertificatePath = pem });
        using CartesiaClient client = emulator.CreateClient();
        using var untrusting = new CartesiaClient("sk", new CartesiaClientOptions { BaseUri = emulator.BaseUri, MaxRetries = 0 });

        byte[] audio = await client.Tts.GenerateBytesAsync(Requests.Bytes());
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        var events = new List<TtsEvent>();
        await foreach (TtsEvent e in socket.GenerateAsync(Requests.Context(), "Over TLS."))
        {
            events.Add(e);
        }

        await Assert.ThrowsAsync<CartesiaConnectionException>(() => untrusting.GetStatusAsync());
        Assert.Equal("https", emulator.BaseUri.Scheme);
        Assert.Equal("wss", emulator.WebSocketBaseUri.Scheme);
        Assert.NotEmpty(audio);
        Assert.Equal(Speech.WordsOf("Over TLS."), Speech.Heard(events, AudioEncoding.PcmS16LE, 8000));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", await File.ReadAllTextAsync(pem), StringComparison.Ordinal);
        File.Delete(pem);
    }
}
