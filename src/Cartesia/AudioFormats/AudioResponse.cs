using Cartesia.Core;

namespace Cartesia;

/// <summary>
/// Generated audio as it streams in (text-to-speech, voice changer, infill): read <see cref="Audio"/>, copy it
/// to a <see cref="Stream"/> or save it to a file as it arrives, without holding the whole body in memory.
/// Dispose it when done (disposing closes the connection if the audio was not read to the end).
/// </summary>
public sealed class AudioResponse : IDisposable, IAsyncDisposable
{
    private const int CopyBufferSize = 64 * 1024;

    /// <summary>Creates a response around an audio stream (the SDK creates these; public for tests).</summary>
    /// <param name="audio">The audio stream.</param>
    /// <param name="outputFormat">The format the audio is in.</param>
    /// <param name="response">The status, headers and request id.</param>
    public AudioResponse(Stream audio, AudioOutputFormat outputFormat, CartesiaResponseInfo response)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(outputFormat);
        ArgumentNullException.ThrowIfNull(response);
        Audio = audio;
        OutputFormat = outputFormat;
        Response = response;
    }

    /// <summary>
    /// The audio as it streams in: read it once. A read that waits longer than
    /// <see cref="CartesiaClientOptions.StreamIdleTimeout"/> fails with <see cref="CartesiaTimeoutException"/>; a
    /// connection that breaks mid-way fails with <see cref="CartesiaIncompleteStreamException"/>.
    /// </summary>
    public Stream Audio { get; }

    /// <summary>The format the audio is in (the one requested).</summary>
    public AudioOutputFormat OutputFormat { get; }

    /// <summary>The media type of the audio (<c>audio/wav</c>, <c>audio/mpeg</c>, …).</summary>
    public string MediaType => OutputFormat.MediaType;

    /// <summary>The status, headers and request id of the response.</summary>
    public CartesiaResponseInfo Response { get; }

    /// <summary>The id of the saved file (header <c>Cartesia-File-ID</c>) when the request set <c>Save</c>.</summary>
    public string? FileId => Response.GetHeader("Cartesia-File-ID");

    /// <summary>Copies the audio to a stream as it arrives.</summary>
    /// <param name="destination">Where to write the audio.</param>
    /// <param name="cancellationToken">Stops the copy and closes the connection.</param>
    public Task CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return Audio.CopyToAsync(destination, CopyBufferSize, cancellationToken);
    }

    /// <summary>Copies the audio to a stream as it arrives.</summary>
    /// <param name="destination">Where to write the audio.</param>
    public void CopyTo(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Audio.CopyTo(destination, CopyBufferSize);
    }

    /// <summary>
    /// Saves the audio to a file as it arrives. The file appears only when the whole audio was received: a
    /// broken or cancelled stream leaves no partial file behind.
    /// </summary>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="cancellationToken">Stops the download and closes the connection.</param>
    /// <exception cref="DirectoryNotFoundException">The file's directory does not exist (checked before anything is written; the message names <paramref name="path"/>).</exception>
    public Task SaveToFileAsync(string path, CancellationToken cancellationToken = default)
        => SaveCoreAsync(path, async: true, cancellationToken).AsTask();

    /// <summary>
    /// Saves the audio to a file as it arrives. The file appears only when the whole audio was received.
    /// </summary>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <exception cref="DirectoryNotFoundException">The file's directory does not exist (checked before anything is written; the message names <paramref name="path"/>).</exception>
    public void SaveToFile(string path) => SaveCoreAsync(path, async: false, CancellationToken.None).EnsureCompleted();

    /// <summary>Reads the whole audio into memory.</summary>
    /// <param name="cancellationToken">Stops the download and closes the connection.</param>
    public async Task<byte[]> ReadAllBytesAsync(CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await Audio.CopyToAsync(buffer, CopyBufferSize, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Reads the whole audio into memory.</summary>
    public byte[] ReadAllBytes()
    {
        using var buffer = new MemoryStream();
        Audio.CopyTo(buffer, CopyBufferSize);
        return buffer.ToArray();
    }

    /// <summary>Waits for a pending response, reads all of its audio, and disposes it (the <c>GenerateBytesAsync</c> methods).</summary>
    internal static async Task<byte[]> ReadAllAndDisposeAsync(Task<AudioResponse> pending, CancellationToken cancellationToken)
    {
        AudioResponse response = await pending.ConfigureAwait(false);
        await using (response.ConfigureAwait(false))
        {
            return await response.ReadAllBytesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads all of a response's audio and disposes it (the <c>GenerateBytes</c> methods).</summary>
    internal static byte[] ReadAllAndDispose(AudioResponse response)
    {
        using (response)
        {
            return response.ReadAllBytes();
        }
    }

    /// <inheritdoc />
    public void Dispose() => Audio.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Audio.DisposeAsync();

    private async ValueTask SaveCoreAsync(string path, bool async, CancellationToken cancellationToken)
    {
        string fullPath = OutputFile.Check(path);
        string partial = OutputFile.PartialOf(fullPath);
        FileStream file = OutputFile.OpenPartial(path, fullPath, FileAccess.Write, CopyBufferSize, useAsync: async);
        try
        {
            if (async)
            {
                await using (file.ConfigureAwait(false))
                {
                    await Audio.CopyToAsync(file, CopyBufferSize, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                using (file)
                {
                    Audio.CopyTo(file, CopyBufferSize);
                }
            }

            File.Move(partial, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }
}
