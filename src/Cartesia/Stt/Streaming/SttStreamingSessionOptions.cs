using System.Globalization;
using Cartesia.Core.Http;
using Cartesia.Tts;

namespace Cartesia.Stt;

/// <summary>
/// What both streaming endpoints share: model, the audio's encoding and sample rate, key terms, and how the
/// session frames, queues and closes. See <see cref="SttSessionOptions"/> (<c>/stt/websocket</c>) and
/// <see cref="SttTurnsSessionOptions"/> (<c>/stt/turns/websocket</c>).
/// </summary>
public abstract class SttStreamingSessionOptions
{
    /// <summary>The largest number of key terms.</summary>
    public const int MaxKeyterms = 100;

    /// <summary>The largest total length of the key terms, in characters.</summary>
    public const int MaxKeytermCharacters = 1200;

    private protected SttStreamingSessionOptions()
    {
    }

    /// <summary>The model; <see cref="SttModel.Ink2"/> by default.</summary>
    public SttModel Model { get; set; } = SttModel.Ink2;

    /// <summary>
    /// How the audio you send is encoded (mono): <c>pcm_s16le</c> (recommended, at 16 kHz), <c>pcm_s32le</c>,
    /// <c>pcm_f16le</c>, <c>pcm_f32le</c>, <c>pcm_mulaw</c> or <c>pcm_alaw</c>.
    /// </summary>
    public required AudioEncoding Encoding { get; set; }

    /// <summary>The audio's sample rate in Hz; it must be the rate the audio really has.</summary>
    public required int SampleRate { get; set; }

    /// <summary>
    /// Words and phrases to recognise better (<c>keyterm</c>): at most 100, at most 1200 characters in all; keep
    /// a multi-word phrase in one value.
    /// </summary>
    public IList<string> Keyterms { get; set; } = [];

    /// <summary>
    /// How much audio each binary frame carries (100 ms by default: 3,200 bytes of 16 kHz <c>pcm_s16le</c>).
    /// Audio you send is re-framed to this size; a remainder is sent on finalize or close. For an encoding this
    /// SDK does not know, frames go out as you send them.
    /// </summary>
    public TimeSpan FrameDuration { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long <see cref="SttStreamingSession.CompleteAsync"/> waits, once <c>close</c> is sent, for the service
    /// to send its last results and end the session, before failing with a <see cref="CartesiaTimeoutException"/>
    /// (<see cref="CartesiaTimeoutPhase.Close"/>). Default 10 s.
    /// </summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The most audio and commands (bytes) waiting to be sent, for example while reconnecting; a send beyond it
    /// waits for room. Default 1 MiB (about 32 s of 16 kHz <c>pcm_s16le</c>).
    /// </summary>
    public long MaxQueuedBytes { get; set; } = 1024 * 1024;

    /// <summary>Reconnection after a dropped connection; null (the default) turns it off.</summary>
    public SttReconnectOptions? Reconnect { get; set; }

    /// <summary>Further query parameters, for parameters the service added after this SDK (sent last).</summary>
    public IDictionary<string, string> AdditionalQuery { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The endpoint's path.</summary>
    internal abstract string Path { get; }

    /// <summary>Bytes a frame carries, or null for an encoding whose sample size is unknown.</summary>
    internal int? FrameBytes
    {
        get
        {
            if (Encoding.BytesPerSample is not { } size)
            {
                return null;
            }

            long samples = Math.Max(1, (long)Math.Round(FrameDuration.TotalSeconds * SampleRate));
            return (int)Math.Min(samples * size, int.MaxValue);
        }
    }

    /// <summary>Bytes of audio per second, or null for an unknown encoding.</summary>
    internal double? BytesPerSecond => Encoding.BytesPerSample is { } size ? (double)size * SampleRate : null;

    /// <summary>Checks everything knowable locally; throws <see cref="ArgumentException"/> naming the field.</summary>
    internal virtual void Validate(string paramName)
    {
        string type = GetType().Name;
        TtsRequestValidator.CheckId(Model.Value, $"{type}.Model (model)", paramName);
        TtsRequestValidator.CheckId(Encoding.Value, $"{type}.Encoding (encoding)", paramName);
        if (SampleRate <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, SampleRate, $"{type}.SampleRate (sample_rate) must be a positive number of Hz, the rate the audio really has.");
        }

        SttValidator.ValidateKeyterms(Keyterms, $"{type}.Keyterms (keyterm)", paramName);
        if (FrameDuration <= TimeSpan.Zero || FrameDuration > TimeSpan.FromSeconds(10))
        {
            throw new ArgumentOutOfRangeException(paramName, FrameDuration, $"{type}.FrameDuration must be more than 0 and at most 10 s (100 ms is recommended).");
        }

        SttValidator.ValidateTimeout(CloseTimeout, $"{type}.CloseTimeout", paramName);
        if (MaxQueuedBytes < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, MaxQueuedBytes, $"{type}.MaxQueuedBytes must be at least 1.");
        }

        Reconnect?.Validate(paramName);
        foreach ((string name, string value) in AdditionalQuery)
        {
            if (string.IsNullOrWhiteSpace(name) || value is null)
            {
                throw new ArgumentException($"{type}.AdditionalQuery holds a parameter with an empty name or a null value.", paramName);
            }
        }
    }

    /// <summary>The endpoint's path and query string.</summary>
    internal string PathAndQuery()
    {
        var query = new QueryString();
        AddQuery(query);
        query.AddEach("keyterm", Keyterms);
        foreach ((string name, string value) in AdditionalQuery)
        {
            query.Add(name, value);
        }

        return Path + query;
    }

    /// <summary>The endpoint's own query parameters; unset optional ones are not sent.</summary>
    private protected virtual void AddQuery(QueryString query)
    {
        query.Add("model", Model.Value)
            .Add("encoding", Encoding.Value)
            .Add("sample_rate", SampleRate);
    }

    /// <summary>A number as the query carries it (integers without a decimal point).</summary>
    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
