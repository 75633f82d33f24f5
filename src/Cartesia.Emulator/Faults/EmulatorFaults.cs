namespace Cartesia.Emulator.Faults;

/// <summary>
/// The faults waiting for requests, by route. A route is <c>"POST /tts/bytes"</c> (method and path),
/// <c>"/tts/bytes"</c> (any method) or <c>"*"</c> (every API request). Each fault applies to the next
/// <see cref="EmulatorFault.Times"/> matching requests, in the order added.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly List<(string Route, EmulatorFault Fault, int Remaining)> _faults = [];

    /// <summary>Adds a fault for a route.</summary>
    /// <param name="route">The route, for example <c>"POST /tts/sse"</c>.</param>
    /// <param name="fault">What goes wrong.</param>
    public void Add(string route, EmulatorFault fault)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(route);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Times, 1);
        lock (_gate)
        {
            _faults.Add((Normalize(route), fault, fault.Times));
        }
    }

    /// <summary>Removes every fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>How many faults are still waiting.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _faults.Count;
            }
        }
    }

    /// <summary>Takes the first fault for a request, using up one of its applications.</summary>
    internal EmulatorFault? Take(string method, string path)
    {
        string exact = method.ToUpperInvariant() + " " + NormalizePath(path);
        string anyMethod = NormalizePath(path);
        lock (_gate)
        {
            for (int i = 0; i < _faults.Count; i++)
            {
                (string route, EmulatorFault fault, int remaining) = _faults[i];
                if (route == "*" || route == exact || route == anyMethod)
                {
                    if (remaining <= 1)
                    {
                        _faults.RemoveAt(i);
                    }
                    else
                    {
                        _faults[i] = (route, fault, remaining - 1);
                    }

                    return fault;
                }
            }
        }

        return null;
    }

    private static string Normalize(string route)
    {
        route = route.Trim();
        if (route == "*")
        {
            return route;
        }

        int space = route.IndexOf(' ', StringComparison.Ordinal);
        return space < 0
            ? NormalizePath(route)
            : route[..space].ToUpperInvariant() + " " + NormalizePath(route[(space + 1)..].Trim());
    }

    private static string NormalizePath(string path)
    {
        string trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        return trimmed.StartsWith('/') ? trimmed : "/" + trimmed;
    }
}
