using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Journal;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Core.Http;

public class RetryTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_429_with_retry_after_is_retried_after_the_wait_the_service_asked_for(bool async)
    {
        // The client and the emulator share a fake clock: the retry waits on it, and the journal stamps on it.
        var clock = new TimerWatchingClock();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { TimeProvider = clock });
        emulator.Faults.Add("POST /tts/bytes", EmulatorFault.Status(429).WithRetryAfterMs(300));
        using var logs = new LogCapture();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { LoggerFactory = logs.Factory, TimeProvider = clock });

        Task<byte[]> call = Task.Run(() => Twin.GenerateBytes(client, Requests.Bytes(), async));
        await clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromMilliseconds(299));
        int attemptsJustBefore = emulator.Journal.For("/tts/bytes").Count;
        bool doneJustBefore = call.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        byte[] audio = await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEmpty(audio);
        Assert.Equal((1, false), (attemptsJustBefore, doneJustBefore));
        IReadOnlyList<EmulatorRequest> attempts = emulator.Journal.For("/tts/bytes");
        Assert.Equal([429, 200], attempts.Select(a => a.StatusCode));
        Assert.Equal(TimeSpan.FromMilliseconds(300), attempts[1].ReceivedAt - attempts[0].ReceivedAt);
        Assert.Contains(logs.Records, r => r.Message.Contains("Retrying POST", StringComparison.Ordinal)
            && r.Message.Contains("in 300 ms", StringComparison.Ordinal)
            && r.Message.Contains("status 429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_honoured()
    {
        var clock = new TimerWatchingClock();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { TimeProvider = clock });
        emulator.Faults.Add("GET /", EmulatorFault.Status(503).WithRetryAfter(0.25));
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = clock });

        Task<ApiStatus> call = client.GetStatusAsync();
        await clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromMilliseconds(250));
        ApiStatus status = await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(status.Ok);
        Assert.Equal(2, status.Response!.Attempts);
        IReadOnlyList<EmulatorRequest> attempts = emulator.Journal.For("/");
        Assert.Equal(TimeSpan.FromMilliseconds(250), attempts[1].ReceivedAt - attempts[0].ReceivedAt);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_huge_retry_after_fails_at_once_with_the_wait_surfaced(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/bytes", EmulatorFault.Status(429, "concurrency_limited").WithRetryAfter(86400));
        using CartesiaClient client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<CartesiaRateLimitException>(() => Twin.GenerateBytes(client, Requests.Bytes(), async));

        Assert.Equal(TimeSpan.FromDays(1), error.RetryAfter);
        Assert.Equal("concurrency_limited", error.ErrorCode);
        Assert.Contains("longer than MaxRetryAfter", error.Message, StringComparison.Ordinal);
        Assert.Single(emulator.Journal.For("/tts/bytes"));
    }

    [Fact]
    public async Task X_should_retry_true_retries_even_a_400_and_false_stops_a_503()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /", EmulatorFault.Status(400).WithShouldRetry(true).WithRetryAfterMs(1));
        using CartesiaClient client = emulator.CreateClient();

        ApiStatus status = await client.GetStatusAsync();
        Assert.Equal(2, status.Response!.Attempts);

        emulator.Journal.Clear();
        emulator.Faults.Add("GET /", EmulatorFault.Status(503).WithShouldRetry(false));
        await Assert.ThrowsAsync<CartesiaServerException>(() => client.GetStatusAsync());
        Assert.Single(emulator.Journal.For("/"));
    }

    [Fact]
    public async Task Standard_requests_retry_5xx_up_to_max_retries()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /", EmulatorFault.Status(500).WithRetryAfterMs(1).ForRequests(5));
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { MaxRetries = 2 });

        var error = await Assert.ThrowsAsync<CartesiaServerException>(() => client.GetStatusAsync());

        Assert.Equal(3, emulator.Journal.For("/").Count);
        Assert.Equal(3, error.Response!.Attempts);
    }

    [Fact]
    public async Task Max_retries_zero_turns_retries_off()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /", EmulatorFault.Status(503).WithRetryAfterMs(1));
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { MaxRetries = 0 });

        await Assert.ThrowsAsync<CartesiaServerException>(() => client.GetStatusAsync());

        Assert.Single(emulator.Journal.For("/"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_generation_is_not_retried_after_an_ambiguous_failure(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/bytes", new EmulatorFault { DropConnection = true });
        emulator.Faults.Add("POST /tts/sse", EmulatorFault.Status(500).WithRetryAfterMs(1));
        using CartesiaClient client = emulator.CreateClient();

        var dropped = await Assert.ThrowsAsync<CartesiaConnectionException>(() => Twin.GenerateBytes(client, Requests.Bytes(), async));
        var failed = await Assert.ThrowsAsync<CartesiaServerException>(() => Twin.GenerateSse(client, Requests.Sse(), async));

        Assert.Contains("may have been processed", dropped.Message, StringComparison.Ordinal);
        Assert.Single(emulator.Journal.For("/tts/bytes"));
        Assert.Single(emulator.Journal.For("/tts/sse"));
        Assert.Equal(500, failed.StatusCode);
    }

    [Fact]
    public async Task Standard_requests_are_retried_after_a_dropped_connection()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /", new EmulatorFault { DropConnection = true });
        using CartesiaClient client = emulator.CreateClient();

        ApiStatus status = await client.GetStatusAsync();

        Assert.True(status.Ok);
        Assert.Equal(2, emulator.Journal.For("/").Count);
    }

    [Fact]
    public async Task Opting_in_retries_generations_like_every_other_request()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/bytes", new EmulatorFault { DropConnection = true });
        emulator.Faults.Add("POST /tts/bytes", EmulatorFault.Status(502).WithRetryAfterMs(1));
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { GenerationRetries = GenerationRetryMode.Always });

        byte[] audio = await client.Tts.GenerateBytesAsync(Requests.Bytes());

        Assert.NotEmpty(audio);
        Assert.Equal(3, emulator.Journal.For("/tts/bytes").Count);
    }

    [Fact]
    public async Task A_generation_that_was_certainly_not_processed_is_retried()
    {
        // 408 and 429 mean the service did not take the request: safe to retry even a billed generation.
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/sse", EmulatorFault.Status(408).WithRetryAfterMs(1));
        emulator.Faults.Add("POST /tts/sse", EmulatorFault.Status(429).WithRetryAfterMs(1));
        using CartesiaClient client = emulator.CreateClient();

        var events = await Twin.GenerateSse(client, Requests.Sse(), async: true);

        Assert.NotEmpty(events);
        Assert.Equal([408, 429, 200], emulator.Journal.For("/tts/sse").Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_connection_that_cannot_be_made_is_retried_even_for_a_generation(bool async)
    {
        // A socket bound but never listening holds the port, so connecting is refused and no other test's server can
        // take the port while this one runs.
        using var bound = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        bound.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        int port = ((System.Net.IPEndPoint)bound.LocalEndPoint!).Port;

        using var client = new CartesiaClient("sk_test", new CartesiaClientOptions { BaseUri = new Uri($"http://127.0.0.1:{port}"), MaxRetries = 1 });

        var error = await Assert.ThrowsAsync<CartesiaConnectionException>(() => Twin.GenerateBytes(client, Requests.Bytes(), async));

        Assert.Equal(2, error.Attempts);
        Assert.Contains("Gave up after 2 attempt(s)", error.Message, StringComparison.Ordinal);
    }
}
