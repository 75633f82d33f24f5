using System.Net.WebSockets;
using Cartesia.Agents;
using Cartesia.Core.WebSockets;

namespace Cartesia.Tests.Agents.Realtime;

public class AgentSendQueueTests
{
    [Fact]
    public async Task A_push_the_call_ends_during_is_refused_with_how_the_call_ended_not_as_a_failed_send()
    {
        // The call ends (the queue is closed, as when the agent hangs up) while a push of three frames is sending its
        // first: the push has passed its own check, so its next frame meets a stopped writer.
        var ended = new InvalidOperationException("The call has ended: the agent hung up (call ended by agent).");
        AgentSendQueue? queue = null;
        using var socket = new CallbackWebSocket(() => queue!.Close(ended));
        var sender = new WebSocketSender(socket);
        var options = new AgentSessionOptions();
        int frameBytes = AgentValidator.ValidateCommon(options, nameof(AgentSessionOptions));
        queue = new AgentSendQueue(sender, new ManagedAgentProtocol("agent", options, []), frameBytes, options.InputFormat.BytesPerSample ?? 1, 1 << 20, TimeProvider.System, _ => { });

        InvalidOperationException refused = await Assert.ThrowsAsync<InvalidOperationException>(() => queue.PushAudioAsync(new byte[frameBytes * 3], CancellationToken.None).AsTask());

        Assert.Equal(ended.Message, refused.Message);
        Assert.Equal(1, socket.Sends); // the frames after the ending were not sent
    }

    /// <summary>A connected WebSocket whose first send runs a callback; every send succeeds.</summary>
    private sealed class CallbackWebSocket(Action onFirstSend) : WebSocket
    {
        public int Sends { get; private set; }

        public override WebSocketCloseStatus? CloseStatus => null;

        public override string? CloseStatusDescription => null;

        public override WebSocketState State => WebSocketState.Open;

        public override string? SubProtocol => null;

        public override void Abort()
        {
        }

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Dispose()
        {
        }

        public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
            => Task.FromResult(new WebSocketReceiveResult(0, WebSocketMessageType.Close, true));

        public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
        {
            if (++Sends == 1)
            {
                onFirstSend();
            }

            return Task.CompletedTask;
        }
    }
}
