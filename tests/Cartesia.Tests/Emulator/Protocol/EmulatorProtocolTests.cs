using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Emulator.Protocol;

/// <summary>The emulator as any SDK sees it: raw HTTP, no Cartesia client involved.</summary>
public class EmulatorProtocolTests
{
    private const string TtsBody = """{"model_id":"sonic-3","transcript":"Hi there.","voice":"a0e99841-438c-4a64-b679-ae501e7d6091","output_format":{"container":"raw","encoding":"pcm_s16le","sample_rate":8000}}""";

    [Theory]
    [InlineData("Authorization", "Bearer sk_car_k", HttpStatusCode.OK)]
    [InlineData("X-API-Key", "sk_car_k", HttpStatusCode.OK)]
    [InlineData("Authorization", "Bearer wrong", HttpStatusCode.Unauthorized)]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    public async Task Authenticates_by_bearer_or_x_api_key(string? header, string? value, HttpStatusCode expected)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { ApiKey = "sk_car_k" });
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "tts/bytes") { Content = Json(TtsBody) };
        request.Headers.Add("Cartesia-Version", "2026-08-14");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            using JsonDocument error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("unauthorized", error.RootElement.GetProperty("error_code").GetString());
            Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), error.RootElement.GetProperty("request_id").GetString());
        }
    }

    [Fact]
    public async Task Query_credentials_and_version_work_and_the_query_version_wins()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "tts/bytes?api_key=k&cartesia_version=2027-01-01") { Content = Json(TtsBody) };
        request.Headers.Add("Cartesia-Version", "2026-08-14");

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("API version not found: '2027-01-01' is not a Cartesia API version.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_missing_version_is_rejected_except_on_the_status_endpoint()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "k");

        using HttpResponseMessage tts = await http.PostAsync("tts/bytes", Json(TtsBody));
        using HttpResponseMessage status = await http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, tts.StatusCode);
        Assert.StartsWith("Missing version:", await tts.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("application/json; charset=utf-8", status.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Unknown_routes_answer_404_in_the_cartesia_format()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        http.DefaultRequestHeaders.Add("Cartesia-Version", "2026-08-14");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "k");

        using HttpResponseMessage response = await http.GetAsync(new Uri("nothing/here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using JsonDocument error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not_found", error.RootElement.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task The_control_api_injects_faults_changes_pacing_and_serves_the_journal()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using HttpClient http = ControlClient.Create(emulator);

        using HttpResponseMessage added = await http.PostAsync("_emulator/faults", Json("""{"route":"GET /","status":503,"headers":{"retry-after":"7"},"times":2}"""));
        using HttpResponseMessage paced = await http.PutAsync("_emulator/pacing", Json("""{"time_to_first_audio_ms":5,"real_time_factor":0.5,"chunk_ms":40}"""));
        using HttpResponseMessage first = await http.GetAsync(new Uri("/", UriKind.Relative));
        using HttpResponseMessage second = await http.GetAsync(new Uri("/", UriKind.Relative));
        using HttpResponseMessage third = await http.GetAsync(new Uri("/", UriKind.Relative));
        string journal = await http.GetStringAsync(new Uri("_emulator/journal", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, paced.StatusCode);
        Assert.Equal(0.5, emulator.Pacing.RealTimeFactor);
        Assert.Equal(TimeSpan.FromMilliseconds(40), emulator.Pacing.ChunkDuration);
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], new[] { first.StatusCode, second.StatusCode, third.StatusCode });
        Assert.Equal("7", first.Headers.GetValues("retry-after").Single());
        using JsonDocument page = JsonDocument.Parse(journal);
        JsonElement entries = page.RootElement.GetProperty("requests");
        Assert.Equal(3, entries.GetArrayLength());
        Assert.Equal(503, entries[0].GetProperty("status_code").GetInt32());
        Assert.Equal("/", entries[0].GetProperty("path").GetString());
        Assert.Equal(0, page.RootElement.GetProperty("dropped_requests").GetInt64());

        using HttpResponseMessage cleared = await http.DeleteAsync(new Uri("_emulator/journal", UriKind.Relative));
        Assert.Empty(emulator.Journal.Requests);
    }

    [Fact]
    public async Task The_journal_records_bodies_and_how_requests_ended()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "tts/bytes") { Content = Json(TtsBody) };
        request.Headers.Add("Cartesia-Version", "2026-08-14");
        request.Headers.Add("X-API-Key", "k");

        using HttpResponseMessage response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        EmulatorRequest entry = await emulator.Journal.WaitForAsync(r => r.Completed, TimeSpan.FromSeconds(5));

        Assert.Equal(TtsBody, entry.BodyText);
        Assert.Equal(200, entry.StatusCode);
        Assert.False(entry.ClientDisconnected);
        Assert.Equal("[redacted]", entry.Header("x-api-key"));
        Assert.Equal(EmulatorCredentialKind.ApiKeyHeader, entry.Credential.Kind);
        Assert.True(entry.Credential.Matches("k"));
    }

    [Fact]
    public async Task Pacing_delays_the_first_audio()
    {
        var clock = new TimerWatchingClock();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions
        {
            Pacing = new EmulatorPacing { TimeToFirstAudio = TimeSpan.FromMilliseconds(400) },
            TimeProvider = clock,
        });
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "tts/bytes") { Content = Json(TtsBody) };
        request.Headers.Add("Cartesia-Version", "2026-08-14");
        request.Headers.Add("X-API-Key", "k");

        using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using Stream body = await response.Content.ReadAsStreamAsync();
        Task firstAudio = body.ReadExactlyAsync(new byte[2]).AsTask();
        await clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromMilliseconds(399));
        bool arrivedEarly = firstAudio.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await firstAudio.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(arrivedEarly, "Audio arrived before the time to first audio had passed on the emulator's clock.");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
