namespace Cartesia.Tts;

/// <summary>
/// Fresh context ids: random version-4 UUIDs, in <see cref="Guid"/>'s usual text form, drawn from
/// <see cref="Random.Shared"/> (seeded from the operating system, per thread) rather than <see cref="Guid.NewGuid"/>,
/// which on Linux reads <c>/dev/urandom</c> once per id — a system call for each of the thousands of contexts a server
/// may open in a burst. An id only has to be unique on its connection and carries no secret.
/// </summary>
internal static class TtsContextIds
{
    /// <summary>A new id, such as <c>3f0c1a52-8d4e-4b7a-9c21-5e6f7a8b9c0d</c>.</summary>
    public static string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // version 4 (random)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // the RFC 9562 variant
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
