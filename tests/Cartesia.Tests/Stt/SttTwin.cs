using Cartesia.Stt;

namespace Cartesia.Tests.Stt;

/// <summary>Runs a batch transcription through its asynchronous or synchronous twin.</summary>
internal static class SttTwin
{
    public static async Task<SttTranscription> Transcribe(CartesiaClient client, string path, SttTranscribeRequest request, bool async)
        => async ? await client.Stt.TranscribeAsync(path, request) : client.Stt.Transcribe(path, request);

    public static async Task<SttTranscription> Transcribe(CartesiaClient client, Stream audio, SttTranscribeRequest request, bool async)
        => async ? await client.Stt.TranscribeAsync(audio, request) : client.Stt.Transcribe(audio, request);

    public static async Task<SttTranscription> Transcribe(CartesiaClient client, byte[] audio, SttTranscribeRequest request, bool async)
        => async ? await client.Stt.TranscribeAsync(audio, request) : client.Stt.Transcribe(audio, request);
}
