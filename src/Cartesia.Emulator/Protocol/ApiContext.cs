using Cartesia.Emulator.Journal;

namespace Cartesia.Emulator.Protocol;

/// <summary>What the emulator established about an API request before its handler runs.</summary>
internal sealed class ApiContext
{
    private const string ItemKey = "cartesia.api";

    public required string RequestId { get; init; }

    /// <summary>The requested version as sent (may be unknown or missing).</summary>
    public string? Version { get; set; }

    /// <summary>The journal entry of the request.</summary>
    public required EmulatorRequest Journal { get; init; }

    /// <summary>
    /// The whole request body when it is not an upload (JSON, at most <see cref="EmulatorLimits.MaxJsonBodyBytes"/>;
    /// read once the request is authenticated; the journal keeps only its first bytes). Empty for an upload.
    /// </summary>
    public byte[] Body { get; set; } = [];

    /// <summary>The streamed <c>multipart/form-data</c> upload (file parts spooled to temporary files), or null when the body is not one.</summary>
    public Uploads.UploadedForm? Form { get; set; }

    /// <summary>The fault chosen for this request, if any (stream faults apply in the handler).</summary>
    public Faults.EmulatorFault? Fault { get; set; }

    /// <summary>Whether the credential was an access token (and its grants), or an API key.</summary>
    public AccessTokenGrant? Token { get; set; }

    public static ApiContext Get(HttpContext context) => (ApiContext)context.Items[ItemKey]!;

    public static ApiContext? Find(HttpContext context) => context.Items.TryGetValue(ItemKey, out object? value) ? value as ApiContext : null;

    public void Attach(HttpContext context) => context.Items[ItemKey] = this;
}
