using Cartesia.Emulator.Journal;

namespace Cartesia.Tests.Support;

/// <summary>
/// Checks which credential a request carried: the journal keeps only how it was sent and a digest (never the value),
/// so tests compare with <see cref="EmulatorCredential.Matches"/>.
/// </summary>
internal static class CredentialAssert
{
    /// <summary>The request sent exactly this key or token as <c>Authorization: Bearer</c>.</summary>
    public static void Bearer(string expected, EmulatorRequest request)
    {
        Assert.Equal(EmulatorCredentialKind.BearerHeader, request.Credential.Kind);
        Assert.True(request.Credential.Matches(expected), $"Request #{request.Sequence} sent a different bearer credential ({request.Credential}).");
        Assert.Equal("Bearer [redacted]", request.Header("Authorization"));
    }
}
