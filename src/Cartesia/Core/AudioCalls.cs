using System.Text;
using Cartesia.Core.Audio;
using Cartesia.Core.Diagnostics;
using Cartesia.Core.Http;
using Cartesia.Core.Sse;

namespace Cartesia.Core;

/// <summary>Sending requests whose answer is streamed audio or an event stream (voice changer, infill, call audio).</summary>
internal static class AudioCalls
{
    /// <summary>
    /// Sends the request and opens its audio body as it starts arriving; <c>telemetry</c>, when the caller knows the
    /// format up front, records the time to first audio and the audio's duration.
    /// </summary>
    public static async ValueTask<AudioResponse> SendForAudioAsync(this ClientCore core, PipelineRequest request, Func<ResponseBodyStream, ValueTask<(Stream Audio, AudioOutputFormat Format)>> open, bool async, CancellationToken cancellationToken, AudioStreamTelemetry? telemetry = null)
    {
        PipelineResponse response = await core.Pipeline.SendAsync(request, async, cancellationToken).ConfigureAwait(false);
        try
        {
            await RejectTextAsync(response, request, async, cancellationToken).ConfigureAwait(false);
            ResponseBodyStream body = await ResponseBodyStream.OpenAsync(response, core.Settings.StreamIdleTimeout, $"audio stream of {request.Method} {request.PathAndQuery}", async, cancellationToken, telemetry).ConfigureAwait(false);
            try
            {
                (Stream audio, AudioOutputFormat format) = await open(body).ConfigureAwait(false);
                return new AudioResponse(audio, format, response.Info);
            }
            catch
            {
                body.Dispose();
                throw;
            }
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends the request and opens its body as a Server-Sent Events session; <c>telemetry</c> records the time to
    /// first audio and the duration of the events' audio.
    /// </summary>
    public static async ValueTask<SseSession<TEvent>> SendForEventsAsync<TEvent>(this ClientCore core, PipelineRequest request, SseProtocol<TEvent> protocol, bool async, CancellationToken cancellationToken, AudioStreamTelemetry? telemetry = null)
        where TEvent : class
    {
        PipelineResponse response = await core.Pipeline.SendAsync(request, async, cancellationToken).ConfigureAwait(false);
        try
        {
            string? mediaType = response.MediaType;
            if (mediaType is not null && mediaType != "text/event-stream")
            {
                await RejectTextAsync(response, request, async, cancellationToken).ConfigureAwait(false);
                throw new CartesiaProtocolException($"{request.Method} {request.PathAndQuery} answered with {mediaType} instead of text/event-stream.");
            }

            ResponseBodyStream body = await ResponseBodyStream.OpenAsync(response, core.Settings.StreamIdleTimeout, $"event stream of {request.Method} {request.PathAndQuery}", async, cancellationToken).ConfigureAwait(false);
            return new SseSession<TEvent>(protocol, body, request.Operation, core.HttpLogger, telemetry, core.Settings.MaxSseEventBytes);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>A successful status with a JSON or text body is an error message, never audio.</summary>
    private static async ValueTask RejectTextAsync(PipelineResponse response, PipelineRequest request, bool async, CancellationToken cancellationToken)
    {
        string? mediaType = response.MediaType;
        bool textual = mediaType is not null
            && (mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        if (!textual || mediaType == "text/event-stream")
        {
            return;
        }

        // Only the beginning is read (a hostile body may never end), and it is redacted like any service text.
        byte[] head = new byte[4096];
        int length = 0;
        try
        {
            Stream stream = async
                ? await response.Message.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
                : response.Message.Content.ReadAsStream(cancellationToken);
            int read;
            while (length < head.Length && (read = async
                ? await stream.ReadAsync(head.AsMemory(length), cancellationToken).ConfigureAwait(false)
                : stream.Read(head, length, head.Length - length)) > 0)
            {
                length += read;
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // What arrived is enough to describe the mistake.
        }

        string body = SecretRedactor.Redact(Encoding.UTF8.GetString(head, 0, length));
        string excerpt = body.Length > 300 ? body[..300] + "…" : body;
        throw new CartesiaProtocolException($"{request.Method} {request.PathAndQuery} answered {response.Info.StatusCode} with {mediaType} instead of audio: {excerpt}")
        {
            Payload = excerpt,
        };
    }
}
