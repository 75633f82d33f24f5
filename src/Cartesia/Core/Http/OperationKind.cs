namespace Cartesia.Core.Http;

/// <summary>What a request does, which decides how it may be retried.</summary>
internal enum OperationKind
{
    /// <summary>Reads, updates and deletes: retried on every transient failure.</summary>
    Standard,

    /// <summary>Billed generation (TTS, infill, voice changer, STT, cloning): retried only where that is safe.</summary>
    Generation,
}
