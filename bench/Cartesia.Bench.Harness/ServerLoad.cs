using System.Diagnostics;

namespace Cartesia.Bench.Harness;

/// <summary>
/// How busy the emulator process was over a span: its CPU time (all threads, user and kernel) divided by the wall
/// time, in cores. A server near one core while a client runs would be the limit; well below, it is waiting on the client.
/// </summary>
internal sealed class ServerLoad : IDisposable
{
    private readonly Process _process;
    private readonly TimeSpan _cpuAtStart;
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private ServerLoad(Process process)
    {
        _process = process;
        _cpuAtStart = process.TotalProcessorTime;
    }

    /// <summary>Starts measuring the process with this id, or returns null when there is none to measure.</summary>
    public static ServerLoad? Start(int? pid)
    {
        if (pid is not int id)
        {
            return null;
        }

        try
        {
            return new ServerLoad(Process.GetProcessById(id));
        }
        catch (ArgumentException)
        {
            return null; // not running (or not visible to this process)
        }
    }

    /// <summary>The cores the process used on average since <see cref="Start"/>.</summary>
    public double Cores()
    {
        _process.Refresh();
        return (_process.TotalProcessorTime - _cpuAtStart).TotalSeconds / Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
    }

    /// <summary>How many cores the process may run on (its CPU affinity, as <c>taskset</c> set it); null when unknown.</summary>
    public static int? AllowedCores(int? pid)
    {
        if (pid is not int id || !OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            foreach (string line in File.ReadLines($"/proc/{id}/status"))
            {
                if (line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))
                {
                    int count = 0;
                    foreach (string range in line["Cpus_allowed_list:".Length..].Trim().Split(','))
                    {
                        string[] ends = range.Split('-');
                        count += ends.Length == 2 ? int.Parse(ends[1], System.Globalization.CultureInfo.InvariantCulture) - int.Parse(ends[0], System.Globalization.CultureInfo.InvariantCulture) + 1 : 1;
                    }

                    return count;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    public void Dispose() => _process.Dispose();
}
