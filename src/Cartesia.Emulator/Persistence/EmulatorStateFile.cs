using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Cartesia.Emulator.Persistence;

/// <summary>
/// Keeps an emulator's state in <c>state.json</c> of a directory, shared by every emulator (and process) using that
/// directory. Every change happens under an exclusive lock on <c>state.lock</c>: load what is on disk if another
/// emulator changed it, apply the request, save — written to a temporary file and renamed over the old one, so a
/// reader never sees half a file. A file that cannot be parsed is moved aside (<c>state.json.corrupt-…</c>), never
/// overwritten, and <see cref="Notice"/> says where it went.
/// </summary>
internal sealed partial class EmulatorStateFile : IDisposable
{
    public const string FileName = "state.json";
    public const string LockFileName = "state.lock";

    /// <summary>How long to wait for another emulator's lock before giving up.</summary>
    internal static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AsyncLocal<bool> _inside = new();
    private readonly ILogger? _logger;
    private readonly Func<EmulatorState> _fresh;
    private byte[]? _lastBytes;
    private (DateTime Modified, long Length)? _stamp;
    private string? _notice;

    /// <param name="directory">The state directory.</param>
    /// <param name="logger">Where warnings go, if anywhere.</param>
    /// <param name="fresh">Makes the state to start again from when the file is reset under a running emulator.</param>
    public EmulatorStateFile(string directory, ILogger? logger, Func<EmulatorState> fresh)
    {
        Directory = Path.GetFullPath(directory);
        FilePath = Path.Combine(Directory, FileName);
        _logger = logger;
        _fresh = fresh;
    }

    public string Directory { get; }

    public string FilePath { get; }

    /// <summary>What happened to an unreadable state file (moved aside), or null.</summary>
    public string? Notice => Volatile.Read(ref _notice);

    /// <summary>At start: load the saved state into <paramref name="state"/>, or save <paramref name="state"/> as the first one.</summary>
    /// <param name="state">The emulator's state.</param>
    /// <param name="overlay">Changes made after loading, before saving (the voices of the emulator's options).</param>
    public void Initialize(EmulatorState state, Action<EmulatorState> overlay)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot create the emulator state directory {Directory}: {ex.Message}", ex);
        }

        using FileStream fileLock = AcquireLockAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        LoadIfChanged(state, reloadFresh: false);
        overlay(state);
        SaveIfChanged(state);
    }

    /// <summary>Runs a request that may change the state, under the lock, starting from what is on disk.</summary>
    public async Task MutateAsync(EmulatorState state, Func<Task> action, CancellationToken cancellationToken)
    {
        if (_inside.Value)
        {
            // Already under the lock (a control request calling CartesiaEmulator.CompleteFineTune): the outer call saves.
            await action().ConfigureAwait(false);
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        _inside.Value = true;
        try
        {
            using FileStream fileLock = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);
            LoadIfChanged(state, reloadFresh: true);
            try
            {
                await action().ConfigureAwait(false);
            }
            finally
            {
                SaveIfChanged(state);
            }
        }
        finally
        {
            _inside.Value = false;
            _gate.Release();
        }
    }

    /// <summary>Before a request that only reads (a generation): take in what other emulators saved, without the lock.</summary>
    public async Task RefreshAsync(EmulatorState state, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            LoadIfChanged(state, reloadFresh: true, saveAfterRecovery: false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Removes the saved state of a directory (under its lock); false when there was none.</summary>
    public static bool Reset(string directory)
    {
        var file = new EmulatorStateFile(directory, logger: null, () => new EmulatorState());
        if (!File.Exists(file.FilePath))
        {
            return false;
        }

        using FileStream fileLock = file.AcquireLockAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        if (!File.Exists(file.FilePath))
        {
            return false;
        }

        File.Delete(file.FilePath);
        return true;
    }

    private void LoadIfChanged(EmulatorState state, bool reloadFresh, bool saveAfterRecovery = true)
    {
        FileInfo info = new(FilePath);
        if (!info.Exists)
        {
            if (_stamp is not null && reloadFresh)
            {
                // Reset by `cartesia emulator reset` (or removed by hand) while this emulator runs: start again from the seeds.
                EmulatorStateSnapshot.Capture(_fresh()).ApplyTo(state);
                _stamp = null;
                _lastBytes = null;
            }

            return;
        }

        (DateTime, long) stamp = (info.LastWriteTimeUtc, info.Length);
        if (stamp == _stamp)
        {
            return;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(FilePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot read the emulator state file {FilePath}: {ex.Message} Fix its permissions, or remove it (cartesia emulator reset) to start from a fresh state.", ex);
        }

        if (_lastBytes is not null && bytes.AsSpan().SequenceEqual(_lastBytes))
        {
            _stamp = stamp;
            return;
        }

        try
        {
            EmulatorStateSnapshot.Parse(bytes).ApplyTo(state);
            _lastBytes = bytes;
            _stamp = stamp;
        }
        catch (JsonException ex)
        {
            string aside = MoveAside();
            string notice = $"The emulator state file {FilePath} could not be read ({ex.Message}); it was moved to {aside}, where your earlier voices and other records still are, and the emulator carries on from {(_stamp is null ? "a fresh state" : "the state it held")}.";
            Volatile.Write(ref _notice, notice);
            if (_logger is not null)
            {
                LogNotice(_logger, notice);
            }
            _stamp = null;
            _lastBytes = null;
            if (saveAfterRecovery)
            {
                SaveIfChanged(state);
            }
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Notice}")]
    private static partial void LogNotice(ILogger logger, string notice);

    private string MoveAside()
    {
        string stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string aside = $"{FilePath}.corrupt-{stamp}";
        for (int n = 2; File.Exists(aside); n++)
        {
            aside = $"{FilePath}.corrupt-{stamp}-{n}";
        }

        File.Move(FilePath, aside);
        return aside;
    }

    private void SaveIfChanged(EmulatorState state)
    {
        byte[] bytes = EmulatorStateSnapshot.Capture(state).ToUtf8();
        if (_lastBytes is not null && File.Exists(FilePath) && bytes.AsSpan().SequenceEqual(_lastBytes))
        {
            return;
        }

        string temporary = Path.Combine(Directory, $"{FileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        FileInfo info = new(FilePath);
        _stamp = (info.LastWriteTimeUtc, info.Length);
        _lastBytes = bytes;
    }

    private async ValueTask<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        string path = Path.Combine(Directory, LockFileName);
        DateTime giveUp = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive advisory lock (flock) on Unix and a share lock on Windows.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < giveUp)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(15), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new IOException($"The emulator state in {Directory} stayed locked by another process for {LockTimeout.TotalSeconds:0} s ({path}).", ex);
            }
        }
    }
}
