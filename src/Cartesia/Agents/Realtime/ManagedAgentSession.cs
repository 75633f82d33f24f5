namespace Cartesia.Agents;

/// <summary>The managed agents call: <see cref="AgentSession"/> over an <see cref="AgentCallCore"/>.</summary>
internal sealed class ManagedAgentSession : AgentSession
{
    private readonly AgentCallCore _core;
    private readonly AgentSessionReadyEvent _ready;

    public ManagedAgentSession(AgentCallCore core, AgentOutputDelivery? requestedDelivery)
    {
        _core = core;
        _ready = (AgentSessionReadyEvent)core.ReadyEvent!;
        OutputDelivery = _ready.OutputDelivery ?? requestedDelivery ?? AgentOutputDelivery.SpeakingPace;
    }

    public override string CallId => _ready.CallId;

    public override string? AgentVersionId => _ready.AgentVersionId;

    public override AgentOutputDelivery OutputDelivery { get; }

    public override string AgentId => _core.AgentId;

    public override AgentAudioFormat InputFormat => _core.InputFormat;

    public override Task<AgentCallEnd> Completion => _core.Completion;

    public override long AudioBytesSent => _core.AudioBytesSent;

    public override long AudioBytesReceived => _core.AudioBytesReceived;

    public override ValueTask SendAudioAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken = default) => _core.SendAudioAsync(audio, cancellationToken);

    public override Task SendAudioAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, AgentAudioPacing pacing = AgentAudioPacing.AsFastAsPossible, CancellationToken cancellationToken = default) => _core.SendAudioAsync(audio, pacing, cancellationToken);

    public override Task SendAudioAsync(Stream audio, AgentAudioPacing pacing = AgentAudioPacing.RealTime, CancellationToken cancellationToken = default) => _core.SendAudioAsync(audio, pacing, cancellationToken);

    public override ValueTask SendDtmfAsync(string digits, CancellationToken cancellationToken = default) => _core.SendDtmfAsync(digits, cancellationToken);

    public override ValueTask SendToolResultAsync(string toolCallId, string result, bool isError = false, string? errorType = null, CancellationToken cancellationToken = default)
    {
        AgentValidator.ValidateToolResult(toolCallId, result, errorType);
        return _core.SendMessageAsync(ManagedAgentProtocol.ToolResultMessage(toolCallId, result, isError, errorType), cancellationToken);
    }

    public override IAsyncEnumerable<AgentEvent> ReadEventsAsync(CancellationToken cancellationToken = default) => _core.ReadEventsAsync(pooled: false, cancellationToken);

    public override IAsyncEnumerable<AgentEvent> ReadPooledEventsAsync(CancellationToken cancellationToken = default) => _core.ReadEventsAsync(pooled: true, cancellationToken);

    public override Task<AgentCallEnd> EndAsync(CancellationToken cancellationToken = default) => _core.EndAsync(cancellationToken);

    public override ValueTask DisposeAsync() => _core.DisposeAsync();

    public override string ToString() => $"AgentSession (call {CallId}; {_core})";
}
