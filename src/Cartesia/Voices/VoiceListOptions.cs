namespace Cartesia.Voices;

/// <summary>Filters and paging for <see cref="VoicesClient.ListAsync"/> (<c>GET /voices</c>).</summary>
public sealed class VoiceListOptions : CartesiaListOptions
{
    /// <summary>Search by name, description or id (<c>q</c>).</summary>
    public string? Query { get; set; }

    /// <summary>Only the voices your organization owns (true) or does not (false) (<c>is_owner</c>).</summary>
    public bool? IsOwner { get; set; }

    /// <summary>Only voices that present this way (<c>gender</c>).</summary>
    public GenderPresentation? Gender { get; set; }

    /// <summary>
    /// Only voices of a language (<c>en</c>: every accent) or a locale (<c>en-GB</c>; <c>en_GB</c> works too)
    /// (<c>language</c>).
    /// </summary>
    public string? Language { get; set; }

    /// <summary>Extra fields to include (<c>expand[]</c>), for example <see cref="VoiceExpand.PreviewFileUrl"/>.</summary>
    public IList<VoiceExpand> Expand { get; } = new List<VoiceExpand>();
}
