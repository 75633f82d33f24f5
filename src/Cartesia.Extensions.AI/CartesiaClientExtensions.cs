using Cartesia;
using Cartesia.Extensions.AI;

namespace Microsoft.Extensions.AI;

/// <summary>Microsoft.Extensions.AI views of a <see cref="CartesiaClient"/>.</summary>
public static class CartesiaClientExtensions
{
    /// <summary>An <see cref="ITextToSpeechClient"/> over the client (bytes for whole audio, WebSocket for streaming).</summary>
    /// <param name="client">The Cartesia client (not owned by the adapter).</param>
    /// <param name="defaultVoiceId">The voice when a call's options name none.</param>
    /// <param name="defaultModelId">The model when a call's options name none (default sonic-3).</param>
    public static ITextToSpeechClient AsITextToSpeechClient(this CartesiaClient client, string? defaultVoiceId = null, string? defaultModelId = null)
    {
        var options = new CartesiaTextToSpeechClientOptions { DefaultVoiceId = defaultVoiceId };
        if (defaultModelId is not null)
        {
            options.DefaultModelId = defaultModelId;
        }

        return new CartesiaTextToSpeechClient(client, options);
    }

    /// <summary>An <see cref="ISpeechToTextClient"/> over the client (<c>POST /stt</c> for whole audio, a streaming session for streaming).</summary>
    /// <param name="client">The Cartesia client (not owned by the adapter).</param>
    /// <param name="defaultModelId">The model of whole-audio calls when a call's options name none (default ink-whisper).</param>
    /// <param name="defaultStreamingModelId">The model of streaming calls when a call's options name none (default ink-2).</param>
    public static ISpeechToTextClient AsISpeechToTextClient(this CartesiaClient client, string? defaultModelId = null, string? defaultStreamingModelId = null)
    {
        var options = new CartesiaSpeechToTextClientOptions();
        if (defaultModelId is not null)
        {
            options.DefaultModelId = defaultModelId;
        }

        if (defaultStreamingModelId is not null)
        {
            options.DefaultStreamingModelId = defaultStreamingModelId;
        }

        return new CartesiaSpeechToTextClient(client, options);
    }
}
