using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Tests.Support;
using static Cartesia.Tests.Emulator.Agents.AgentSocketClient;

namespace Cartesia.Tests.Emulator.Agents;

/// <summary>
/// Issue 17 (emulator): who may open the Agents WebSockets (AGENTS-WEBSOCKET.md §1, U1–U4, U19): an API key
/// (X-API-Key on the managed socket, Bearer on the legacy one) or an access token with the agent grant in
/// access_token; refusals are HTTP errors with the structured body before the upgrade.
/// </summary>
public class AgentSocketHandshakeTests
{
    private static CartesiaEmulatorOptions Fast() => new() { Agents = { RealTimeFactor = 0 } };

    [Fact]
    public async Task An_agent_grant_token_in_access_token_opens_both_sockets()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        string token = await MintAsync(emulator, """{"grants":{"agent":true}}""");

        await using (AgentSocketClient managed = await ManagedAsync(emulator, accessToken: token))
        {
            await managed.SessionCreateAsync();
            Assert.Equal("session_ready", Type(await managed.NextAsync()));
        }

        await using AgentSocketClient legacy = await LegacyAsync(emulator, accessToken: token);
        await legacy.SendAsync("""{"event":"start","config":{"input_format":"pcm_16000"}}""");
        Assert.Equal("ack", Type(await legacy.NextAsync()));
    }

    [Fact]
    public async Task A_token_without_the_agent_grant_is_refused_with_403_on_both_sockets()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        string token = await MintAsync(emulator, """{"grants":{"tts":true,"stt":true}}""");

        int managed = await RefusedStatusAsync(new Uri(emulator.WebSocketBaseUri, $"v1/agents/websocket/{SupportAgent}?cartesia_version=2026-08-14&access_token={token}"), _ => { });
        int legacy = await RefusedStatusAsync(new Uri(emulator.WebSocketBaseUri, $"agents/stream/{SupportAgent}?cartesia_version=2025-04-16&access_token={token}"), _ => { });

        Assert.Equal((403, 403), (managed, legacy));
        (int status, JsonElement body) = await PlainGetAsync(emulator, $"v1/agents/websocket/{SupportAgent}?cartesia_version=2026-08-14&access_token={token}");
        Assert.Equal(403, status);
        Assert.Equal("forbidden", body.GetProperty("error_code").GetString());
        Assert.Contains("agent grant", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_managed_socket_refuses_a_key_sent_only_in_Authorization()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());

        int status = await RefusedStatusAsync(
            new Uri(emulator.WebSocketBaseUri, $"v1/agents/websocket/{SupportAgent}?cartesia_version=2026-08-14"),
            o => o.SetRequestHeader("Authorization", "Bearer " + CartesiaEmulator.AnyKeyPlaceholder));

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task A_missing_or_wrong_key_is_refused_with_401()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { ApiKey = "sk_car_right" });

        int none = await RefusedStatusAsync(new Uri(emulator.WebSocketBaseUri, $"v1/agents/websocket/{SupportAgent}?cartesia_version=2026-08-14"), _ => { });
        int wrong = await RefusedStatusAsync(new Uri(emulator.WebSocketBaseUri, $"agents/stream/{SupportAgent}"), o =>
        {
            o.SetRequestHeader("Authorization", "Bearer sk_car_wrong");
            o.SetRequestHeader("Cartesia-Version", "2025-04-16");
        });

        Assert.Equal((401, 401), (none, wrong));
    }

    [Fact]
    public async Task An_unknown_agent_is_a_404_with_the_structured_error()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());

        int managed = await RefusedStatusAsync(new Uri(emulator.WebSocketBaseUri, "v1/agents/websocket/agent_nope?cartesia_version=2026-08-14"), o => o.SetRequestHeader("X-API-Key", "sk_car_x"));
        int legacy = await RefusedStatusAsync(new Uri(emulator.WebSocketBaseUri, "agents/stream/agent_nope"), o =>
        {
            o.SetRequestHeader("Authorization", "Bearer sk_car_x");
            o.SetRequestHeader("Cartesia-Version", "2025-04-16");
        });

        Assert.Equal((404, 404), (managed, legacy));
        (int status, JsonElement body) = await PlainGetAsync(emulator, "v1/agents/websocket/agent_nope?cartesia_version=2026-08-14", ("X-API-Key", "sk_car_x"));
        Assert.Equal(404, status);
        Assert.Equal("agent_not_found", body.GetProperty("error_code").GetString());
        Assert.Contains("agent_nope", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Calls_over_the_cap_are_refused_with_429_until_one_ends()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Agents = { RealTimeFactor = 0, MaxConcurrentCalls = 2 } });
        AgentSocketClient first = await ManagedAsync(emulator);
        await using AgentSocketClient second = await LegacyAsync(emulator);

        int refused = await RefusedStatusAsync(new Uri(emulator.WebSocketBaseUri, $"v1/agents/websocket/{SupportAgent}?cartesia_version=2026-08-14"), o => o.SetRequestHeader("X-API-Key", "sk_car_x"));
        Assert.Equal(429, refused);

        await first.DisposeAsync();
        await emulator.Journal.WaitForAsync(r => r.Path.StartsWith("/v1/agents/websocket", StringComparison.Ordinal) && r.StatusCode == 101 && r.Completed, TimeSpan.FromSeconds(10));
        await using AgentSocketClient third = await ManagedAsync(emulator);
        await third.SessionCreateAsync();
        Assert.Equal("session_ready", Type(await third.NextAsync()));
    }

    [Fact]
    public async Task The_version_may_come_in_the_header_and_a_browser_Origin_is_accepted()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await ConnectAsync(new Uri(emulator.WebSocketBaseUri, $"v1/agents/websocket/{SupportAgent}"), o =>
        {
            o.SetRequestHeader("X-API-Key", "sk_car_x");
            o.SetRequestHeader("Cartesia-Version", "2026-08-14");
            o.SetRequestHeader("Origin", "http://localhost:5173");
        });

        await call.SessionCreateAsync();

        Assert.Equal("session_ready", Type(await call.NextAsync()));
    }

    [Fact]
    public async Task A_session_token_opens_its_agents_managed_socket_once_with_the_sessions_variables()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        JsonElement session = await CreateSessionAsync(emulator, BookingAgent, """{"dynamic_variables":{"customer_name":"Ada"}}""");
        string token = session.GetProperty("token").GetString()!;
        Assert.Equal(300, session.GetProperty("expires_in").GetInt32());

        int otherAgent = await RefusedStatusAsync(new Uri(emulator.WebSocketBaseUri, $"v1/agents/websocket/{SupportAgent}?cartesia_version=2026-08-14&access_token={token}"), _ => { });
        int legacy = await RefusedStatusAsync(new Uri(emulator.WebSocketBaseUri, $"agents/stream/{BookingAgent}?cartesia_version=2025-04-16&access_token={token}"), _ => { });
        Assert.Equal((403, 403), (otherAgent, legacy));

        await using (AgentSocketClient call = await ManagedAsync(emulator, BookingAgent, accessToken: token))
        {
            await call.SessionCreateAsync();
            Assert.Equal("session_ready", Type(await call.NextAsync()));
            List<JsonElement> greeting = await call.UntilTurnEndedAsync("assistant");
            Assert.Equal("Hello Ada! Shall we book a time?", greeting[^1].GetProperty("text").GetString());
        }

        int reused = await RefusedStatusAsync(new Uri(emulator.WebSocketBaseUri, $"v1/agents/websocket/{BookingAgent}?cartesia_version=2026-08-14&access_token={token}"), _ => { });
        Assert.Equal(401, reused);
    }

    [Fact]
    public async Task A_session_token_cannot_create_sessions_and_its_socket_cannot_set_dynamic_variables()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        string token = (await CreateSessionAsync(emulator, SupportAgent, "{}")).GetProperty("token").GetString()!;

        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/agents/websocket/{SupportAgent}/sessions") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Authorization", "Bearer " + token);
        request.Headers.Add("Cartesia-Version", "2026-08-14");
        using HttpResponseMessage response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        await using AgentSocketClient call = await ManagedAsync(emulator, accessToken: token);
        await call.SendAsync("""{"type":"session_create","audio":{"input_format":"pcm_16000"},"dynamic_variables":{"customer_name":"Eve"}}""");
        JsonElement error = await call.NextAsync();
        Assert.Equal(("error", "dynamic_variables_not_allowed", true), (Type(error), error.GetProperty("code").GetString(), error.GetProperty("fatal").GetBoolean()));
        Assert.Null(await call.ReceiveAsync());
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, call.CloseStatus);
    }

    internal static async Task<string> MintAsync(CartesiaEmulator emulator, string body)
    {
        using HttpClient http = ControlClient.Create(emulator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "access-token") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Cartesia-Version", "2026-08-14");
        using HttpResponseMessage response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private static async Task<JsonElement> CreateSessionAsync(CartesiaEmulator emulator, string agentId, string body)
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/agents/websocket/{agentId}/sessions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-API-Key", CartesiaEmulator.AnyKeyPlaceholder);
        request.Headers.Add("Cartesia-Version", "2026-08-14");
        using HttpResponseMessage response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<(int Status, JsonElement Body)> PlainGetAsync(CartesiaEmulator emulator, string path, params (string Name, string Value)[] headers)
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach ((string name, string value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
