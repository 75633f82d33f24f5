using System.Net.Http.Headers;
using Cartesia.Emulator;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Emulator.Hosting;

/// <summary>Issue 15, finding 4: what the emulator logs (ASP.NET Core's request lines included) never holds a credential.</summary>
public class EmulatorLoggingTests
{
    [Fact]
    public async Task Secret_query_parameters_and_credential_headers_are_redacted_in_every_log_line()
    {
        const string Key = "sk_car_log_secret_key_0001", Token = "tok_log_secret_token_0002", Bearer = "sk_car_log_bearer_0003", Header = "sk_car_log_header_0004", Other = "sk_car_log_other_0005";
        using var logs = new LogCapture();
        await using (CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { LoggerFactory = logs.Factory }))
        {
            using var http = new HttpClient { BaseAddress = emulator.BaseUri };
            using var first = new HttpRequestMessage(HttpMethod.Get, $"voices?api_key={Key}&access_token={Token}&limit=1");
            first.Headers.Add("Cartesia-Version", "2026-08-14");
            using var second = new HttpRequestMessage(HttpMethod.Get, $"voices?token={Other}&key={Other}&apikey={Other}");
            second.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Bearer);
            second.Headers.Add("X-API-Key", Header);
            second.Headers.Add("Cartesia-Version", "2026-08-14");
            (await http.SendAsync(first)).Dispose();
            (await http.SendAsync(second)).Dispose();
        }

        string all = logs.AllText;

        Assert.Contains("/voices", all, StringComparison.Ordinal); // the request lines were logged
        Assert.Contains("api_key=[redacted]", all, StringComparison.Ordinal);
        Assert.Contains("access_token=[redacted]", all, StringComparison.Ordinal);
        foreach (string secret in new[] { Key, Token, Bearer, Header, Other })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("GET http://127.0.0.1:1/voices?api_key=s3cret&limit=2", "GET http://127.0.0.1:1/voices?api_key=[redacted]&limit=2")]
    [InlineData("/x?limit=1&ACCESS_TOKEN=s3cret", "/x?limit=1&ACCESS_TOKEN=[redacted]")]
    [InlineData("/x?api%5Fkey=s3cret", "/x?api%5Fkey=[redacted]")]
    [InlineData("Authorization: Bearer s3cret.token", "Authorization: Bearer [redacted]")]
    [InlineData("X-API-Key: s3cret", "X-API-Key: [redacted]")]
    [InlineData("/voices?q=keyboard&limit=2", "/voices?q=keyboard&limit=2")]
    public void Free_text_is_redacted(string text, string expected)
        => Assert.Equal(expected, Cartesia.Emulator.Hosting.SecretRedaction.RedactText(text));
}
