using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Emulator;

/// <summary>
/// Issue 15, finding 2: bodies are read only after authentication, the journal is bounded (count, bytes, a prefix of
/// each body) and read a page at a time, and an oversized WebSocket message closes the socket with 1009.
/// </summary>
public class EmulatorLimitsTests
{
    [Fact]
    public async Task An_unauthenticated_upload_is_refused_without_its_body_being_read()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { ApiKey = "sk_car_right" });
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "tts/bytes") { Content = new ByteArrayContent(new byte[8 * 1024 * 1024]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Cartesia-Version", "2026-08-14");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk_car_wrong");
        request.Headers.ExpectContinue = true;

        using HttpResponseMessage response = await http.SendAsync(request);
        EmulatorRequest entry = await emulator.Journal.WaitForAsync(r => r.Completed, TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, entry.BodyLength);
        Assert.Empty(entry.Body);
        Assert.True(emulator.Journal.RecordedBytes < 64 * 1024, $"The journal holds {emulator.Journal.RecordedBytes} bytes.");
    }

    [Fact]
    public async Task A_body_larger_than_the_limit_is_413()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Limits = new EmulatorLimits { MaxJsonBodyBytes = 1000 } });
        using HttpClient http = ControlClient.Create(emulator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "tts/bytes") { Content = new StringContent(new string(' ', 2000), Encoding.UTF8, "application/json") };
        request.Headers.Add("Cartesia-Version", "2026-08-14");

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("EmulatorLimits.MaxJsonBodyBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_journal_keeps_at_most_its_count_and_counts_what_it_dropped()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Limits = new EmulatorLimits { JournalMaxRequests = 3 } });
        using HttpClient http = ControlClient.Create(emulator);
        for (int i = 0; i < 5; i++)
        {
            (await http.GetAsync(new Uri("/", UriKind.Relative))).Dispose();
        }

        string journal = await http.GetStringAsync(new Uri("_emulator/journal", UriKind.Relative));

        Assert.Equal([3, 4, 5], emulator.Journal.Requests.Select(r => r.Sequence));
        Assert.Equal(2, emulator.Journal.DroppedRequests);
        using JsonDocument page = JsonDocument.Parse(journal);
        Assert.Equal(2, page.RootElement.GetProperty("dropped_requests").GetInt64());
        Assert.Equal(3, page.RootElement.GetProperty("requests").GetArrayLength());
    }

    [Fact]
    public async Task The_journal_keeps_a_prefix_of_each_body_and_at_most_its_bytes()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions
        {
            Limits = new EmulatorLimits { JournalBodyPrefixBytes = 40_000, JournalMaxBytes = 100_000 },
        });
        using HttpClient http = ControlClient.Create(emulator);
        for (int i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "tts/bytes") { Content = new StringContent(new string('x', 60_000), Encoding.UTF8, "application/json") };
            request.Headers.Add("Cartesia-Version", "2026-08-14");
            (await http.SendAsync(request)).Dispose();
        }

        IReadOnlyList<EmulatorRequest> kept = emulator.Journal.Requests;

        Assert.All(kept, r => Assert.Equal(60_000, r.BodyLength));
        Assert.All(kept, r => Assert.True(r.BodyTruncated));
        Assert.All(kept.Take(kept.Count - 1), r => Assert.Equal(40_000, r.Body.Length));
        Assert.True(emulator.Journal.RecordedBytes <= 100_000, $"The journal holds {emulator.Journal.RecordedBytes} bytes.");
        Assert.True(emulator.Journal.DroppedRequests >= 2, $"Dropped {emulator.Journal.DroppedRequests}.");
        Assert.True(emulator.Journal.DroppedBytes >= 80_000, $"Dropped {emulator.Journal.DroppedBytes} bytes.");

        (await http.DeleteAsync(new Uri("_emulator/journal", UriKind.Relative))).Dispose();
        Assert.Equal(0, emulator.Journal.RecordedBytes);
        Assert.Empty(emulator.Journal.Requests);
    }

    [Fact]
    public async Task The_journal_is_read_a_page_at_a_time()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using HttpClient http = ControlClient.Create(emulator);
        for (int i = 0; i < 5; i++)
        {
            (await http.GetAsync(new Uri("/", UriKind.Relative))).Dispose();
        }

        using JsonDocument first = JsonDocument.Parse(await http.GetStringAsync(new Uri("_emulator/journal?limit=2", UriKind.Relative)));
        int next = first.RootElement.GetProperty("next_after").GetInt32();
        using JsonDocument second = JsonDocument.Parse(await http.GetStringAsync(new Uri($"_emulator/journal?after={next}&limit=10", UriKind.Relative)));
        using HttpResponseMessage tooMany = await http.GetAsync(new Uri("_emulator/journal?limit=100000", UriKind.Relative));

        Assert.Equal([1, 2], first.RootElement.GetProperty("requests").EnumerateArray().Select(r => r.GetProperty("sequence").GetInt32()));
        Assert.Equal(2, next);
        Assert.Equal([3, 4, 5], second.RootElement.GetProperty("requests").EnumerateArray().Select(r => r.GetProperty("sequence").GetInt32()));
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("next_after").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task A_websocket_message_over_the_limit_closes_the_socket_with_1009()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Limits = new EmulatorLimits { MaxWebSocketMessageBytes = 64 * 1024 } });
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + CartesiaEmulator.AnyKeyPlaceholder);
        socket.Options.SetRequestHeader("Cartesia-Version", "2026-08-14");
        await socket.ConnectAsync(new Uri(emulator.WebSocketBaseUri, "tts/websocket"), CancellationToken.None);
        byte[] message = Encoding.UTF8.GetBytes("{\"context_id\":\"c\",\"transcript\":\"" + new string('a', 100_000) + "\"}");

        await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        WebSocketReceiveResult result = await socket.ReceiveAsync(new byte[4096], timeout.Token);

        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, result.CloseStatus);
        EmulatorRequest handshake = Assert.Single(emulator.Journal.For("/tts/websocket"));
        Assert.Empty(handshake.WebSocketMessages);
    }

    [Fact]
    public async Task Websocket_messages_are_kept_as_a_prefix_with_their_length()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Limits = new EmulatorLimits { JournalBodyPrefixBytes = 100 } });
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + CartesiaEmulator.AnyKeyPlaceholder);
        socket.Options.SetRequestHeader("Cartesia-Version", "2026-08-14");
        await socket.ConnectAsync(new Uri(emulator.WebSocketBaseUri, "tts/websocket"), CancellationToken.None);
        byte[] message = Encoding.UTF8.GetBytes("{\"context_id\":\"c\",\"cancel\":true,\"padding\":\"" + new string('a', 1000) + "\"}");

        await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        EmulatorRequest handshake = await emulator.Journal.WaitForAsync(r => r.WebSocketMessages.Count > 0, TimeSpan.FromSeconds(10));

        EmulatorWebSocketMessage kept = Assert.Single(handshake.WebSocketMessages);
        Assert.Equal(100, kept.Data.Length);
        Assert.Equal(message.Length, kept.Length);
    }
}
