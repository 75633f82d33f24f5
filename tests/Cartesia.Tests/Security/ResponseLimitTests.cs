using System.Text;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Security;

/// <summary>
/// Issue 15, finding 7: what the service sends is read within limits, and exceeding one ends the call with
/// <see cref="CartesiaProtocolException"/>, never an untyped exception or unbounded memory.
/// </summary>
public class ResponseLimitTests
{
    private const int Limit = 1024 * 1024;
    private const long Flood = 20L * 1024 * 1024;

    [Fact]
    public async Task An_sse_line_that_never_ends_fails_typed_at_the_limit()
    {
        await using var server = new HostileServer((_, stream) => HostileServer.WriteEndlessAsync(stream, "text/event-stream", "event: chunk\ndata: ", (byte)'a', Flood));
        using var client = CreateClient(server, o => o.MaxSseEventBytes = Limit);

        var error = await Assert.ThrowsAsync<CartesiaProtocolException>(() => ReadAllAsync(client));

        Assert.Contains("MaxSseEventBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sse_event_of_endless_short_lines_fails_typed_at_the_limit()
    {
        // Each line ends, but no blank line ever ends the event: the event itself is bounded.
        await using var server = new HostileServer((_, stream) => HostileServer.WriteEndlessAsync(stream, "text/event-stream", "event: chunk\n", (byte)'\n', 0)
            .ContinueWith(async _ =>
            {
                byte[] line = Encoding.ASCII.GetBytes("data: " + new string('b', 1000) + "\r\n");
                try
                {
                    for (long sent = 0; sent < Flood; sent += line.Length)
                    {
                        await stream.WriteAsync(line);
                    }
                }
                catch (IOException)
                {
                }
            }, TaskScheduler.Default).Unwrap());
        using var client = CreateClient(server, o => o.MaxSseEventBytes = Limit);

        await Assert.ThrowsAsync<CartesiaProtocolException>(() => ReadAllAsync(client));
    }

    [Fact]
    public async Task Events_under_the_limit_stream_normally_however_many_there_are()
    {
        var sse = new StringBuilder();
        string audio = Convert.ToBase64String(new byte[600]);
        for (int i = 0; i < 3000; i++)
        {
            sse.Append("event: chunk\r\ndata: {\"type\":\"chunk\",\"status_code\":206,\"done\":false,\"data\":\"").Append(audio).Append("\"}\r\n\r\n");
        }

        sse.Append("event: done\ndata: {\"type\":\"done\",\"status_code\":200,\"done\":true}\n\n");
        await using var server = new HostileServer((_, stream) => HostileServer.WriteAsync(stream, 200, "text/event-stream", sse.ToString()));
        using var client = CreateClient(server, o => o.MaxSseEventBytes = CartesiaClientOptions.MinimumLimitBytes);

        int events = await ReadAllAsync(client);

        Assert.Equal(3001, events); // 2.4 MB in all, each event well under 1 KiB
    }

    [Fact]
    public async Task A_json_body_declared_over_the_limit_fails_typed_without_being_read()
    {
        await using var server = new HostileServer(async (_, stream) =>
        {
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Flood}\r\n\r\n{{\"ok\":true,\"version\":\""));
            }
            catch (IOException)
            {
            }
        });
        using var client = CreateClient(server, o => o.MaxResponseBodyBytes = Limit);

        var error = await Assert.ThrowsAsync<CartesiaProtocolException>(() => client.GetStatusAsync());

        Assert.Contains("MaxResponseBodyBytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Connections); // not retried
    }

    [Fact]
    public async Task An_endless_json_body_fails_typed_at_the_limit()
    {
        await using var server = new HostileServer((_, stream) => HostileServer.WriteEndlessAsync(stream, "application/json", "{\"ok\":true,\"version\":\"", (byte)'v', Flood));
        using var client = CreateClient(server, o => o.MaxResponseBodyBytes = Limit);

        var error = await Assert.ThrowsAsync<CartesiaProtocolException>(() => client.GetStatusAsync());

        Assert.Contains("MaxResponseBodyBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_below_the_minimum_is_refused_when_the_client_is_built()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CartesiaClient("sk_car_limits_0123", new CartesiaClientOptions { MaxSseEventBytes = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CartesiaClient("sk_car_limits_0123", new CartesiaClientOptions { MaxResponseBodyBytes = 1023 }));
        Assert.Equal(64 * 1024 * 1024, new CartesiaClientOptions().MaxResponseBodyBytes);
        Assert.Equal(16 * 1024 * 1024, new CartesiaClientOptions().MaxSseEventBytes);
    }

    private static CartesiaClient CreateClient(HostileServer server, Action<CartesiaClientOptions> configure)
    {
        var options = new CartesiaClientOptions { BaseUri = server.BaseUri, MaxRetries = 2 };
        configure(options);
        return new CartesiaClient("sk_car_limits_0123", options);
    }

    private static async Task<int> ReadAllAsync(CartesiaClient client)
    {
        int events = 0;
        await foreach (TtsEvent _ in client.Tts.GenerateSseAsync(Requests.Sse()))
        {
            events++;
        }

        return events;
    }
}
