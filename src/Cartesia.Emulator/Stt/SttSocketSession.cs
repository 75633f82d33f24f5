using System.Net.WebSockets;
using Cartesia.Audio;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Hosting;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Speech;

namespace Cartesia.Emulator.Stt;

/// <summary>
/// What both speech-to-text sockets do: read binary audio (decoding samples split across frames) into a
/// <see cref="StreamingRecognizer"/>, hand text messages to the endpoint, and apply the route's faults: an unknown
/// or malformed event after the first frame, an error event, a drop (with a close frame of any status, or none), or
/// silence after some frames, and a delay before the last transcripts.
/// </summary>
internal abstract class SttSocketSession
{
    private readonly int _bytesPerSample;
    private readonly byte[] _partialSample;
    private int _partialCount;
    private int _audioFrames;
    private bool _silent;

    protected SttSocketSession(EmulatorWebSocket socket, ApiContext api, SttSocketParameters parameters)
    {
        Socket = socket;
        Api = api;
        Parameters = parameters;
        Fault = api.Fault;
        Recognizer = new StreamingRecognizer(parameters.SampleRate);
        _bytesPerSample = PcmCodec.BytesPerSample(parameters.Encoding);
        _partialSample = new byte[_bytesPerSample];
    }

    protected EmulatorWebSocket Socket { get; }

    protected ApiContext Api { get; }

    protected SttSocketParameters Parameters { get; }

    protected StreamingRecognizer Recognizer { get; }

    protected EmulatorFault? Fault { get; }

    protected string RequestId => Api.RequestId;

    public async Task RunAsync()
    {
        await OnOpenAsync().ConfigureAwait(false);
        while (await Socket.ReceiveAsync(Socket.Aborted).ConfigureAwait(false) is { } message)
        {
            if (message.Type == WebSocketMessageType.Binary)
            {
                _audioFrames++;
                if (_silent)
                {
                    continue;
                }

                await OnAudioAsync(Recognizer.Append(Decode(message.Data))).ConfigureAwait(false);
                if (!await ApplyFrameFaultsAsync().ConfigureAwait(false))
                {
                    return;
                }
            }
            else if (!_silent)
            {
                string text = System.Text.Encoding.UTF8.GetString(message.Data);
                bool end;
                try
                {
                    end = await OnCommandAsync(text).ConfigureAwait(false);
                }
                catch (ApiError error)
                {
                    await SendAsync(SttEventWriter.Error(error, Api.Version, RequestId)).ConfigureAwait(false);
                    continue;
                }

                if (end)
                {
                    await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty).ConfigureAwait(false);
                    return;
                }
            }
        }

        // The client closed (or went away): answer its close.
        await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty).ConfigureAwait(false);
    }

    /// <summary>Called once the socket is open.</summary>
    protected virtual Task OnOpenAsync() => Task.CompletedTask;

    /// <summary>Called after each audio frame, with the words it completed (often none).</summary>
    protected abstract Task OnAudioAsync(List<RecognizedWord> words);

    /// <summary>Handles a text message; returns true when the session ends (normal close).</summary>
    protected abstract Task<bool> OnCommandAsync(string text);

    protected Task<bool> SendAsync(byte[] json) => Socket.SendTextAsync(json);

    /// <summary>Waits as the <see cref="EmulatorFault.LastTranscriptDelay"/> fault asks, before the last transcripts.</summary>
    protected async Task DelayLastTranscriptAsync()
    {
        if (Fault?.LastTranscriptDelay is { } delay)
        {
            await Task.Delay(delay, Socket.Aborted).ConfigureAwait(false);
        }
    }

    /// <summary>An error for a text message the endpoint does not know.</summary>
    protected static ApiError UnknownCommand(string text, string expected)
        => ApiError.Invalid($"Unknown message '{(text.Length > 60 ? text[..60] + "…" : text)}'; {expected}");

    private float[] Decode(byte[] data)
    {
        ReadOnlySpan<byte> bytes = data;
        if (_partialCount > 0)
        {
            int take = Math.Min(_bytesPerSample - _partialCount, bytes.Length);
            bytes[..take].CopyTo(_partialSample.AsSpan(_partialCount));
            _partialCount += take;
            bytes = bytes[take..];
            if (_partialCount < _bytesPerSample)
            {
                return [];
            }

            float[] first = PcmCodec.Decode(_partialSample, Parameters.Encoding);
            _partialCount = 0;
            return [.. first, .. DecodeWhole(bytes)];
        }

        return DecodeWhole(bytes);
    }

    private float[] DecodeWhole(ReadOnlySpan<byte> bytes)
    {
        int whole = bytes.Length - (bytes.Length % _bytesPerSample);
        bytes[whole..].CopyTo(_partialSample);
        _partialCount = bytes.Length - whole;
        return PcmCodec.Decode(bytes[..whole], Parameters.Encoding);
    }

    /// <summary>The faults counted in audio frames; false when the session must stop now.</summary>
    private async Task<bool> ApplyFrameFaultsAsync()
    {
        if (Fault is not { } fault)
        {
            return true;
        }

        if (_audioFrames == 1 && fault.UnknownEvent)
        {
            await SendAsync(SttEventWriter.Unknown(RequestId)).ConfigureAwait(false);
        }

        if (_audioFrames == 1 && fault.MalformedEvent)
        {
            await SendAsync("{\"type\":\"transcript\",\"text\":\"unterminated"u8.ToArray()).ConfigureAwait(false);
        }

        if (fault.ErrorEventAfterChunks == _audioFrames)
        {
            var error = new ApiError(fault.ErrorEventStatus, fault.ErrorCode ?? "internal_error", fault.Title ?? "Transcription failed", fault.Message ?? "The emulator failed this session on request.");
            await SendAsync(SttEventWriter.Error(error, Api.Version, RequestId)).ConfigureAwait(false);
            await Socket.CloseAsync(WebSocketCloseStatus.InternalServerError, error.Title).ConfigureAwait(false);
            return false;
        }

        if (fault.DropAfterChunks == _audioFrames)
        {
            await Socket.DropAsync(fault.DropCloseStatus).ConfigureAwait(false);
            return false;
        }

        if (fault.SilenceAfterChunks == _audioFrames)
        {
            _silent = true;
        }

        return true;
    }
}
