using System.Runtime.CompilerServices;
using Cartesia.Emulator;
using Cartesia.Extensions.AI;
using Cartesia.Stt;
using Cartesia.Tests.Stt;
using Cartesia.Tests.Support;
using Cartesia.Tts;
using Microsoft.Extensions.AI;

namespace Cartesia.Tests.Extensions.VoiceAgent;

public class VoiceAgentTests
{
    private static CartesiaVoiceAgentOptions Options() => new()
    {
        Voice = CartesiaEmulator.DefaultVoiceId,
        SystemPrompt = "You are a helpful voice assistant.",
    };

    /// <summary>What the user says: the emulator's speech at 16 kHz, then enough silence to end the turn.</summary>
    private static async Task<byte[]> UserSaysAsync(CartesiaClient client, string text, double? speed = null)
    {
        (byte[] speech, _) = await SttAudio.SpeakAsync(client, text, AudioEncoding.PcmS16LE, 16000, speed);
        return [.. speech, .. SttAudio.Silence(AudioEncoding.PcmS16LE, 16000, 0.6)];
    }

    [Fact]
    public async Task Two_turns_the_agent_answers_each_and_its_audio_says_the_chat_clients_text()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var chat = ScriptedChatClient.Answering(user => user.StartsWith("Book", StringComparison.Ordinal) ? "Sure, for what time?" : "Done, a table for two at eight.");
        await using var agent = new CartesiaVoiceAgent(client, chat, Options());
        var run = new AgentRun(agent.RunAsync());

        await agent.SendAudioAsync(await UserSaysAsync(client, "Book a table for two."));
        VoiceAgentResponseEvent first = await run.WaitForAsync<VoiceAgentResponseEvent>();
        await agent.SendAudioAsync(await UserSaysAsync(client, "At eight please."));
        VoiceAgentResponseEvent second = await run.WaitForAsync<VoiceAgentResponseEvent>(nth: 2);
        agent.CompleteInput();
        VoiceAgentEndedEvent ended = await run.Ended;

        Assert.Equal(VoiceAgentEndReason.UserHungUp, ended.Reason);
        Assert.Equal(["Book a table for two.", "At eight please."], run.Events.OfType<VoiceAgentUserTurnEvent>().Select(e => e.Transcript));
        Assert.Equal("Sure, for what time?", first.Text);
        Assert.Equal("Done, a table for two at eight.", second.Text);
        Assert.Equal(Speech.WordsOf(first.Text), run.HeardWords(first.ResponseId));
        Assert.Equal(Speech.WordsOf(second.Text), run.HeardWords(second.ResponseId));
        Assert.Empty(run.Events.OfType<VoiceAgentInterruptedEvent>()); // the second turn.start came after the reply: nothing to interrupt
        Assert.IsType<VoiceAgentEndedEvent>(run.Events[^1]);

        // The second call saw the whole conversation; the history ends the same way.
        Assert.Equal(
            ["system: You are a helpful voice assistant.", "user: Book a table for two.", "assistant: Sure, for what time?", "user: At eight please."],
            chat.Calls[^1].Select(m => $"{m.Role}: {m.Text}"));
        Assert.Equal("assistant: Done, a table for two at eight.", $"{agent.History[^1].Role}: {agent.History[^1].Text}");
        Assert.NotNull(first.Metrics.TranscriptToFirstAudio);
        Assert.Single(emulator.Journal.For("/tts/websocket")); // one socket, kept warm for the call
    }

    [Fact]
    public async Task Eager_end_starts_the_chat_call_and_resume_throws_it_away_unheard()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var discardedProduced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var chat = new ScriptedChatClient((messages, token) => messages[^1].Text == "Well,"
            ? Produced(ScriptedChatClient.Words("Discarded answer nobody hears.", token), discardedProduced, token)
            : ScriptedChatClient.Words("Okay then.", token));
        await using var agent = new CartesiaVoiceAgent(client, chat, Options());
        var run = new AgentRun(agent.RunAsync());

        // "Well, maybe." slowly: the comma's pause gives an eager end; the audio stops there until the guess was answered.
        (byte[] speech, TimedText[] words) = await SttAudio.SpeakAsync(client, "Well, maybe.", AudioEncoding.PcmS16LE, 16000, speed: 0.6);
        int cut = (int)(words[1].Start.TotalSeconds * 16000) * 2;
        await agent.SendAudioAsync(speech.AsMemory(0, cut));
        await discardedProduced.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the speculative answer is complete, and not spoken
        await agent.SendAudioAsync(speech.AsMemory(cut));
        await agent.SendAudioAsync(SttAudio.Silence(AudioEncoding.PcmS16LE, 16000, 0.6));
        VoiceAgentResponseEvent reply = await run.WaitForAsync<VoiceAgentResponseEvent>();
        agent.CompleteInput();
        await run.Ended;

        Assert.Equal(["Well,", "Well, maybe."], chat.Calls.Select(c => c[^1].Text));
        Assert.Equal("Okay then.", reply.Text);
        Assert.True(reply.Metrics.Speculative); // the final words had their own eager end, and that call served the turn
        Assert.Equal(Speech.WordsOf("Okay then."), run.HeardWords(reply.ResponseId));
        Assert.Equal([reply.ResponseId], run.Events.OfType<VoiceAgentAudioEvent>().Select(a => a.ResponseId).Distinct());
        Assert.DoesNotContain(emulator.Journal.For("/tts/websocket").SelectMany(r => r.WebSocketMessages), m => m.Text?.Contains("Discarded", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(agent.History, m => m.Text.Contains("Discarded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_eager_end_confirmed_by_the_turn_end_is_spoken_from_the_speculative_call()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var chat = ScriptedChatClient.Answering(_ => "Hello there.");
        await using var agent = new CartesiaVoiceAgent(client, chat, Options());
        var run = new AgentRun(agent.RunAsync());

        await agent.SendAudioAsync(await UserSaysAsync(client, "Hi."));
        VoiceAgentResponseEvent reply = await run.WaitForAsync<VoiceAgentResponseEvent>();
        agent.CompleteInput();
        await run.Ended;

        Assert.True(reply.Metrics.Speculative);
        Assert.Single(chat.Calls); // the call started on turn.eager_end served the turn
        Assert.Equal(Speech.WordsOf("Hello there."), run.HeardWords(reply.ResponseId));
    }

    [Fact]
    public async Task Barge_in_mid_sentence_keeps_only_the_heard_prefix_in_the_history()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        const string Long = "The weather today is sunny and warm, with a light breeze from the west all afternoon.";
        var chat = ScriptedChatClient.Answering(user => user.Contains("weather", StringComparison.Ordinal) ? Long : "Sure, go ahead.");
        long played = 0; // the app's speaker: how much of the agent's audio it has played
        CartesiaVoiceAgentOptions options = Options();
        options.PlayedBytes = () => Volatile.Read(ref played);
        await using var agent = new CartesiaVoiceAgent(client, chat, options);
        var run = new AgentRun(agent.RunAsync());

        await agent.SendAudioAsync(await UserSaysAsync(client, "How is the weather?"));
        VoiceAgentResponseEvent answer = await run.WaitForAsync<VoiceAgentResponseEvent>();
        long delivered = run.AudioOf(answer.ResponseId).Length;
        Volatile.Write(ref played, delivered * 2 / 5 & ~1L); // all delivered, two fifths played: the user speaks now
        await agent.SendAudioAsync(await UserSaysAsync(client, "Wait a second."));
        VoiceAgentInterruptedEvent interrupted = await run.WaitForAsync<VoiceAgentInterruptedEvent>();
        VoiceAgentResponseEvent next = await run.WaitForAsync<VoiceAgentResponseEvent>(nth: 2);
        agent.CompleteInput();
        await run.Ended;

        Assert.Equal(answer.ResponseId, interrupted.ResponseId);
        Assert.Equal(Long, interrupted.FullText);
        Assert.NotEmpty(interrupted.HeardText);
        Assert.True(interrupted.HeardText.Length < Long.Length, interrupted.HeardText);
        Assert.StartsWith(interrupted.HeardText, Long, StringComparison.Ordinal);
        Assert.True(interrupted.IsExact);
        // What the speaker played says at least the heard words (the word being spoken when cut is not counted).
        string[] heard = Speech.WordsOf(interrupted.HeardText);
        Assert.Equal(heard, run.HeardWords(answer.ResponseId, interrupted.PlayedBytes).Take(heard.Length));

        // The next turn sees an honest history: the heard prefix, not the whole answer.
        Assert.Equal(
            ["system", "user: How is the weather?", $"assistant: {interrupted.HeardText}", "user: Wait a second."],
            chat.Calls[^1].Select(m => m.Role == ChatRole.System ? "system" : $"{m.Role}: {m.Text}"));
        Assert.Equal("Sure, go ahead.", next.Text);
        Assert.Single(run.Events.OfType<VoiceAgentInterruptedEvent>());
    }

    [Fact]
    public async Task Barge_in_while_the_reply_is_still_arriving_cancels_its_context_and_keeps_what_was_delivered_and_spoken()
    {
        // Speech at real time: the reply's audio is still arriving when the user speaks; no playback position is reported.
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Pacing = new EmulatorPacing { RealTimeFactor = 1 } });
        using CartesiaClient client = emulator.CreateClient();
        const string Long = "Let me tell you a long story about a small town by the sea, where every morning the fishermen sang.";
        var chat = ScriptedChatClient.Answering(user => user.StartsWith("Tell", StringComparison.Ordinal) ? Long : "Okay.");
        await using var agent = new CartesiaVoiceAgent(client, chat, Options());
        var run = new AgentRun(agent.RunAsync());
        byte[] interruption = await UserSaysAsync(client, "Stop.");

        await agent.SendAudioAsync(await UserSaysAsync(client, "Tell me a story."));
        VoiceAgentAudioEvent first = await run.WaitForAsync<VoiceAgentAudioEvent>();
        await agent.SendAudioAsync(interruption);
        VoiceAgentInterruptedEvent interrupted = await run.WaitForAsync<VoiceAgentInterruptedEvent>();
        VoiceAgentResponseEvent next = await run.WaitForAsync<VoiceAgentResponseEvent>();
        agent.CompleteInput();
        await run.Ended;

        Assert.Equal(first.ResponseId, interrupted.ResponseId);
        Assert.NotEqual(first.ResponseId, next.ResponseId); // the interrupted reply never finished
        Assert.Equal(Long, interrupted.FullText);
        Assert.True(interrupted.HeardText.Length < Long.Length, interrupted.HeardText);
        Assert.StartsWith(interrupted.HeardText, Long, StringComparison.Ordinal);
        Assert.Equal(interrupted.PlayedBytes, run.AudioOf(first.ResponseId).Length); // no position reported: what was delivered counts as heard
        Assert.Contains(emulator.Journal.For("/tts/websocket")[0].WebSocketMessages, m => m.Text?.Contains("\"cancel\":true", StringComparison.Ordinal) == true);
        string[] expected = interrupted.HeardText.Length == 0
            ? ["system", "user: Tell me a story.", "user: Stop."]
            : ["system", "user: Tell me a story.", $"assistant: {interrupted.HeardText}", "user: Stop."];
        Assert.Equal(expected, chat.Calls[^1].Select(m => m.Role == ChatRole.System ? "system" : $"{m.Role}: {m.Text}"));
    }

    [Fact]
    public async Task A_tool_call_runs_inside_the_loop_with_progress_speech_and_a_hanging_tool_times_out_with_an_apology()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var hang = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        AIFunction weather = AIFunctionFactory.Create((string city) => $"sunny in {city}", "get_weather");
        AIFunction booking = AIFunctionFactory.Create(async (CancellationToken token) => await hang.Task.WaitAsync(token), "book");
        var model = new ScriptedChatClient((messages, token) =>
        {
            if (messages[^1].Contents.OfType<FunctionResultContent>().FirstOrDefault() is { } result)
            {
                return ScriptedChatClient.Words($"It is {result.Result}.", token);
            }

            string name = messages[^1].Text.Contains("weather", StringComparison.Ordinal) ? "get_weather" : "book";
            return Call(new FunctionCallContent("call-1", name, name == "get_weather" ? new Dictionary<string, object?> { ["city"] = "Paris" } : null));
        });
        using IChatClient chat = model.AsBuilder().UseFunctionInvocation().Build();
        CartesiaVoiceAgentOptions options = Options();
        options.ChatOptions = new ChatOptions { Tools = [weather, booking] };
        options.ToolProgressText = "One moment.";
        options.ResponseTimeout = TimeSpan.FromMilliseconds(500);
        await using var agent = new CartesiaVoiceAgent(client, chat, options);
        var run = new AgentRun(agent.RunAsync());

        await agent.SendAudioAsync(await UserSaysAsync(client, "What is the weather in Paris?"));
        VoiceAgentResponseEvent reply = await run.WaitForAsync<VoiceAgentResponseEvent>();
        await agent.SendAudioAsync(await UserSaysAsync(client, "Book it."));
        VoiceAgentErrorEvent error = await run.WaitForAsync<VoiceAgentErrorEvent>();
        VoiceAgentResponseEvent apology = await run.WaitForAsync<VoiceAgentResponseEvent>(nth: 2);
        agent.CompleteInput();
        Assert.Equal(VoiceAgentEndReason.UserHungUp, (await run.Ended).Reason);

        Assert.Equal("One moment. It is sunny in Paris.", reply.Text);
        Assert.Equal(Speech.WordsOf(reply.Text), run.HeardWords(reply.ResponseId));
        CartesiaTimeoutException timeout = Assert.IsType<CartesiaTimeoutException>(error.Exception);
        Assert.Contains("ResponseTimeout", timeout.Message, StringComparison.Ordinal);
        Assert.Equal($"One moment. {options.ApologyText}", apology.Text);
        Assert.Equal(Speech.WordsOf(apology.Text), run.HeardWords(apology.ResponseId));
    }

    [Theory]
    [InlineData(VoiceAgentChatErrorBehavior.Apologize)]
    [InlineData(VoiceAgentChatErrorBehavior.EndConversation)]
    public async Task An_llm_that_throws_ends_the_turn_visibly(VoiceAgentChatErrorBehavior behavior)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var chat = new ScriptedChatClient((_, _) => Throw());
        CartesiaVoiceAgentOptions options = Options();
        options.OnChatError = behavior;
        options.SpeculativeStart = false;
        await using var agent = new CartesiaVoiceAgent(client, chat, options);
        var run = new AgentRun(agent.RunAsync());

        await agent.SendAudioAsync(await UserSaysAsync(client, "Hello?"));
        VoiceAgentErrorEvent error = await run.WaitForAsync<VoiceAgentErrorEvent>();
        Assert.Equal("The model is down.", error.Exception.Message);
        if (behavior == VoiceAgentChatErrorBehavior.Apologize)
        {
            VoiceAgentResponseEvent apology = await run.WaitForAsync<VoiceAgentResponseEvent>();
            Assert.Equal(options.ApologyText, apology.Text);
            Assert.Equal(Speech.WordsOf(options.ApologyText), run.HeardWords(apology.ResponseId));
            agent.CompleteInput();
            Assert.Equal(VoiceAgentEndReason.UserHungUp, (await run.Ended).Reason);
        }
        else
        {
            VoiceAgentEndedEvent ended = await run.Ended;
            Assert.Equal(VoiceAgentEndReason.ChatFailed, ended.Reason);
            Assert.Same(error.Exception, ended.Exception);
            Assert.Empty(run.Events.OfType<VoiceAgentAudioEvent>());
        }
    }

    [Fact]
    public async Task A_user_who_never_speaks_gets_the_greeting_one_silence_reply_and_the_call_ends_on_silence()
    {
        var clock = new TimerWatchingClock();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = clock });
        var chat = ScriptedChatClient.Answering(_ => "unused");
        CartesiaVoiceAgentOptions options = Options();
        options.Greeting = "Hi, how can I help?";
        options.SilenceTimeout = TimeSpan.FromSeconds(3);
        options.SilenceReply = "Are you still there?";
        await using var agent = new CartesiaVoiceAgent(client, chat, options);
        var run = new AgentRun(agent.RunAsync());

        VoiceAgentResponseEvent greeting = await run.WaitForAsync<VoiceAgentResponseEvent>();
        await clock.TimerStartedAsync(TimeSpan.FromSeconds(3));
        clock.Advance(TimeSpan.FromSeconds(3));
        VoiceAgentResponseEvent prompt = await run.WaitForAsync<VoiceAgentResponseEvent>(nth: 2);
        await clock.TimerStartedAsync(TimeSpan.FromSeconds(3), count: 2);
        clock.Advance(TimeSpan.FromSeconds(3));
        VoiceAgentEndedEvent ended = await run.Ended;

        Assert.Equal(VoiceAgentEndReason.Silence, ended.Reason);
        Assert.Equal(Speech.WordsOf("Hi, how can I help?"), run.HeardWords(greeting.ResponseId));
        Assert.Equal(Speech.WordsOf("Are you still there?"), run.HeardWords(prompt.ResponseId));
        Assert.Empty(chat.Calls);
        Assert.Equal(["assistant: Hi, how can I help?", "assistant: Are you still there?"], agent.History.Skip(1).Select(m => $"{m.Role}: {m.Text}"));
    }

    [Fact]
    public async Task Bad_options_are_refused_before_anything_connects_naming_the_field()
    {
        using CartesiaClient client = new("sk_test", new CartesiaClientOptions());
        var chat = ScriptedChatClient.Answering(_ => "x");
        CartesiaVoiceAgentOptions options = Options();
        options.OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 24000);
        var format = Assert.Throws<ArgumentException>(() => new CartesiaVoiceAgent(client, chat, options));
        Assert.Contains("CartesiaVoiceAgentOptions.OutputFormat", format.Message, StringComparison.Ordinal);

        options = Options();
        options.MaxHistoryMessages = 1;
        var history = Assert.Throws<ArgumentOutOfRangeException>(() => new CartesiaVoiceAgent(client, chat, options));
        Assert.Contains("MaxHistoryMessages", history.Message, StringComparison.Ordinal);

        await using var agent = new CartesiaVoiceAgent(client, chat, Options());
        _ = agent.RunAsync();
        Assert.Throws<InvalidOperationException>(() => agent.RunAsync());
    }

    [Fact]
    public async Task The_history_stays_bounded_over_a_long_call()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var chat = ScriptedChatClient.Answering(_ => "Yes.");
        CartesiaVoiceAgentOptions options = Options();
        options.MaxHistoryMessages = 4;
        await using var agent = new CartesiaVoiceAgent(client, chat, options);
        var run = new AgentRun(agent.RunAsync());

        string[] turns = ["One.", "Two.", "Three.", "Four."];
        for (int i = 0; i < turns.Length; i++)
        {
            await agent.SendAudioAsync(await UserSaysAsync(client, turns[i]));
            await run.WaitForAsync<VoiceAgentResponseEvent>(nth: i + 1);
        }

        agent.CompleteInput();
        await run.Ended;
        Assert.Equal(["system", "user: Three.", "assistant: Yes.", "user: Four.", "assistant: Yes."], agent.History.Select(m => m.Role == ChatRole.System ? "system" : $"{m.Role}: {m.Text}"));
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Produced(IAsyncEnumerable<ChatResponseUpdate> updates, TaskCompletionSource done, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (ChatResponseUpdate update in updates.WithCancellation(cancellationToken))
        {
            yield return update;
        }

        done.TrySetResult();
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Call(FunctionCallContent call)
    {
        await Task.Yield();
        yield return new ChatResponseUpdate(ChatRole.Assistant, [call]);
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Throw()
    {
        await Task.Yield();
        throw new InvalidOperationException("The model is down.");
#pragma warning disable CS0162 // an iterator needs a yield
        yield break;
#pragma warning restore CS0162
    }
}
