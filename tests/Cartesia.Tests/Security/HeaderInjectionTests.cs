using Cartesia.Tests.Support;

namespace Cartesia.Tests.Security;

/// <summary>
/// Issue 15, finding 5: nothing configured can add a header or a request of its own. A raw loopback server
/// records the exact bytes it receives.
/// </summary>
public class HeaderInjectionTests
{
    private const string Key = "sk_car_headers_0123456789";

    public static TheoryData<string, Action<CartesiaClientOptions>> HostileOptions => new()
    {
        { "CartesiaClientOptions.ApplicationId", o => o.ApplicationId = "app/1.0\r\nX-Injected: yes" },
        { "CartesiaClientOptions.ApplicationId", o => o.ApplicationId = "app/1.0\r\n\r\nDELETE /voices/v1 HTTP/1.1\r\nHost: x\r\n\r\n" },
        { "CartesiaClientOptions.ApplicationId", o => o.ApplicationId = "app/1.0\nX-Injected: yes" },
        { "CartesiaClientOptions.ApplicationId", o => o.ApplicationId = "appé/1.0" },
        { "CartesiaClientOptions.ApplicationId", o => o.ApplicationId = "app\0" },
        { "DefaultHeaders[\"X-Foo\"]", o => o.DefaultHeaders["X-Foo"] = "a\r\nX-Injected: yes" },
        { "DefaultHeaders[\"X-Foo\"]", o => o.DefaultHeaders["X-Foo"] = "a\r\n\r\nDELETE /voices/v1 HTTP/1.1\r\nHost: x\r\n\r\n" },
        { "DefaultHeaders[\"X-Foo\"]", o => o.DefaultHeaders["X-Foo"] = "naïve" },
        { "DefaultHeaders[\"X-Foo\"]", o => o.DefaultHeaders["X-Foo"] = "tab\there" },
        { "CartesiaClientOptions.DefaultHeaders", o => o.DefaultHeaders["X-Foo\r\nX-Injected"] = "yes" },
        { "CartesiaClientOptions.DefaultHeaders", o => o.DefaultHeaders["X Foo"] = "yes" },
        { "CartesiaClientOptions.DefaultHeaders", o => o.DefaultHeaders[""] = "yes" },
        { "CartesiaClientOptions.DefaultHeaders", o => o.DefaultHeaders["Ünïcode"] = "yes" },
    };

    [Theory]
    [MemberData(nameof(HostileOptions))]
    public async Task A_hostile_header_is_refused_when_the_client_is_built_before_anything_is_sent(string named, Action<CartesiaClientOptions> configure)
    {
        await using var server = new HostileServer((_, stream) => HostileServer.WriteAsync(stream, 200, "application/json", """{"ok":true}"""));
        var options = new CartesiaClientOptions { BaseUri = server.BaseUri, MaxRetries = 0 };
        configure(options);

        var error = Assert.ThrowsAny<ArgumentException>(() => new CartesiaClient(Key, options));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, server.Connections);
        Assert.Equal(string.Empty, server.Received);
    }

    [Theory]
    [InlineData("sk_car_abc\r\nX-Injected: yes")]
    [InlineData("sk_car_abc\r\n\r\nDELETE /voices/v1 HTTP/1.1")]
    [InlineData("sk_car_ключ")]
    [InlineData("sk_car_a b")]
    public void A_hostile_api_key_or_access_token_is_refused(string secret)
    {
        Assert.ThrowsAny<ArgumentException>(() => CartesiaCredential.FromApiKey(secret));
        Assert.ThrowsAny<ArgumentException>(() => CartesiaCredential.FromAccessToken(secret));
        Assert.ThrowsAny<ArgumentException>(() => new CartesiaClient(new CartesiaClientOptions { ApiKey = secret, BaseUri = new Uri("http://127.0.0.1:9/") }));
    }

    [Theory]
    [InlineData("X-Foo", "a\r\n\r\nDELETE /voices/v1 HTTP/1.1\r\nHost: x\r\n\r\n", null, "CartesiaRequest.Headers[\"X-Foo\"]")]
    [InlineData("X-Foo\r\nX-Injected", "yes", null, "CartesiaRequest.Headers")]
    [InlineData("X-Foo", "ok", "application/json\r\nX-Injected: yes", "CartesiaRequest.Accept")]
    public async Task A_hostile_header_on_a_raw_request_is_refused_before_anything_is_sent(string name, string value, string? accept, string named)
    {
        await using var server = new HostileServer((_, stream) => HostileServer.WriteAsync(stream, 200, "application/json", "{}"));
        using var client = new CartesiaClient(Key, new CartesiaClientOptions { BaseUri = server.BaseUri, MaxRetries = 0 });
        var request = new CartesiaRequest(HttpMethod.Get, "/voices");
        request.Headers[name] = value;
        if (accept is not null)
        {
            request.Accept = accept;
        }

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.SendAsync(request));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task Valid_headers_reach_the_server_exactly_as_configured_in_one_request()
    {
        await using var server = new HostileServer((_, stream) => HostileServer.WriteAsync(stream, 200, "application/json", """{"ok":true,"version":"x"}"""));
        var options = new CartesiaClientOptions { BaseUri = server.BaseUri, MaxRetries = 0, ApplicationId = "my-agent/1.2 (+https://example.com)" };
        options.DefaultHeaders["X-Trace-Id"] = "abc-123 ~!";
        using var client = new CartesiaClient(Key, options);

        ApiStatus status = await client.GetStatusAsync();

        Assert.True(status.Ok);
        string received = server.Received;
        Assert.Equal(1, server.Connections);
        Assert.Single(received.Split("\r\n"), l => l.StartsWith("GET ", StringComparison.Ordinal));
        Assert.Contains("\r\nX-Trace-Id: abc-123 ~!\r\n", received, StringComparison.Ordinal);
        Assert.Contains(" my-agent/1.2 (+https://example.com)\r\n", received, StringComparison.Ordinal);
    }
}
