namespace Cartesia.Emulator;

/// <summary>
/// A voice to add to an emulator's catalogue (<see cref="CartesiaEmulatorOptions.Voices"/>), for example one your
/// production code uses by id, so it runs against the emulator unchanged.
/// </summary>
public sealed class EmulatorVoice
{
    /// <summary>The voice id (usually a UUID), as your code passes it.</summary>
    public required string Id { get; init; }

    /// <summary>The voice's name. Default: <c>Custom voice</c>.</summary>
    public string Name { get; init; } = "Custom voice";

    /// <summary>What the voice sounds like.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The voice's language code. Default <c>en</c>.</summary>
    public string Language { get; init; } = "en";

    /// <summary><c>masculine</c>, <c>feminine</c>, <c>gender_neutral</c>, or null.</summary>
    public string? Gender { get; init; }

    /// <summary>
    /// Whether the account owns the voice (like a clone: it can be updated and deleted) rather than it being a
    /// public voice. Default false.
    /// </summary>
    public bool IsOwner { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"EmulatorVoice {{ Id = {Id}, Name = {Name}, Language = {Language} }}";

    /// <summary>Parses <c>ID</c> or <c>ID:NAME</c> (the CLI's <c>--voice</c>).</summary>
    /// <param name="text">The id, optionally followed by a colon and the name.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public static EmulatorVoice Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string id = (colon < 0 ? text : text[..colon]).Trim();
        string name = colon < 0 ? string.Empty : text[(colon + 1)..].Trim();
        if (id.Length == 0)
        {
            throw new ArgumentException($"'{text}' has no voice id; write ID or ID:NAME.", nameof(text));
        }

        return name.Length == 0 ? new EmulatorVoice { Id = id } : new EmulatorVoice { Id = id, Name = name };
    }

    internal Catalog.VoiceRecord ToRecord(DateTimeOffset createdAt) => new()
    {
        Id = Id,
        Name = Name,
        Description = Description,
        Language = Language,
        Gender = Gender,
        Locales = [Language.Contains('-', StringComparison.Ordinal) ? Language : $"{Language}-{Language.ToUpperInvariant()}"],
        IsOwner = IsOwner,
        IsPublic = !IsOwner,
        UserId = IsOwner ? EmulatorState.UserId : null,
        CreatedAt = createdAt,
    };
}
