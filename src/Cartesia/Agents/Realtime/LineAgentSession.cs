namespace Cartesia.Agents;

/// <summary>The Line stream call: <see cref="AgentLineSession"/> over an <see cref="AgentCallCore"/>.</summary>
internal sealed class LineAgentSession : AgentLineSession
{
    private readonly AgentCallCore _core;
    private readonly LineAgentProtocol _protocol;

    public LineAgentSession(AgentCallCore core, LineAgentProtocol protocol)
    {
        _core = core;
        _protocol = protocol;
    }

    public override string StreamId => _protocol.StreamId ?? string.Empty;

    public override string AgentId => _core.AgentId;

    public override AgentAudioFormat InputFormat => _core.InputFormat;

    public override Task<AgentCallEnd> Completion => _core.Completion;

    public override long AudioBytesSent => _core.AudioBytesSent;

    public override long AudioBytesReceived => _core.AudioBytesReceived;

    public override ValueTask SendAudioAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken = default) => _core.SendAudioAsync(audio, cancellationToken);

    public override Task SendAudioAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, AgentAudioPacing pacing = AgentAudioPacing.AsFastAsPossible, CancellationToken cancellationToken = default) => _core.SendAudioAsync(audio, pacing, cancellationToken);

    public override Task SendAudioAsync(Stream audio, AgentAudioPacing pacing = AgentAudioPacing.RealTime, CancellationToken cancellationToken = default) => _core.SendAudioAsync(audio, pacing, cancellationToken);

    public override ValueTask SendDtmfAsync(string digits, CancellationToken cancellationToken = default) => _core.SendDtmfAsync(digits, cancellationToken);

    public override ValueTask SendCustomAsync(IReadOnlyDictionary<string, object?> metadata, CancellationToken cancellationToken = default)
    {
        AgentValidator.ValidateMetadata(metadata, "The custom metadata", nameof(metadata));
        return _core.SendMessageAsync(_protocol.CustomMessage(metadata), cancellationToken);
    }

    public override IAsyncEnumerable<AgentEvent> ReadEventsAsync(CancellationToken cancellationToken = default) => _core.ReadEventsAsync(pooled: false, cancellationToken);

    public override IAsyncEnumerable<AgentEvent> ReadPooledEventsAsync(CancellationToken cancellationToken = default) => _core.ReadEventsAsync(pooled: true, cancellationToken);

    public override Task<AgentCallEnd> EndAsync(CancellationToken cancellationToken = default) => _core.EndAsync(cancellationToken);

    public override ValueTask DisposeAsync() => _core.DisposeAsync();

    public override string ToString() => $"AgentLineSession (stream {StreamId}; {_core})";
}
