using System.Security.Cryptography;
using System.Text;

namespace Cartesia.Emulator.Journal;

/// <summary>
/// The credential a request carried, as the journal keeps it: how it was sent and a SHA-256 digest, never its value.
/// Tests check it with <see cref="Matches"/>.
/// </summary>
public sealed class EmulatorCredential
{
    /// <summary>A request without a credential.</summary>
    public static readonly EmulatorCredential None = new(EmulatorCredentialKind.None, null);

    private readonly byte[]? _digest;

    internal EmulatorCredential(EmulatorCredentialKind kind, string? secret)
    {
        Kind = kind;
        _digest = secret is null ? null : Digest(secret);
    }

    /// <summary>How the credential was sent.</summary>
    public EmulatorCredentialKind Kind { get; }

    /// <summary>Whether a credential was sent.</summary>
    public bool IsPresent => Kind != EmulatorCredentialKind.None;

    /// <summary>The first 12 hex digits of the credential's SHA-256, to tell credentials apart without showing them; empty without one.</summary>
    public string Fingerprint => _digest is null ? string.Empty : Convert.ToHexStringLower(_digest)[..12];

    /// <summary>Whether the request's credential was exactly this key or token.</summary>
    /// <param name="secret">The key or token to compare with.</param>
    public bool Matches(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return _digest is not null && CryptographicOperations.FixedTimeEquals(_digest, Digest(secret));
    }

    /// <inheritdoc />
    public override string ToString() => IsPresent ? $"{Kind} sha256:{Fingerprint}…" : "none";

    private static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
