using System.Diagnostics;

namespace Cartesia.Core;

/// <summary>
/// Support for the SDK's synchronous twins: each operation is written once as
/// <c>ValueTask XxxAsync(bool async, …)</c>; with <c>async: false</c> every step inside runs synchronously
/// (HttpClient.Send, Stream.Read, Thread.Sleep), so the returned task is already complete and nothing blocks
/// on an asynchronous operation.
/// </summary>
internal static class SyncAsync
{
    /// <summary>
    /// Refuses the synchronous path in a browser (Blazor WebAssembly), where blocking the one thread on I/O would
    /// hang the page: the message names the method to use instead. Called before anything is sent.
    /// </summary>
    /// <param name="settings">The client's settings (<see cref="ClientSettings.IsBrowser"/>).</param>
    /// <param name="async">Whether the caller is on the asynchronous path.</param>
    /// <param name="operation">The operation, for the message.</param>
    /// <exception cref="PlatformNotSupportedException">Synchronous, in a browser.</exception>
    public static void ThrowIfSyncInBrowser(ClientSettings settings, bool async, string operation)
    {
        if (!async && settings.IsBrowser)
        {
            throw new PlatformNotSupportedException(
                $"The synchronous methods of Cartesia's clients cannot run in a browser (Blazor WebAssembly), where waiting for the network would block the page's only thread; call the ...Async method instead ({operation}).");
        }
    }

    /// <summary>Returns the result of a task that the synchronous code path has already completed.</summary>
    public static T EnsureCompleted<T>(this ValueTask<T> task)
    {
        Debug.Assert(task.IsCompleted, "The synchronous code path awaited something asynchronous.");
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Observes a task that the synchronous code path has already completed.</summary>
    public static void EnsureCompleted(this ValueTask task)
    {
        Debug.Assert(task.IsCompleted, "The synchronous code path awaited something asynchronous.");
        task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Waits on <paramref name="time"/> (the client's <see cref="CartesiaClientOptions.TimeProvider"/>),
    /// synchronously or asynchronously, honouring cancellation.
    /// </summary>
    public static async ValueTask DelayAsync(TimeSpan delay, TimeProvider time, bool async, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return;
        }

        if (async)
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        else if (time == TimeProvider.System)
        {
            cancellationToken.WaitHandle.WaitOne(delay);
            cancellationToken.ThrowIfCancellationRequested();
        }
        else
        {
            // Another clock's timer ends the wait by cancelling a token of its own (a CancellationTokenSource owns
            // its timer safely, however late the callback runs).
            using var elapsed = new CancellationTokenSource(delay, time);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, elapsed.Token);
            either.Token.WaitHandle.WaitOne();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
