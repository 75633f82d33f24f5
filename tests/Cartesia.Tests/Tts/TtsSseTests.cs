using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Speech;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts;

public class TtsSseTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Streams_decoded_audio_with_word_and_phoneme_timestamps_then_done(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        TtsSseRequest request = Requests.Sse("Stay hungry, stay foolish. 👋");
        request.AddTimestamps = true;
        request.AddPhonemeTimestamps = true;
        request.ContextId = "ctx-1";

        List<TtsEvent> events = await Twin.GenerateSse(client, request, async);

        Assert.IsType<TtsDoneEvent>(events[^1]);
        Assert.All(events, e => Assert.Equal("ctx-1", e.ContextId));
        byte[] audio = [.. events.OfType<TtsChunkEvent>().SelectMany(c => c.Audio.ToArray())];
        List<RecognizedWord> heard = SpeechRecognizer.Recognize(PcmCodec.Decode(audio, AudioEncoding.PcmS16LE), 16000);
        TimedText[] words = [.. events.OfType<TtsTimestampsEvent>().SelectMany(t => t.WordTimestamps!.ToTimedWords())];
        Assert.Equal(["Stay", "hungry,", "stay", "foolish.", "👋"], words.Select(w => w.Text));
        Assert.Equal(words.Select(w => w.Text), heard.Select(w => w.Word));
        for (int i = 0; i < words.Length; i++)
        {
            Assert.InRange(heard[i].Start, words[i].Start.TotalSeconds - 0.01, words[i].Start.TotalSeconds + 0.01);
        }

        TimedText[] phonemes = [.. events.OfType<TtsPhonemeTimestampsEvent>().SelectMany(p => p.PhonemeTimestamps!.ToTimedPhonemes())];
        Assert.Equal("stayhungry,stayfoolish.👋", string.Concat(phonemes.Select(p => p.Text)));
        Assert.Equal(200, (await Assert.IsAssignableFrom<Task<ApiStatus>>(Task.FromResult(new ApiStatus { Ok = true }))).Ok ? 200 : 0);
    }

    [Fact]
    public async Task The_stream_exposes_its_response_once_started()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        CartesiaAsyncStream<TtsEvent> stream = client.Tts.GenerateSseAsync(Requests.Sse());

        Assert.Null(stream.Response);
        Assert.Empty(emulator.Journal.Requests);
        await foreach (TtsEvent e in stream)
        {
            Assert.NotNull(stream.Response);
        }

        Assert.Equal(200, stream.Response!.StatusCode);
        Assert.Throws<InvalidOperationException>(() => stream.GetAsyncEnumerator());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_stream_without_done_is_an_error(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/sse", new EmulatorFault { OmitDone = true });
        using CartesiaClient client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<CartesiaIncompleteStreamException>(() => Twin.GenerateSse(client, Requests.Sse(), async));

        Assert.True(error.AudioBytesReceived > 0);
        Assert.True(error.EventsReceived > 0);
        Assert.Contains("without its final \"done\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_dropped_connection_mid_stream_says_how_much_arrived(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/sse", new EmulatorFault { DropAfterChunks = 2 });
        using CartesiaClient client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<CartesiaIncompleteStreamException>(() => Twin.GenerateSse(client, Requests.Sse("A sentence long enough to need more than two chunks of audio."), async));

        Assert.Equal(2 * 1600 * 2, error.AudioBytesReceived);
    }

    [Theory]
    [InlineData("2026-08-14")]
    [InlineData("2025-11-04")]
    public async Task An_error_event_ends_the_stream_with_a_typed_exception_in_both_shapes(string version)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/sse", new EmulatorFault
        {
            ErrorEventAfterChunks = 1,
            ErrorEventStatus = 429,
            ErrorCode = "concurrency_limited",
            Title = "Too many concurrent requests",
            Message = "You have exceeded your plan's concurrency limit.",
        });
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { ApiVersion = version });
        var received = new List<TtsEvent>();

        var error = await Assert.ThrowsAsync<CartesiaStreamException>(async () =>
        {
            await foreach (TtsEvent e in client.Tts.GenerateSseAsync(Requests.Sse()))
            {
                received.Add(e);
            }
        });

        Assert.Single(received);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal("Too many concurrent requests", error.Title);
        Assert.Equal("You have exceeded your plan's concurrency limit.", error.ErrorMessage);
        Assert.Equal(3200, error.AudioBytesReceived);
        if (version == "2026-08-14")
        {
            Assert.Equal("concurrency_limited", error.ErrorCode);
            Assert.NotNull(error.RequestId);
        }
    }

    [Fact]
    public async Task Unknown_events_are_delivered_not_dropped()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/sse", new EmulatorFault { UnknownEvent = true });
        using CartesiaClient client = emulator.CreateClient();

        List<TtsEvent> events = await Twin.GenerateSse(client, Requests.Sse(), async: true);

        TtsUnknownEvent unknown = Assert.Single(events.OfType<TtsUnknownEvent>());
        Assert.Equal("emulator_notice", unknown.Type);
        Assert.Contains("forward compatibility", unknown.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.IsType<TtsDoneEvent>(events[^1]);
    }

    [Fact]
    public async Task A_malformed_event_is_a_protocol_error_with_the_payload()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/sse", new EmulatorFault { MalformedEvent = true });
        using CartesiaClient client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<CartesiaProtocolException>(() => Twin.GenerateSse(client, Requests.Sse(), async: true));

        Assert.StartsWith("{\"type\":\"chunk\"", error.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_event_without_a_blank_line_is_still_delivered()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/sse", new EmulatorFault { NoFinalBlankLine = true });
        using CartesiaClient client = emulator.CreateClient();

        List<TtsEvent> events = await Twin.GenerateSse(client, Requests.Sse(), async: false);

        Assert.IsType<TtsDoneEvent>(events[^1]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Events_split_across_reads_multi_line_data_crlf_comments_and_no_final_blank_line(bool async)
    {
        const string body =
            ": a comment line\r\n" +
            "event: message\r\n" +
            "data: {\"type\":\"chunk\",\"data\":\"AAEC\",\r\n" +
            "data: \"step_time\":1,\"status_code\":206,\"done\":false,\"context_id\":\"c\"}\r\n" +
            "\r\n" +
            "id: 7\n" +
            "retry: 100\n" +
            "data:{\"type\":\"timestamps\",\"word_timestamps\":{\"words\":[\"héllo\",\"👋🏽\"],\"start\":[0,0.5],\"end\":[0.4,0.9]}}\n" +
            "\n" +
            "data: {\"type\":\"done\",\"done\":true,\"status_code\":206,\"future_field\":{\"x\":1}}";
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/sse", new EmulatorFault
        {
            StatusCode = 200,
            RawBody = body,
            RawContentType = "text/event-stream",
            RawBodyChunkSize = 3,
            ChunkInterval = TimeSpan.FromMilliseconds(1),
        });
        using CartesiaClient client = emulator.CreateClient();

        List<TtsEvent> events = await Twin.GenerateSse(client, Requests.Sse(), async);

        Assert.Collection(
            events,
            e => Assert.Equal([0, 1, 2], Assert.IsType<TtsChunkEvent>(e).Audio.ToArray()),
            e => Assert.Equal(["héllo", "👋🏽"], Assert.IsType<TtsTimestampsEvent>(e).WordTimestamps!.Words),
            e => Assert.True(Assert.IsType<TtsDoneEvent>(e).AdditionalProperties!.ContainsKey("future_field")));
    }

    [Fact]
    public async Task A_stream_cut_in_the_middle_of_its_last_event_is_incomplete()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/sse", new EmulatorFault
        {
            StatusCode = 200,
            RawBody = "data: {\"type\":\"chunk\",\"data\":\"AAEC\"}\n\ndata: {\"type\":\"chu",
            RawContentType = "text/event-stream",
        });
        using CartesiaClient client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<CartesiaIncompleteStreamException>(() => Twin.GenerateSse(client, Requests.Sse(), async: true));

        Assert.Equal(3, error.AudioBytesReceived);
    }
}
