// WebVoice: a web page that speaks, listens and talks to an agent with Cartesia, straight from the browser.
// The page never sees the API key: this server mints short-lived access tokens with only the grants the page
// needs (POST /api/token), and the page opens the Cartesia WebSockets itself with ?access_token=… (the documented
// browser form; a browser's WebSocket cannot send headers).
// Run: dotnet run --project samples/WebVoice, then open the printed URL.
// With CARTESIA_API_KEY set it uses the real Cartesia API; otherwise an emulator embedded in this process (its
// key can be set with WebVoice:EmulatorApiKey, which the browser test uses to prove the key never reaches the page).
using Cartesia;
using Cartesia.AccessTokens;
using Cartesia.Emulator;
using WebVoice;

WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
string? apiKey = builder.Configuration["CARTESIA_API_KEY"];
await using CartesiaEmulator? emulator = string.IsNullOrEmpty(apiKey)
    ? await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { ApiKey = builder.Configuration["WebVoice:EmulatorApiKey"] ?? "sk_car_webvoice_" + Guid.NewGuid().ToString("N") })
    : null;
using CartesiaClient cartesia = emulator?.CreateClient() ?? new CartesiaClient(apiKey!);

// The agent to talk to: WebVoice:AgentId, or offline the emulator's seeded support agent (it greets, then answers
// each thing you say with "You said: …"). Without one the page leaves the agent section off.
string? agentId = builder.Configuration["WebVoice:AgentId"];
if (agentId is null && emulator is not null)
{
    agentId = (await cartesia.Agents.ListAsync()).FirstOrDefault(a => a.Name == "support-line")?.Id;
}
var page = new PageSettings(
    ApiUrl: (emulator?.BaseUri ?? CartesiaClientOptions.DefaultBaseUri).ToString().TrimEnd('/'),
    WebSocketUrl: (emulator?.WebSocketBaseUri ?? new Uri("wss://api.cartesia.ai")).ToString().TrimEnd('/'),
    ApiVersion: CartesiaApiVersion.Default.Value,
    VoiceId: CartesiaEmulator.DefaultVoiceId,
    AgentId: agentId,
    Offline: emulator is not null);

WebApplication app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();

// The page's settings: where Cartesia is, never a secret.
app.MapGet("/api/settings", () => page);

// A short-lived token with only the grants the page uses. A real app authenticates its user here first (and
// rate-limits): whoever can call this endpoint can speak and listen on your account for a minute.
app.MapPost("/api/token", async (CancellationToken cancellationToken) =>
{
    TimeSpan lifetime = TimeSpan.FromSeconds(60);
    AccessToken token = await cartesia.AccessTokens.CreateAsync(new AccessTokenRequest
    {
        Grants = new AccessTokenGrants { Tts = true, Stt = true, Agent = page.AgentId is not null },
        ExpiresIn = lifetime,
    }, cancellationToken);
    return new TokenResponse(token.Token, DateTimeOffset.UtcNow + lifetime, lifetime.TotalSeconds);
});

app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(
    emulator is null ? "WebVoice uses the Cartesia API (CARTESIA_API_KEY)." : $"WebVoice uses the embedded emulator at {emulator.BaseUri}."));
app.Run();
