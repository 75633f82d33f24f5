namespace Cartesia.Emulator.Protocol;

/// <summary>An access token the emulator minted: its grants and expiry.</summary>
internal sealed record AccessTokenGrant(string Token, bool Tts, bool Stt, bool Agent, DateTimeOffset ExpiresAt);
