namespace Cartesia.Emulator.Tts;

/// <summary>A validated text-to-speech request.</summary>
internal sealed record TtsJob
{
    public required string ModelId { get; init; }

    public required string Transcript { get; init; }

    public required string VoiceId { get; init; }

    public required OutputSpec Output { get; init; }

    public string? Language { get; init; }

    public string? Locale { get; init; }

    public double Speed { get; init; } = 1.0;

    public double Volume { get; init; } = 1.0;

    public bool AddTimestamps { get; init; }

    public bool AddPhonemeTimestamps { get; init; }

    public string? ContextId { get; init; }

    public bool Save { get; init; }
}
