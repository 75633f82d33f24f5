using System.Runtime.CompilerServices;

namespace Cartesia.Tests.Support;

/// <summary>Process-wide settings for the test run.</summary>
internal static class TestProcessSetup
{
    /// <summary>
    /// The tests run the emulator (Kestrel) in the same process as clients, and the synchronous twins block a
    /// pool thread each while they wait on the network. On a 2-core machine the pool starts with 2 threads and
    /// grows slowly, so the server could not accept a connection in time. A higher floor removes that artefact.
    /// </summary>
    [ModuleInitializer]
    internal static void RaiseThreadPoolFloor()
    {
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }
}
