using System.ComponentModel;
using System.Globalization;

namespace Cartesia.Serialization;

/// <summary>Lets configuration binding read a <see cref="CartesiaApiVersion"/> from a string such as <c>2026-08-14</c>.</summary>
public sealed class CartesiaApiVersionTypeConverter : TypeConverter
{
    /// <inheritdoc />
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType)
        => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc />
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
        => value is string text ? new CartesiaApiVersion(text.Trim()) : base.ConvertFrom(context, culture, value);

    /// <inheritdoc />
    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType)
        => destinationType == typeof(string) && value is CartesiaApiVersion version ? version.Value : base.ConvertTo(context, culture, value, destinationType);
}
