using System.Text.Json;
using Cartesia.Emulator.Hosting;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Speech;

namespace Cartesia.Emulator.Stt;

/// <summary>
/// <c>/stt/turns/websocket</c> (PROTOCOL.md §12): <c>connected</c> first; a turn starts with the first word heard
/// (<c>turn.start</c>), grows with a cumulative <c>turn.update</c> per word, and ends on silence: after
/// <see cref="EagerEndSilence"/> a <c>turn.eager_end</c> (then <c>turn.resume</c> if speech goes on), after
/// <see cref="EndSilence"/> the <c>turn.end</c>. The emulator's speech pauses 60 ms between words, 150 ms after a
/// comma and 350 ms after a sentence, so at normal speed each sentence is a turn. <c>{"type":"close"}</c> ends the
/// open turn and closes normally; <c>config</c> is checked and accepted. Turn transcripts join verbatim: every turn
/// after the first that had words starts with a space.
/// </summary>
internal sealed class TurnsSttSession : SttSocketSession
{
    /// <summary>The silence after the last word that makes the model guess the user may be done.</summary>
    public const double EagerEndSilence = 0.2;

    /// <summary>The silence after the last word that ends the turn.</summary>
    public const double EndSilence = 0.3;

    private readonly List<RecognizedWord> _turn = [];
    private bool _eager;
    private bool _spoken;

    public TurnsSttSession(EmulatorWebSocket socket, ApiContext api, SttSocketParameters parameters) : base(socket, api, parameters)
    {
    }

    protected override Task OnOpenAsync() => SendAsync(SttEventWriter.Simple("connected", RequestId));

    protected override async Task OnAudioAsync(List<RecognizedWord> words)
    {
        // In the order things happened in the audio: a pause before a word may end the turn or make it eager.
        foreach (RecognizedWord word in words)
        {
            if (_turn.Count > 0)
            {
                await OnSilenceAsync(word.Start - _turn[^1].End).ConfigureAwait(false);
            }

            await AddWordAsync(word).ConfigureAwait(false);
        }

        if (_turn.Count > 0)
        {
            await OnSilenceAsync((Recognizer.SoundStart ?? Recognizer.Seconds) - _turn[^1].End).ConfigureAwait(false);
        }
    }

    protected override async Task<bool> OnCommandAsync(string text)
    {
        string? type;
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
            type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        catch (JsonException)
        {
            throw UnknownCommand(text, "commands are JSON: {\"type\":\"close\"} or {\"type\":\"config\",\"turn\":{…}}.");
        }

        switch (type)
        {
            case "close":
                await DelayLastTranscriptAsync().ConfigureAwait(false);
                await OnAudioAsync(Recognizer.Flush()).ConfigureAwait(false);
                if (_turn.Count > 0)
                {
                    await EndTurnAsync().ConfigureAwait(false);
                }

                return true;
            case "config":
                CheckConfig(root);
                return false;
            default:
                throw UnknownCommand(text, "commands are {\"type\":\"close\"} or {\"type\":\"config\",\"turn\":{…}}.");
        }
    }

    private static void CheckConfig(JsonElement root)
    {
        if (!root.TryGetProperty("turn", out JsonElement turn) || turn.ValueKind != JsonValueKind.Object)
        {
            throw ApiError.Invalid("A config message needs a \"turn\" object.");
        }

        Check(turn, "start_threshold", 0.5, 0.9);
        Check(turn, "eager_end_threshold", 0.3, 0.6);
        Check(turn, "end_threshold", 0.05, 0.5);
        Check(turn, "end_timeout_ms", 640, 11200);

        static void Check(JsonElement turn, string name, double min, double max)
        {
            if (turn.TryGetProperty(name, out JsonElement value) && !(value.ValueKind == JsonValueKind.Number && value.GetDouble() >= min && value.GetDouble() <= max))
            {
                throw ApiError.Invalid(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"turn.{name} must be a number from {min} to {max}."));
            }
        }
    }

    /// <summary>Silence after the turn's last word: an eager end, then the end of the turn.</summary>
    private async Task OnSilenceAsync(double seconds)
    {
        if (!_eager && seconds >= EagerEndSilence)
        {
            _eager = true;
            await SendAsync(SttEventWriter.Turn("turn.eager_end", TurnText(), RequestId)).ConfigureAwait(false);
        }

        if (seconds >= EndSilence)
        {
            await EndTurnAsync().ConfigureAwait(false);
        }
    }

    private async Task AddWordAsync(RecognizedWord word)
    {
        if (_turn.Count == 0)
        {
            await SendAsync(SttEventWriter.Simple("turn.start", RequestId)).ConfigureAwait(false);
        }
        else if (_eager)
        {
            await SendAsync(SttEventWriter.Simple("turn.resume", RequestId)).ConfigureAwait(false);
        }

        _eager = false;
        _turn.Add(word);
        await SendAsync(SttEventWriter.Turn("turn.update", TurnText(), RequestId)).ConfigureAwait(false);
    }

    private async Task EndTurnAsync()
    {
        await SendAsync(SttEventWriter.Turn("turn.end", TurnText(), RequestId)).ConfigureAwait(false);
        _spoken = true;
        _turn.Clear();
        _eager = false;
    }

    private string TurnText() => (_spoken ? " " : string.Empty) + string.Join(' ', _turn.Select(w => w.Word));
}
