using System.Text;
using System.Text.Json;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.AccessTokens;

/// <summary>
/// <c>POST /access-token</c> (API key only): mints a JWT-shaped token with grants and an expiry (1–3600 s; 300 s when
/// omitted, the emulator's choice since the service's default is undocumented). The emulator then accepts the token
/// where its grants reach (see <see cref="Hosting.ApiMiddleware"/>).
/// </summary>
internal static class AccessTokenEndpoints
{
    /// <summary>The lifetime of a token minted without <c>expires_in</c>.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    public static void Map(WebApplication app) => app.MapPost("/access-token", CreateAsync);

    private static Task CreateAsync(HttpContext context)
    {
        (ApiContext api, EmulatorState state) = ApiHandler.Begin(context);
        JsonElement body = RequestJson.Object(api);
        bool tts = false, stt = false, agent = false;
        if (body.TryGetProperty("grants", out JsonElement grants) && grants.ValueKind != JsonValueKind.Null)
        {
            if (grants.ValueKind != JsonValueKind.Object)
            {
                throw new ApiError(422, "invalid_request", "Invalid request", "'grants' must be an object.");
            }

            tts = RequestJson.OptionalBool(grants, "tts") ?? false;
            stt = RequestJson.OptionalBool(grants, "stt") ?? false;
            agent = RequestJson.OptionalBool(grants, "agent") ?? false;
        }

        long? seconds = RequestJson.OptionalInteger(body, "expires_in");
        if (seconds is < 1 or > 3600)
        {
            throw ApiError.Invalid($"expires_in must be between 1 and 3600 seconds; it is {seconds}.");
        }

        DateTimeOffset now = state.Now;
        DateTimeOffset expires = now + (seconds is { } s ? TimeSpan.FromSeconds(s) : DefaultLifetime);
        string token = Jwt(tts, stt, agent, now, expires);
        state.AccessTokens[token] = new AccessTokenGrant(token, tts, stt, agent, expires);
        return JsonReply.WriteAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("token", token);
            w.WriteEndObject();
        });
    }

    /// <summary>A JWT-shaped token with these grants (also the shape of agent session tokens).</summary>
    internal static string Jwt(bool tts, bool stt, bool agent, DateTimeOffset issued, DateTimeOffset expires)
    {
        string header = Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);
        byte[] payload = JsonReply.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("sub", EmulatorState.UserId);
            w.WriteStartObject("grants");
            w.WriteBoolean("tts", tts);
            w.WriteBoolean("stt", stt);
            w.WriteBoolean("agent", agent);
            w.WriteEndObject();
            w.WriteNumber("iat", issued.ToUnixTimeSeconds());
            w.WriteNumber("exp", expires.ToUnixTimeSeconds());
            w.WriteString("jti", Guid.NewGuid().ToString("N"));
            w.WriteEndObject();
        });
        return $"{header}.{Base64Url(payload)}.{Base64Url(Guid.NewGuid().ToByteArray())}";
    }

    private static string Base64Url(ReadOnlySpan<byte> data)
        => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
