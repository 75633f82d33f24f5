using System.Globalization;
using System.Text;

namespace Cartesia.Core.Http;

/// <summary>Builds an escaped query string; unset values are dropped, arrays repeat their key.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _builder = new();

    /// <summary>Adds a parameter when the value is not null.</summary>
    public QueryString Add(string name, string? value)
    {
        if (value is not null)
        {
            _builder.Append(_builder.Length == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(name))
                .Append('=')
                .Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    /// <summary>Adds an integer parameter when set.</summary>
    public QueryString Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number parameter when set.</summary>
    public QueryString Add(string name, double? value) => Add(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean parameter (<c>true</c>/<c>false</c>) when set.</summary>
    public QueryString Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds one parameter per value, all with the same key.</summary>
    public QueryString AddEach(string name, IEnumerable<string>? values)
    {
        if (values is not null)
        {
            foreach (string value in values)
            {
                Add(name, value);
            }
        }

        return this;
    }

    /// <summary>The query string, starting with <c>?</c>, or empty.</summary>
    public override string ToString() => _builder.ToString();
}
