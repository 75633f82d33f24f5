using Cartesia.Stt;
using Cartesia.Tts;
using Microsoft.Extensions.AI;

namespace Cartesia.Extensions.AI;

/// <summary>How a <see cref="CartesiaVoiceAgent"/> listens, thinks and speaks.</summary>
public sealed class CartesiaVoiceAgentOptions
{
    /// <summary>The voice of the agent.</summary>
    public required TtsVoice Voice { get; set; }

    /// <summary>The text-to-speech model; sonic-3 by default.</summary>
    public TtsModel Model { get; set; } = TtsModel.Sonic3;

    /// <summary>The language the agent speaks; null for the model's default.</summary>
    public Language? Language { get; set; }

    /// <summary>The agent's audio: raw PCM or μ-law (no container); 16-bit PCM at 24 kHz by default.</summary>
    public AudioOutputFormat OutputFormat { get; set; } = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000);

    /// <summary>
    /// The user's audio and turn detection (<c>/stt/turns/websocket</c>); 16-bit PCM at 16 kHz by default. Use
    /// 24 kHz PCM, or <c>pcm_mulaw</c> at 8 kHz for a phone call.
    /// </summary>
    public SttTurnsSessionOptions Input { get; set; } = new() { Encoding = AudioEncoding.PcmS16LE, SampleRate = 16000 };

    /// <summary>The socket that carries the agent's speech (one, kept open for the whole conversation); null for the defaults.</summary>
    public TtsWebSocketOptions? TextToSpeech { get; set; }

    /// <summary>The system prompt, the first message of the history; null for none.</summary>
    public string? SystemPrompt { get; set; }

    /// <summary>What the agent says first, before the user speaks; null to wait for the user.</summary>
    public string? Greeting { get; set; }

    /// <summary>The options of every chat call (tools, model, temperature, …); null for the chat client's defaults.</summary>
    public ChatOptions? ChatOptions { get; set; }

    /// <summary>
    /// Start the chat call on <c>turn.eager_end</c>, before the transcript is final, and throw it away on
    /// <c>turn.resume</c>; its text is never spoken before the turn ends. True by default.
    /// </summary>
    public bool SpeculativeStart { get; set; } = true;

    /// <summary>
    /// How many bytes of the agent's audio (counted across the conversation, as delivered in
    /// <see cref="VoiceAgentAudioEvent"/>s, without the audio you dropped on barge-in) have been played, for
    /// example <c>() =&gt; playback.BytesPlayed</c> of an <c>AudioPlaybackBuffer</c>. The loop asks it when the
    /// user starts speaking, to tell whether the agent was still talking and what the user heard. Null means every
    /// byte delivered counts as heard.
    /// </summary>
    public Func<long>? PlayedBytes { get; set; }

    /// <summary>
    /// The most messages kept in the history besides the system prompt; the oldest go first. 100 by default
    /// (the memory of a call of any length stays bounded).
    /// </summary>
    public int MaxHistoryMessages { get; set; } = 100;

    /// <summary>The longest reply, in characters: the chat client's answer is cut there. 2,000 by default.</summary>
    public int MaxResponseCharacters { get; set; } = 2000;

    /// <summary>
    /// The longest the chat client may stay quiet (before its first token or between two, tools included) before
    /// the turn fails with a <see cref="CartesiaTimeoutException"/>. 30 s by default.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What to do when the chat client fails a turn; <see cref="VoiceAgentChatErrorBehavior.Apologize"/> by default.</summary>
    public VoiceAgentChatErrorBehavior OnChatError { get; set; } = VoiceAgentChatErrorBehavior.Apologize;

    /// <summary>What the agent says when the chat client failed (<see cref="VoiceAgentChatErrorBehavior.Apologize"/>).</summary>
    public string ApologyText { get; set; } = "Sorry, something went wrong on my side. Could you say that again?";

    /// <summary>What the agent says while a tool runs (when the chat client asks for a function call and nothing was said yet); null to stay quiet.</summary>
    public string? ToolProgressText { get; set; }

    /// <summary>
    /// How long the user may stay silent after the agent's reply (or from the start when there is no greeting)
    /// before <see cref="SilenceReply"/> is said, or the conversation ends with <see cref="VoiceAgentEndReason.Silence"/>.
    /// Null (the default) waits forever.
    /// </summary>
    public TimeSpan? SilenceTimeout { get; set; }

    /// <summary>Said once when the user is silent for <see cref="SilenceTimeout"/> (for example "Are you still there?"); the next silence ends the call. Null ends at the first.</summary>
    public string? SilenceReply { get; set; }

    /// <summary>Checks everything knowable before connecting; throws <see cref="ArgumentException"/> naming the field.</summary>
    internal void Validate(string paramName)
    {
        if (Voice is null)
        {
            throw new ArgumentException("CartesiaVoiceAgentOptions.Voice is required.", paramName);
        }

        if (OutputFormat is null || OutputFormat.Container != AudioContainer.Raw || OutputFormat.Encoding is null)
        {
            throw new ArgumentException("CartesiaVoiceAgentOptions.OutputFormat must be raw audio with an encoding (for example AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000)): the agent's audio is handed out as it comes.", paramName);
        }

        if (Input is null)
        {
            throw new ArgumentException("CartesiaVoiceAgentOptions.Input is required (the user's audio format).", paramName);
        }

        Input.Validate(paramName);
        if (MaxHistoryMessages < 2)
        {
            throw new ArgumentOutOfRangeException(paramName, MaxHistoryMessages, "CartesiaVoiceAgentOptions.MaxHistoryMessages must be at least 2 (a user turn and a reply).");
        }

        if (MaxResponseCharacters < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, MaxResponseCharacters, "CartesiaVoiceAgentOptions.MaxResponseCharacters must be at least 1.");
        }

        CheckPositive(ResponseTimeout, "ResponseTimeout", paramName);
        if (SilenceTimeout is { } silence)
        {
            CheckPositive(silence, "SilenceTimeout", paramName);
        }

        if (OnChatError == VoiceAgentChatErrorBehavior.Apologize && string.IsNullOrWhiteSpace(ApologyText))
        {
            throw new ArgumentException("CartesiaVoiceAgentOptions.ApologyText must say something when OnChatError is Apologize.", paramName);
        }

        if (!Enum.IsDefined(OnChatError))
        {
            throw new ArgumentOutOfRangeException(paramName, OnChatError, "CartesiaVoiceAgentOptions.OnChatError is not a known behavior.");
        }
    }

    private static void CheckPositive(TimeSpan value, string name, string paramName)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"CartesiaVoiceAgentOptions.{name} must be positive.");
        }
    }
}
