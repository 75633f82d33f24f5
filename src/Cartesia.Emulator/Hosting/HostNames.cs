using System.Net;

namespace Cartesia.Emulator.Hosting;

/// <summary>
/// Which <c>Host</c> (and <c>Origin</c>) names the emulator answers: loopback names only (<c>localhost</c>,
/// <c>127.x.x.x</c>, <c>[::1]</c>), so a web page cannot reach it through a name that resolves to 127.0.0.1 (DNS
/// rebinding); plus the address the user bound on purpose (<see cref="CartesiaEmulatorOptions.Host"/>), and any
/// name when bound to every interface (<c>0.0.0.0</c>, <c>*</c>, <c>::</c>).
/// </summary>
internal sealed class HostNames
{
    private readonly string? _bound;
    private readonly bool _any;

    public HostNames(string boundHost)
    {
        string host = boundHost.Trim('[', ']');
        _any = host is "*" or "0.0.0.0" or "::";
        _bound = _any || IsLoopback(host) ? null : host;
    }

    /// <summary>Whether a host name (without port; IPv6 with or without brackets) is one the emulator answers.</summary>
    public bool IsAllowed(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        host = host.Trim('[', ']');
        return _any || IsLoopback(host) || (_bound is not null && string.Equals(host, _bound, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsLoopback(string host)
        => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address));
}
