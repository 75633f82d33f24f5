namespace Cartesia.Tts;

/// <summary>Sending text with generation settings of its own (speed, volume, emotion for this input only).</summary>
public sealed partial class TtsContext
{
    /// <summary>
    /// Sends text (<c>continue: true</c>) with a <see cref="Tts.GenerationConfig"/> for this input only, in place of
    /// <see cref="TtsContextOptions.GenerationConfig"/>: to change speed, volume or emotion mid-stream (later inputs
    /// go back to the context's own unless they carry one too). Validated like the context's.
    /// </summary>
    /// <param name="text">The text; not empty.</param>
    /// <param name="generationConfig">The speed, volume and emotion of this input.</param>
    /// <param name="cancellationToken">Stops waiting for the send.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="generationConfig"/> is out of range.</exception>
    /// <exception cref="InvalidOperationException">The context was completed, cancelled or failed.</exception>
    public ValueTask SendAsync(string text, GenerationConfig generationConfig, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(generationConfig);
        if (text.Length == 0)
        {
            throw new ArgumentException("The text is empty; to generate what was sent so far use FlushAsync, and to finish use CompleteAsync.", nameof(text));
        }

        TtsRequestValidator.ValidateGenerationConfig(generationConfig, "GenerationConfig", nameof(generationConfig));
        return SendCoreAsync(text, _messages.SerializeGenerationConfig(generationConfig), cancellationToken);
    }
}
