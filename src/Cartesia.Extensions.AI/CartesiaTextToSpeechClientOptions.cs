using Cartesia.Tts;

namespace Cartesia.Extensions.AI;

/// <summary>Defaults of a <see cref="CartesiaTextToSpeechClient"/>, used where <see cref="Microsoft.Extensions.AI.TextToSpeechOptions"/> says nothing.</summary>
public sealed class CartesiaTextToSpeechClientOptions
{
    /// <summary>The model when the options name none. Default <see cref="TtsModel.Sonic3"/>.</summary>
    public TtsModel DefaultModelId { get; set; } = TtsModel.Sonic3;

    /// <summary>The voice when the options name none; without either, a call fails with <see cref="InvalidOperationException"/>.</summary>
    public string? DefaultVoiceId { get; set; }

    /// <summary>The format of <c>GetAudioAsync</c> when the options name none. Default WAV, 16-bit, 44.1 kHz.</summary>
    public AudioOutputFormat DefaultOutputFormat { get; set; } = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100);

    /// <summary>The raw format of <c>GetStreamingAudioAsync</c> when the options name none. Default 16-bit, 24 kHz.</summary>
    public AudioOutputFormat DefaultStreamingFormat { get; set; } = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000);
}
