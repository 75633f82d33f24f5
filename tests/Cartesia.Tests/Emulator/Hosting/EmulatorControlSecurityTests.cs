using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Emulator.Hosting;

/// <summary>
/// Issue 15, finding 1: the control API needs the emulator's key, a web page cannot reach it (foreign Host, foreign
/// Origin, non-JSON bodies), and the journal keeps how a credential was sent, never its value.
/// </summary>
public class EmulatorControlSecurityTests
{
    private const string Key = "sk_car_control_secret_1234";

    public static TheoryData<string, string, string?> ControlRoutes => new()
    {
        { "GET", "_emulator/journal", null },
        { "DELETE", "_emulator/journal", null },
        { "GET", "_emulator/pacing", null },
        { "PUT", "_emulator/pacing", """{"time_to_first_audio_ms":0,"real_time_factor":0,"chunk_ms":100}""" },
        { "GET", "_emulator/firehose", null },
        { "DELETE", "_emulator/firehose", null },
        { "POST", "_emulator/faults", """{"route":"GET /","status":503}""" },
        { "DELETE", "_emulator/faults", null },
        { "POST", "_emulator/fine-tunes/ft_none/complete", null },
    };

    [Theory]
    [MemberData(nameof(ControlRoutes))]
    public async Task Control_routes_need_the_emulators_key(string method, string path, string? body)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { ApiKey = Key });
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };

        using HttpResponseMessage anonymous = await http.SendAsync(Request(method, path, body));
        using HttpResponseMessage wrong = await http.SendAsync(Request(method, path, body, "Bearer sk_car_wrong"));
        using HttpResponseMessage right = await http.SendAsync(Request(method, path, body, "Bearer " + Key));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.True(right.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.NotFound, $"{method} {path} with the key: {right.StatusCode}");
        Assert.DoesNotContain(Key, await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_access_token_does_not_reach_the_control_api()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        string token = (await client.AccessTokens.CreateAsync(new Cartesia.AccessTokens.AccessTokenRequest { Grants = new Cartesia.AccessTokens.AccessTokenGrants { Tts = true } })).Token;
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };

        using HttpResponseMessage response = await http.SendAsync(Request("GET", "_emulator/journal", null, "Bearer " + token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("rebind.attacker.test")]
    [InlineData("10.0.0.1")]
    public async Task A_foreign_host_name_is_refused_on_every_route(string host)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using HttpClient http = ControlClient.Create(emulator);

        using HttpRequestMessage api = Request("GET", "voices", null);
        api.Headers.Host = $"{host}:{emulator.Port}";
        api.Headers.Add("Cartesia-Version", "2026-08-14");
        using HttpRequestMessage control = Request("GET", "_emulator/journal", null);
        control.Headers.Host = $"{host}:{emulator.Port}";
        using HttpResponseMessage apiResponse = await http.SendAsync(api);
        using HttpResponseMessage controlResponse = await http.SendAsync(control);

        Assert.Equal(HttpStatusCode.BadRequest, apiResponse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, controlResponse.StatusCode);
        Assert.Contains("invalid_host", await controlResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.Requests);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("127.3.4.5")]
    [InlineData("[::1]")]
    public async Task Loopback_host_names_are_answered(string host)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using HttpClient http = ControlClient.Create(emulator);
        using HttpRequestMessage request = Request("GET", "_emulator/pacing", null);
        request.Headers.Host = $"{host}:{emulator.Port}";

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_host_the_user_bound_on_purpose_is_answered()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Host = "0.0.0.0" });
        using HttpClient http = ControlClient.Create(emulator);
        using HttpRequestMessage request = Request("GET", "_emulator/pacing", null);
        request.Headers.Host = $"emulator.ci.internal:{emulator.Port}";

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("null", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost:3000", HttpStatusCode.OK)]
    public async Task A_foreign_origin_is_refused_on_control_routes(string origin, HttpStatusCode expected)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using HttpClient http = ControlClient.Create(emulator);
        using HttpRequestMessage request = Request("GET", "_emulator/pacing", null);
        request.Headers.Add("Origin", origin);

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task Control_bodies_must_be_json(string contentType)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using HttpClient http = ControlClient.Create(emulator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "_emulator/faults")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"route":"GET /","status":503}""")),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using HttpResponseMessage response = await http.SendAsync(request);
        using HttpResponseMessage status = await http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode); // no fault was added
    }

    [Fact]
    public async Task Malformed_control_json_is_a_400()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using HttpClient http = ControlClient.Create(emulator);

        using HttpResponseMessage response = await http.SendAsync(Request("PUT", "_emulator/pacing", "{not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_journal_records_the_kind_of_credential_never_its_value()
    {
        const string Bearer = "sk_car_bearer_secret_0001", Header = "sk_car_header_secret_0002", Query = "sk_car_query_secret_0003", Token = "tok_query_secret_0004";
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        using HttpRequestMessage first = Request("GET", "voices?limit=1", null, "Bearer " + Bearer);
        using HttpRequestMessage second = Request("GET", "voices?limit=1", null);
        second.Headers.Add("X-API-Key", Header);
        using HttpRequestMessage third = Request("GET", $"voices?api_key={Query}&limit=1", null);
        using HttpRequestMessage fourth = Request("GET", $"voices?access_token={Token}", null);
        foreach (HttpRequestMessage request in new[] { first, second, third, fourth })
        {
            request.Headers.Add("Cartesia-Version", "2026-08-14");
            (await http.SendAsync(request)).Dispose();
        }

        using HttpClient control = ControlClient.Create(emulator);
        string journal = await control.GetStringAsync(new Uri("_emulator/journal", UriKind.Relative));
        IReadOnlyList<EmulatorRequest> requests = emulator.Journal.Requests;
        string inProcess = string.Join('\n', requests.Select(r => $"{r} {r.Query} {string.Join(',', r.Headers.Select(h => h.Key + ":" + h.Value))} {r.Credential}"));

        foreach (string secret in new[] { Bearer, Header, Query, Token })
        {
            Assert.DoesNotContain(secret, journal, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, inProcess, StringComparison.Ordinal);
        }

        Assert.Equal(
            [EmulatorCredentialKind.BearerHeader, EmulatorCredentialKind.ApiKeyHeader, EmulatorCredentialKind.ApiKeyQuery, EmulatorCredentialKind.AccessTokenQuery],
            requests.Select(r => r.Credential.Kind));
        Assert.True(requests[0].Credential.Matches(Bearer));
        Assert.False(requests[0].Credential.Matches(Header));
        Assert.True(requests[1].Credential.Matches(Header));
        Assert.True(requests[2].Credential.Matches(Query));
        Assert.True(requests[3].Credential.Matches(Token));
        Assert.Equal("?api_key=[redacted]&limit=1", requests[2].Query);
        using JsonDocument page = JsonDocument.Parse(journal);
        JsonElement credential = page.RootElement.GetProperty("requests")[0].GetProperty("credential");
        Assert.Equal("bearer_header", credential.GetProperty("kind").GetString());
        Assert.Equal(requests[0].Credential.Fingerprint, credential.GetProperty("fingerprint").GetString());
        Assert.Equal("Bearer [redacted]", page.RootElement.GetProperty("requests")[0].GetProperty("headers").GetProperty("Authorization").GetString());
    }

    [Fact]
    public async Task The_journal_never_keeps_an_access_token_the_emulator_minted()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        Cartesia.AccessTokens.AccessToken token = await client.AccessTokens.CreateAsync(new Cartesia.AccessTokens.AccessTokenRequest
        {
            Grants = new Cartesia.AccessTokens.AccessTokenGrants { Tts = true },
        });

        using HttpClient control = ControlClient.Create(emulator);
        string journal = await control.GetStringAsync(new Uri("_emulator/journal", UriKind.Relative));
        EmulatorRequest minted = emulator.Journal.For("/access-token").Single();

        Assert.StartsWith("eyJ", token.Token, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Token, minted.ResponseText, StringComparison.Ordinal);
        Assert.Contains("\"token\":\"[redacted]\"", minted.ResponseText, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Token, journal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_emulator_redacts_the_same_query_parameters_as_the_sdk()
    {
        const string Query = "?api_key=1&access_token=2&token=3&key=4&apikey=5&API_KEY=6&voice=7";

        string sdk = Cartesia.Core.Diagnostics.SecretRedactor.RedactUri(new Uri("http://host/path" + Query));
        string emulator = Cartesia.Emulator.Hosting.SecretRedaction.RedactQuery(Query);

        Assert.Equal(sdk, "http://host/path" + emulator);
    }

    private static HttpRequestMessage Request(string method, string path, string? body, string? authorization = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }
}
