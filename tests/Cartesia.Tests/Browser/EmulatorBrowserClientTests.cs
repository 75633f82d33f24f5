using System.Net;
using System.Net.WebSockets;
using Cartesia.AccessTokens;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;

namespace Cartesia.Tests.Browser;

/// <summary>
/// Issue 19: the emulator takes browser clients as the service does — CORS for the REST API, WebSocket handshakes
/// with an <c>Origin</c> — while its control routes keep refusing foreign origins (issue 15).
/// </summary>
public class EmulatorBrowserClientTests
{
    private const string PageOrigin = "http://localhost:5123";

    private static HttpRequestMessage Preflight(string path, string method, string headers, string origin = PageOrigin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(",", values) : null;

    [Fact]
    public async Task A_preflight_to_the_api_is_answered_with_the_asked_method_and_headers_allowed_for_that_origin()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };

        using HttpResponseMessage response = await http.SendAsync(Preflight("/tts/bytes", "POST", "authorization,cartesia-version,content-type"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(PageOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Equal("authorization,cartesia-version,content-type", Header(response, "Access-Control-Allow-Headers"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
        Assert.Empty(emulator.Journal.Requests);
    }

    [Fact]
    public async Task A_page_with_an_access_token_gets_the_answer_and_may_read_its_headers()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient server = emulator.CreateClient();
        string token = (await server.AccessTokens.CreateAsync(new AccessTokenRequest { Grants = new AccessTokenGrants { Tts = true } })).Token;
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tts/bytes")
        {
            Content = new StringContent("""{"model_id":"sonic-3","transcript":"From a page.","voice":{"mode":"id","id":"a0e99841-438c-4a64-b679-ae501e7d6091"},"output_format":{"container":"wav","encoding":"pcm_s16le","sample_rate":8000}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", PageOrigin);
        request.Headers.Add("Authorization", "Bearer " + token);
        request.Headers.Add("Cartesia-Version", "2026-08-14");

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PageOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("*", Header(response, "Access-Control-Expose-Headers"));
    }

    [Theory]
    [InlineData("/_emulator/journal")]
    [InlineData("/_EMULATOR/journal")]
    public async Task The_control_routes_still_refuse_a_foreign_page_and_send_no_cors_headers(string path)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };

        using HttpResponseMessage preflight = await http.SendAsync(Preflight(path, "DELETE", "authorization", "http://evil.example"));
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        get.Headers.Add("Origin", "http://evil.example");
        get.Headers.Add("Authorization", "Bearer " + CartesiaEmulator.AnyKeyPlaceholder);
        using HttpResponseMessage read = await http.SendAsync(get);

        Assert.NotEqual(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.False(read.IsSuccessStatusCode);
        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Null(Header(read, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_websocket_handshake_with_an_origin_and_a_token_in_the_query_is_accepted_where_the_grant_reaches()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient server = emulator.CreateClient();
        string ttsOnly = (await server.AccessTokens.CreateAsync(new AccessTokenRequest { Grants = new AccessTokenGrants { Tts = true } })).Token;

        async Task<(bool Open, int Status)> Connect(string path)
        {
            using var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Origin", PageOrigin);
            socket.Options.CollectHttpResponseDetails = true;
            try
            {
                await socket.ConnectAsync(new Uri(emulator.WebSocketBaseUri, $"{path}?cartesia_version=2026-08-14&access_token={Uri.EscapeDataString(ttsOnly)}"), CancellationToken.None);
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return (true, (int)socket.HttpStatusCode);
            }
            catch (WebSocketException)
            {
                return (false, (int)socket.HttpStatusCode);
            }
        }

        Assert.Equal((true, 101), await Connect("tts/websocket"));
        Assert.Equal((false, 403), await Connect("stt/websocket"));
        EmulatorRequest handshake = emulator.Journal.For("/tts/websocket").Single();
        Assert.Equal(PageOrigin, handshake.Header("Origin"));
        Assert.Equal(EmulatorCredentialKind.AccessTokenQuery, handshake.Credential.Kind);
    }
}
