using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Cartesia;
using Cartesia.Agents;
using Cartesia.Audio;

namespace PhoneBridge;

/// <summary>
/// Bridges one Twilio Media Stream (a phone call: 8 kHz μ-law, base64 in JSON) to a Cartesia agent call in the same
/// format, so audio passes both ways untouched: caller audio → <c>audio_input</c>; agent audio → 20 ms Twilio
/// <c>media</c> frames; the agent's barge-in (<c>audio_output_clear</c>) → Twilio <c>clear</c>; caller keys → agent
/// DTMF; Twilio <c>stop</c> (the caller hung up) ends the agent call, and the agent hanging up closes the stream
/// (Twilio then ends the phone call).
/// </summary>
public sealed partial class TwilioAgentBridge
{
    private readonly CartesiaClient _client;
    private readonly ILogger<TwilioAgentBridge> _logger;
    private readonly string? _agentId;

    /// <summary>Creates the bridge; the agent is <c>PhoneBridge:AgentId</c> in configuration, else your first agent.</summary>
    public TwilioAgentBridge(CartesiaClient client, IConfiguration configuration, ILogger<TwilioAgentBridge> logger)
    {
        _client = client;
        _logger = logger;
        _agentId = configuration["PhoneBridge:AgentId"];
    }

    /// <summary>Runs one call until either side hangs up.</summary>
    public async Task RunAsync(WebSocket twilio, CancellationToken cancellationToken)
    {
        AgentSession? agent = null;
        Task pumping = Task.CompletedTask;
        try
        {
            await foreach (JsonDocument message in ReceiveAsync(twilio, cancellationToken))
            {
                using (message)
                {
                    JsonElement root = message.RootElement;
                    switch (root.TryGetProperty("event", out JsonElement e) ? e.GetString() : null)
                    {
                        case "start" when agent is null:
                            string streamSid = root.GetProperty("start").GetProperty("streamSid").GetString()!;
                            string agentId = _agentId ?? (await _client.Agents.ListAsync(cancellationToken))[0].Id;
                            agent = await _client.Agents.ConnectAsync(agentId, new AgentSessionOptions { InputFormat = AgentAudioFormat.Mulaw8000 }, cancellationToken);
                            LogBridged(streamSid, agentId, agent.CallId);
                            pumping = PumpAgentToTwilioAsync(agent, twilio, streamSid);
                            break;
                        case "media" when agent is not null && root.GetProperty("media") is var media
                                          && (!media.TryGetProperty("track", out JsonElement track) || track.GetString() == "inbound"):
                            await agent.SendAudioAsync(media.GetProperty("payload").GetBytesFromBase64(), cancellationToken);
                            break;
                        case "dtmf" when agent is not null:
                            await agent.SendDtmfAsync(root.GetProperty("dtmf").GetProperty("digit").GetString()!, cancellationToken);
                            break;
                        case "stop":
                            LogCallerHungUp();
                            return;
                    }
                }
            }
        }
        catch (Exception ex) when (agent is not null && agent.Completion.IsCompleted && ex is InvalidOperationException or CartesiaException)
        {
            // The agent call ended while caller audio was arriving: the pump closes the stream.
        }
        finally
        {
            if (agent is not null)
            {
                await using (agent)
                {
                    try
                    {
                        AgentCallEnd end = await agent.EndAsync(CancellationToken.None);
                        LogEnded(end);
                    }
                    catch (CartesiaException ex)
                    {
                        LogFailed(ex);
                    }

                    await pumping;
                }
            }

            await CloseAsync(twilio, agent is null ? WebSocketCloseStatus.InternalServerError : WebSocketCloseStatus.NormalClosure, "call ended");
        }
    }

    /// <summary>The agent's audio and events to Twilio, until the agent call ends; closes the stream when the agent hung up.</summary>
    private async Task PumpAgentToTwilioAsync(AgentSession agent, WebSocket twilio, string streamSid)
    {
        var framer = new TelephonyFramer();
        try
        {
            await foreach (AgentEvent e in agent.ReadPooledEventsAsync())
            {
                switch (e)
                {
                    case AgentAudioEvent audio:
                        foreach (byte[] frame in framer.Push(audio.Audio.Span))
                        {
                            await SendAsync(twilio, TwilioMediaMessages.Media(streamSid, frame));
                        }

                        break;
                    case AgentAudioClearEvent:
                        // Barge-in: the caller spoke, so drop what Twilio still has queued to play.
                        framer.Clear();
                        await SendAsync(twilio, TwilioMediaMessages.Clear(streamSid));
                        break;
                    case AgentTurnEndedEvent turn:
                        LogTurn(turn.Role, turn.Text);
                        if (turn.Role == TranscriptRole.Assistant && framer.Flush() is { } tail)
                        {
                            await SendAsync(twilio, TwilioMediaMessages.Media(streamSid, tail));
                        }

                        break;
                    case AgentCallEndedEvent { End.Reason: AgentCallEndReason.AgentEnded } ended:
                        if (framer.Flush() is { } last)
                        {
                            await SendAsync(twilio, TwilioMediaMessages.Media(streamSid, last));
                        }

                        LogAgentHungUp(ended.End.CloseDescription);
                        await CloseAsync(twilio, WebSocketCloseStatus.NormalClosure, "call ended by agent");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is CartesiaException or WebSocketException)
        {
            LogFailed(ex);
            await CloseAsync(twilio, WebSocketCloseStatus.InternalServerError, "agent call failed");
        }
    }

    private static async IAsyncEnumerable<JsonDocument> ReceiveAsync(WebSocket socket, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>(4096);
        while (socket.State == WebSocketState.Open)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(message.GetMemory(4096), cancellationToken);
            }
            catch (WebSocketException)
            {
                yield break; // Twilio went away without a close.
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                yield break;
            }

            message.Advance(result.Count);
            if (result.EndOfMessage)
            {
                yield return JsonDocument.Parse(message.WrittenMemory);
                message.ResetWrittenCount();
            }
        }
    }

    private static Task SendAsync(WebSocket socket, string json)
        => socket.State == WebSocketState.Open
            ? socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None)
            : Task.CompletedTask;

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await socket.CloseOutputAsync(status, reason, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Already gone.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {StreamSid} bridged to agent {AgentId} (call {CallId}).")]
    private partial void LogBridged(string streamSid, string agentId, string callId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The caller hung up.")]
    private partial void LogCallerHungUp();

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent call ended: {End}.")]
    private partial void LogEnded(AgentCallEnd end);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The agent call failed.")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Role}: {Text}")]
    private partial void LogTurn(TranscriptRole role, string text);

    [LoggerMessage(Level = LogLevel.Information, Message = "The agent hung up ({Reason}).")]
    private partial void LogAgentHungUp(string? reason);
}
