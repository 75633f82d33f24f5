namespace Cartesia.Serialization;

/// <summary>
/// Implemented by the open, string-backed value types of the SDK (model ids, languages, encodings and
/// the like) so one JSON converter serves them all.
/// </summary>
/// <typeparam name="TSelf">The implementing value type.</typeparam>
public interface IStringValue<TSelf> where TSelf : struct, IStringValue<TSelf>
{
    /// <summary>The wire value.</summary>
    string Value { get; }

    /// <summary>Creates an instance from a wire value.</summary>
    /// <param name="value">The wire value.</param>
    static abstract TSelf FromValue(string value);
}
