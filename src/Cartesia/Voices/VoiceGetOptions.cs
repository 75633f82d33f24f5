namespace Cartesia.Voices;

/// <summary>Options of <see cref="VoicesClient.GetAsync"/> (<c>GET /voices/{id}</c>).</summary>
public sealed class VoiceGetOptions
{
    /// <summary>Extra fields to include (<c>expand[]</c>), for example <see cref="VoiceExpand.PreviewFileUrl"/>.</summary>
    public IList<VoiceExpand> Expand { get; } = new List<VoiceExpand>();
}
