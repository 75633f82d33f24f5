using Cartesia.Core.Http;
using Cartesia.Tts;

namespace Cartesia.Stt;

/// <summary>
/// A manual-finalize session on <c>/stt/websocket</c> (push-to-talk, or your own voice activity detection):
/// interim and final transcripts, <see cref="SttSession.FinalizeAsync"/> to get the final transcript of what was
/// sent so far.
/// </summary>
/// <example>
/// <code>
/// await using SttSession session = await client.Stt.ConnectAsync(new SttSessionOptions
/// {
///     Model = SttModel.Ink2,
///     Encoding = AudioEncoding.PcmS16LE,
///     SampleRate = 16000,
/// });
/// </code>
/// </example>
public sealed class SttSessionOptions : SttStreamingSessionOptions
{
    /// <summary>The language of the audio (ISO 639-1); the service assumes <c>en</c>.</summary>
    public Language? Language { get; set; }

    /// <summary>
    /// Ink Whisper only (<c>min_volume</c>, 0 to 1): what counts as silence for automatic finalization; lower
    /// values pick up quiet audio.
    /// </summary>
    public double? MinVolume { get; set; }

    /// <summary>
    /// Ink Whisper only (<c>max_silence_duration_secs</c>): how much silence finalizes the transcript
    /// automatically.
    /// </summary>
    public TimeSpan? MaxSilenceDuration { get; set; }

    /// <summary>
    /// How long <see cref="SttSession.FinalizeAsync"/> waits for the service's <c>flush_done</c> before failing
    /// with a <see cref="CartesiaTimeoutException"/> (<see cref="CartesiaTimeoutPhase.Flush"/>). Default 10 s.
    /// </summary>
    public TimeSpan FinalizeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    internal override string Path => "/stt/websocket";

    internal override void Validate(string paramName)
    {
        base.Validate(paramName);
        if (Language is { } language)
        {
            TtsRequestValidator.CheckId(language.Value, "SttSessionOptions.Language (language)", paramName);
        }

        if (MinVolume is { } volume && !(volume >= 0 && volume <= 1))
        {
            throw new ArgumentOutOfRangeException(paramName, volume, "SttSessionOptions.MinVolume (min_volume) must be between 0 and 1.");
        }

        if (MaxSilenceDuration is { } silence && silence <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, silence, "SttSessionOptions.MaxSilenceDuration (max_silence_duration_secs) must be positive.");
        }

        SttValidator.ValidateTimeout(FinalizeTimeout, "SttSessionOptions.FinalizeTimeout", paramName);
    }

    private protected override void AddQuery(QueryString query)
    {
        base.AddQuery(query);
        query.Add("language", Language?.Value);
        if (MinVolume is { } volume)
        {
            query.Add("min_volume", Number(volume));
        }

        if (MaxSilenceDuration is { } silence)
        {
            query.Add("max_silence_duration_secs", Number(silence.TotalSeconds));
        }
    }
}
