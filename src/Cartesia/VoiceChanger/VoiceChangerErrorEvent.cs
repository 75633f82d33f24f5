namespace Cartesia.VoiceChanger;

/// <summary>An error event (the stream ends with <see cref="CartesiaStreamException"/> built from it).</summary>
internal sealed class VoiceChangerErrorEvent : VoiceChangerEvent
{
    public string? ErrorCode { get; init; }

    public string? Title { get; init; }

    public string? Message { get; init; }

    public string? RequestId { get; init; }

    public string? DocUrl { get; init; }

    public string? Error { get; init; }
}
