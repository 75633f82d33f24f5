namespace Cartesia.Voices;

/// <summary>
/// Clone a voice from a clip (<c>POST /voices/clone</c>, multipart). About 5 seconds (3–10) of clean speech
/// works best.
/// </summary>
public sealed class VoiceCloneRequest
{
    /// <summary>The clip to clone, from a path, a stream or bytes (<c>clip</c>).</summary>
    public required CartesiaFile Clip { get; set; }

    /// <summary>The new voice's name (<c>name</c>).</summary>
    public required string Name { get; set; }

    /// <summary>The language of the voice (<c>language</c>).</summary>
    public required Language Language { get; set; }

    /// <summary>A description (<c>description</c>).</summary>
    public string? Description { get; set; }

    /// <summary>A voice the clone derives from (<c>base_voice_id</c>).</summary>
    public string? BaseVoiceId { get; set; }

    /// <summary>The clone's accent, a catalogue id (<c>accent</c>; API 2026-08-14).</summary>
    public VoiceAccent? Accent { get; set; }
}
