namespace Cartesia.Emulator;

/// <summary>
/// How much the emulator accepts and keeps, so a hostile or runaway client cannot grow it without bound
/// (see <see cref="CartesiaEmulatorOptions.Limits"/>).
/// </summary>
public sealed class EmulatorLimits
{
    /// <summary>
    /// The largest <c>multipart/form-data</c> upload accepted (after authentication); a larger one gets 413. Uploads
    /// are streamed: file parts are spooled to temporary files (see <see cref="CartesiaEmulatorOptions.UploadDirectory"/>),
    /// so this bounds disk, not memory. Default 256 MiB.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// The largest request body of any other kind (JSON), and the most text fields of an upload may hold in all; a
    /// larger one gets 413 before the rest is read. Such a body is held in memory. Default 4 MiB, far above the
    /// service's biggest JSON request.
    /// </summary>
    public int MaxJsonBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The largest WebSocket message accepted; a larger one closes the socket with 1009 (message too big). The service
    /// documents no limit; the default, 16 MiB, is far above any message an SDK sends.
    /// </summary>
    public int MaxWebSocketMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How many requests the journal keeps; the oldest are dropped (and counted) beyond it. Default 10,000.</summary>
    public int JournalMaxRequests { get; set; } = 10_000;

    /// <summary>
    /// How many bytes of bodies, answers and WebSocket messages the journal keeps in all; the oldest requests are
    /// dropped (and counted) beyond it. Default 256 MiB.
    /// </summary>
    public long JournalMaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// How many bytes of each request body, answer and WebSocket message the journal keeps (the original length is
    /// recorded). Default 1 MiB.
    /// </summary>
    public int JournalBodyPrefixBytes { get; set; } = 1024 * 1024;

    internal EmulatorLimits Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestBodyBytes, 0, nameof(MaxRequestBodyBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxJsonBodyBytes, 0, nameof(MaxJsonBodyBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWebSocketMessageBytes, 1, nameof(MaxWebSocketMessageBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(JournalMaxRequests, 1, nameof(JournalMaxRequests));
        ArgumentOutOfRangeException.ThrowIfLessThan(JournalMaxBytes, 0, nameof(JournalMaxBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(JournalBodyPrefixBytes, 0, nameof(JournalBodyPrefixBytes));
        return this;
    }
}
