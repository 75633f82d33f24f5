namespace Cartesia.Audio;

/// <summary>What a WAV file's header says about its audio.</summary>
/// <param name="Encoding">The sample encoding.</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Channels">Channel count.</param>
/// <param name="DataOffset">Where the samples start in the file.</param>
/// <param name="DataLength">How many bytes of samples the header declares (or that remain, for a streamed header).</param>
public readonly record struct WavFormat(AudioEncoding Encoding, int SampleRate, int Channels, long DataOffset, long DataLength);
