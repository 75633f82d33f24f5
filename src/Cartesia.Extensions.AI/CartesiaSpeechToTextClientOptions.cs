using Cartesia.Stt;

namespace Cartesia.Extensions.AI;

/// <summary>Defaults of a <see cref="CartesiaSpeechToTextClient"/>, used where <see cref="Microsoft.Extensions.AI.SpeechToTextOptions"/> says nothing.</summary>
public sealed class CartesiaSpeechToTextClientOptions
{
    /// <summary>The model of <c>GetTextAsync</c> (<c>POST /stt</c>) when the options name none. Default <see cref="SttModel.InkWhisper"/>.</summary>
    public SttModel DefaultModelId { get; set; } = SttModel.InkWhisper;

    /// <summary>The model of <c>GetStreamingTextAsync</c> (a streaming session) when the options name none. Default <see cref="SttModel.Ink2"/>.</summary>
    public SttModel DefaultStreamingModelId { get; set; } = SttModel.Ink2;

    /// <summary>
    /// How <c>GetStreamingTextAsync</c> sends the caller's stream: as fast as it can be read (default; a live
    /// source paces itself), or re-paced to real time (to replay a recording like a microphone).
    /// </summary>
    public SttPacing StreamingPacing { get; set; } = SttPacing.AsFastAsPossible;
}
