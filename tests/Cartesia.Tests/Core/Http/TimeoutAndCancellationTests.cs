using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Journal;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Core.Http;

public class TimeoutAndCancellationTests
{
    private const string LongText = "This generation keeps streaming for a long while, chunk after chunk, well past the per attempt timeout of the client.";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_long_generation_that_keeps_streaming_succeeds_past_every_per_attempt_timeout(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/bytes", new EmulatorFault { ChunkInterval = TimeSpan.FromMilliseconds(120) });
        // Per-attempt timeout 1 s, and an HttpClient of our own with a 1 s Timeout (standing in for the 100 s
        // default): neither may cut a stream that keeps delivering; only silence longer than the idle timeout may.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions
        {
            Timeout = TimeSpan.FromSeconds(1),
            StreamIdleTimeout = TimeSpan.FromSeconds(2),
            HttpClient = http,
        });

        byte[] audio = await Twin.GenerateBytes(client, Requests.Bytes(LongText), async);

        EmulatorRequest request = emulator.Journal.For("/tts/bytes").Single();
        Assert.True(DateTimeOffset.UtcNow - request.ReceivedAt > TimeSpan.FromSeconds(1.5), "The stream finished too fast to prove anything.");
        Assert.True(audio.Length > 44);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_stream_that_goes_silent_fails_with_an_idle_timeout(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/sse", new EmulatorFault { SilenceAfterChunks = 2 });
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { StreamIdleTimeout = TimeSpan.FromMilliseconds(400) });

        var error = await Assert.ThrowsAsync<CartesiaTimeoutException>(() => Twin.GenerateSse(client, Requests.Sse(LongText), async));

        Assert.Equal(CartesiaTimeoutPhase.StreamIdle, error.Phase);
        Assert.Equal(TimeSpan.FromMilliseconds(400), error.Timeout);
        await emulator.Journal.WaitForAsync(r => r.Path == "/tts/sse" && r.ClientDisconnected, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_request_without_an_answer_times_out_per_attempt(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /", new EmulatorFault { Delay = TimeSpan.FromSeconds(30) }.ForRequests(3));
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { Timeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1 });

        var error = await Assert.ThrowsAsync<CartesiaTimeoutException>(() => Twin.GetStatus(client, async));

        Assert.Equal(CartesiaTimeoutPhase.Request, error.Phase);
        Assert.Equal(2, error.Attempts);
        await emulator.Journal.WaitForAsync(r => r.Sequence == 2, TimeSpan.FromSeconds(5));
        Assert.Equal(2, emulator.Journal.For("/").Count);
    }

    [Fact]
    public async Task A_supplied_http_client_timeout_is_reported_not_silently_applied()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /", new EmulatorFault { Delay = TimeSpan.FromSeconds(30) });
        using var logs = new LogCapture();
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { HttpClient = http, MaxRetries = 0, LoggerFactory = logs.Factory });

        var error = await Assert.ThrowsAsync<CartesiaTimeoutException>(() => client.GetStatusAsync());

        Assert.Contains("HttpClient you supplied", error.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Records, r => r.Message.Contains("shorter than the SDK's per-attempt timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_an_sse_stream_stops_within_a_chunk_and_closes_the_connection()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/sse", new EmulatorFault { ChunkInterval = TimeSpan.FromMilliseconds(200) });
        using CartesiaClient client = emulator.CreateClient();
        using var cts = new CancellationTokenSource();
        int chunks = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (TtsEvent e in client.Tts.GenerateSseAsync(Requests.Sse(LongText)).WithCancellation(cts.Token))
            {
                if (e is TtsChunkEvent && ++chunks == 1)
                {
                    cts.Cancel();
                }
            }
        });

        Assert.Equal(1, chunks);
        EmulatorRequest request = await emulator.Journal.WaitForAsync(r => r.Path == "/tts/sse" && r.ClientDisconnected, TimeSpan.FromSeconds(5));
        Assert.True(request.Completed);
    }

    [Fact]
    public async Task Cancelling_the_generate_token_stops_the_audio_stream()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/bytes", new EmulatorFault { ChunkInterval = TimeSpan.FromMilliseconds(200) });
        using CartesiaClient client = emulator.CreateClient();
        using var cts = new CancellationTokenSource();

        await using AudioResponse audio = await client.Tts.GenerateAsync(Requests.Bytes(LongText), cts.Token);
        byte[] buffer = new byte[1 << 16];
        Assert.True(await audio.Audio.ReadAsync(buffer) > 0);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            while (await audio.Audio.ReadAsync(buffer) > 0)
            {
            }
        });
        await emulator.Journal.WaitForAsync(r => r.Path == "/tts/bytes" && r.ClientDisconnected, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Cancelling_a_synchronous_stream_stops_it()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/sse", new EmulatorFault { ChunkInterval = TimeSpan.FromMilliseconds(200) });
        using CartesiaClient client = emulator.CreateClient();
        using var cts = new CancellationTokenSource();
        int chunks = 0;

        await Task.Run(() => Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (TtsEvent e in client.Tts.GenerateSse(Requests.Sse(LongText), cts.Token))
            {
                if (e is TtsChunkEvent && ++chunks == 1)
                {
                    cts.Cancel();
                }
            }
        }));

        Assert.Equal(1, chunks);
        await emulator.Journal.WaitForAsync(r => r.Path == "/tts/sse" && r.ClientDisconnected, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Cancelling_before_the_response_cancels_the_request()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/bytes", new EmulatorFault { Delay = TimeSpan.FromSeconds(30) });
        using CartesiaClient client = emulator.CreateClient();
        using var cts = new CancellationTokenSource();

        // Cancel once the request is at the server (not after a fixed time, which a loaded machine may not meet).
        Task<AudioResponse> call = client.Tts.GenerateAsync(Requests.Bytes(), cts.Token);
        await emulator.Journal.WaitForAsync(r => r.Path == "/tts/bytes", TimeSpan.FromSeconds(30));
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Single(emulator.Journal.For("/tts/bytes"));
        await emulator.Journal.WaitForAsync(r => r.Path == "/tts/bytes" && r.ClientDisconnected, TimeSpan.FromSeconds(10));
    }
}
