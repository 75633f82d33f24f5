namespace WebVoice;

/// <summary>What the page needs to know to reach Cartesia; nothing secret.</summary>
public sealed record PageSettings(string ApiUrl, string WebSocketUrl, string ApiVersion, string VoiceId, string? AgentId, bool Offline);

/// <summary>An access token for the page, when it expires, and its lifetime in seconds (the page times its refresh by that, whatever its clock says).</summary>
public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt, double ExpiresIn);
