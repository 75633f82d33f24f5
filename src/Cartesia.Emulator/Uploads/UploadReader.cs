using Cartesia.Emulator.Protocol;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Cartesia.Emulator.Uploads;

/// <summary>
/// Streams a <c>multipart/form-data</c> request body with ASP.NET Core's <see cref="MultipartReader"/>: text fields
/// are kept in memory (at most <see cref="EmulatorLimits.MaxJsonBodyBytes"/> in all), file parts are copied to
/// temporary files as they arrive, so an upload costs a buffer of memory whatever its size. The form is disposed
/// (its files deleted) when the request ends — answered, failed or aborted.
/// </summary>
internal static class UploadReader
{
    /// <summary>The boundary of a multipart/form-data content type, or null for any other body.</summary>
    public static string? Boundary(string? contentType)
        => MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? type)
           && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
           && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 } boundary
            ? boundary
            : null;

    /// <summary>
    /// Reads the whole body through <paramref name="tap"/> into a form (a malformed body gives a form with a
    /// <see cref="UploadedForm.Problem"/>, the rest of the body read and counted). Only the multipart reader's own
    /// errors (a plain <see cref="IOException"/>, <see cref="InvalidDataException"/>) make a body malformed; a
    /// connection that failed is not the body's fault and propagates.
    /// </summary>
    /// <exception cref="ApiError">413: the body or its text fields are over the limits.</exception>
    public static async Task<UploadedForm> ReadAsync(HttpContext context, string boundary, BodyTap tap, EmulatorLimits limits, string directory)
    {
        var form = new UploadedForm();
        context.Response.RegisterForDisposeAsync(form);
        CancellationToken aborted = context.RequestAborted;
        var reader = new MultipartReader(boundary, tap);
        long textBytes = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(aborted).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition)
                    || HeaderUtilities.UnescapeAsQuotedString(disposition.Name).Value is not { } name)
                {
                    throw new FormatException("A multipart part has no Content-Disposition name.");
                }

                if (disposition.FileName.HasValue || disposition.FileNameStar.HasValue)
                {
                    string fileName = HeaderUtilities.UnescapeAsQuotedString(disposition.FileName.HasValue ? disposition.FileName : disposition.FileNameStar).Value ?? string.Empty;
                    FileStream spool = await SpoolAsync(form, section.Body, directory, aborted).ConfigureAwait(false);
                    form.Add(UploadedPart.File(name, fileName, section.ContentType, spool.Name, spool.Length));
                }
                else
                {
                    using var text = new MemoryStream();
                    byte[] buffer = new byte[16 * 1024];
                    int read;
                    while ((read = await section.Body.ReadAsync(buffer, aborted).ConfigureAwait(false)) > 0)
                    {
                        textBytes += read;
                        if (textBytes > limits.MaxJsonBodyBytes)
                        {
                            throw new ApiError(413, "request_too_large", "Request entity too large", $"The text fields of the upload are larger than the emulator accepts ({limits.MaxJsonBodyBytes} bytes in all; see EmulatorLimits.MaxJsonBodyBytes).");
                        }

                        text.Write(buffer, 0, read);
                    }

                    form.Add(UploadedPart.Field(name, section.ContentType, text.ToArray()));
                }
            }
        }
        catch (Exception ex) when ((ex is FormatException or InvalidDataException || ex.GetType() == typeof(IOException)) && !aborted.IsCancellationRequested)
        {
            form.Problem = ex.Message;
        }

        await tap.DrainAsync(aborted).ConfigureAwait(false);
        return form;
    }

    /// <summary>
    /// Copies a file part to a new temporary file. A failure to read is the body's (malformed: a 400); a failure to
    /// write is the emulator's (its upload directory is missing, full or read-only: a 500 saying so).
    /// </summary>
    private static async Task<FileStream> SpoolAsync(UploadedForm form, Stream part, string directory, CancellationToken aborted)
    {
        FileStream spool;
        try
        {
            spool = form.CreateSpool(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotSpool(directory, ex);
        }

        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = await part.ReadAsync(buffer, aborted).ConfigureAwait(false)) > 0)
        {
            try
            {
                await spool.WriteAsync(buffer.AsMemory(0, read), aborted).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw CannotSpool(directory, ex);
            }
        }

        try
        {
            await spool.FlushAsync(aborted).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw CannotSpool(directory, ex);
        }

        return spool;
    }

    private static ApiError CannotSpool(string directory, Exception ex)
        => new(500, "internal_error", "Upload failed", $"The emulator cannot keep the upload in its upload directory '{directory}' (CartesiaEmulatorOptions.UploadDirectory): {ex.Message}");
}
