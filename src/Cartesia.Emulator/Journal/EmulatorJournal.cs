namespace Cartesia.Emulator.Journal;

/// <summary>The requests the emulator received, in order, so tests can assert on what went over the wire.</summary>
public sealed class EmulatorJournal
{
    private readonly object _gate = new();
    private readonly List<EmulatorRequest> _requests = [];
    private int _sequence;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A snapshot of the requests received so far (control requests to <c>/_emulator</c> excluded).</summary>
    public IReadOnlyList<EmulatorRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The requests to a path (any method), in order.</summary>
    /// <param name="path">The path, for example <c>/tts/bytes</c>.</param>
    public IReadOnlyList<EmulatorRequest> For(string path)
        => Requests.Where(r => string.Equals(r.Path.TrimEnd('/'), path.TrimEnd('/'), StringComparison.Ordinal)).ToList();

    /// <summary>Forgets every request.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    /// <summary>Waits until a request matching the condition is in the journal (checked whenever one changes).</summary>
    /// <param name="condition">What to wait for.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The first matching request.</returns>
    /// <exception cref="TimeoutException">No request matched in time.</exception>
    public async Task<EmulatorRequest> WaitForAsync(Func<EmulatorRequest, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                EmulatorRequest? match = _requests.FirstOrDefault(condition);
                if (match is not null)
                {
                    return match;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No request matched within {timeout}. Received: {string.Join("; ", Requests)}");
            }
        }
    }

    internal EmulatorRequest Add(string method, string path, string query, IReadOnlyDictionary<string, string> headers, byte[] body, bool isWebSocket)
    {
        lock (_gate)
        {
            var request = new EmulatorRequest(++_sequence, method, path, query, headers, body, isWebSocket);
            _requests.Add(request);
            SignalLocked();
            return request;
        }
    }

    /// <summary>Records a message received on a request's WebSocket (and wakes <see cref="WaitForAsync"/>).</summary>
    internal void AddWebSocketMessage(EmulatorRequest request, System.Net.WebSockets.WebSocketMessageType type, byte[] data)
    {
        request.AddWebSocketMessage(new EmulatorWebSocketMessage(type, data, DateTimeOffset.UtcNow));
        lock (_gate)
        {
            SignalLocked();
        }
    }

    internal void Complete(EmulatorRequest request, int statusCode, bool clientDisconnected)
    {
        lock (_gate)
        {
            request.StatusCode = statusCode;
            request.ClientDisconnected = clientDisconnected;
            request.Completed = true;
            SignalLocked();
        }
    }

    private void SignalLocked()
    {
        TaskCompletionSource previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
