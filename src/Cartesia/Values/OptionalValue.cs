namespace Cartesia;

/// <summary>
/// A field of an update request that can be left out, set to a value, or set to <see langword="null"/> — three
/// different things on the wire: an unset field is omitted (the service leaves it unchanged), a null is sent as
/// JSON <c>null</c> (the service resets it). Assign a value or <see langword="null"/>; leave the property alone
/// to omit it.
/// </summary>
/// <example>
/// <code>
/// new VoiceUpdateRequest { Gender = GenderPresentation.Feminine }; // "gender": "feminine"
/// new VoiceUpdateRequest { Gender = null };                        // "gender": null (reset to the default)
/// new VoiceUpdateRequest { Name = "New name" };                    // no "gender": unchanged
/// </code>
/// </example>
/// <typeparam name="T">The field's type (nullable when null is meaningful).</typeparam>
public readonly struct OptionalValue<T> : IEquatable<OptionalValue<T>>
{
    private readonly T _value;

    /// <summary>A field set to a value (which may be null).</summary>
    /// <param name="value">The value.</param>
    public OptionalValue(T value)
    {
        _value = value;
        IsSet = true;
    }

    /// <summary>Whether the field is set (sent); false means it is omitted.</summary>
    public bool IsSet { get; }

    /// <summary>The value when set.</summary>
    /// <exception cref="InvalidOperationException">The field is not set.</exception>
    public T Value => IsSet ? _value : throw new InvalidOperationException("The field is not set.");

    /// <summary>The value, or <paramref name="fallback"/> when the field is not set.</summary>
    /// <param name="fallback">What to return when the field is not set.</param>
    public T GetValueOrDefault(T fallback) => IsSet ? _value : fallback;

    /// <summary>Sets a field to a value (or to null).</summary>
    /// <param name="value">The value.</param>
    public static implicit operator OptionalValue<T>(T value) => new(value);

    /// <summary>Whether two fields are both unset, or both set to equal values.</summary>
    /// <param name="left">A field.</param>
    /// <param name="right">Another field.</param>
    public static bool operator ==(OptionalValue<T> left, OptionalValue<T> right) => left.Equals(right);

    /// <summary>Whether two fields differ.</summary>
    /// <param name="left">A field.</param>
    /// <param name="right">Another field.</param>
    public static bool operator !=(OptionalValue<T> left, OptionalValue<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(OptionalValue<T> other) => IsSet == other.IsSet && (!IsSet || EqualityComparer<T>.Default.Equals(_value, other._value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OptionalValue<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsSet ? HashCode.Combine(true, _value) : 0;

    /// <inheritdoc />
    public override string ToString() => !IsSet ? "(not set)" : _value?.ToString() ?? "null";
}
