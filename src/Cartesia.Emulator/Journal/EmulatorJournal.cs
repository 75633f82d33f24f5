namespace Cartesia.Emulator.Journal;

/// <summary>
/// The requests the emulator received, in order, so tests can assert on what went over the wire. Bounded (see
/// <see cref="EmulatorLimits"/>): beyond its size the oldest requests are dropped and counted; credentials are never
/// kept (see <see cref="EmulatorRequest.Credential"/>).
/// </summary>
public sealed class EmulatorJournal
{
    private readonly object _gate = new();
    private readonly LinkedList<EmulatorRequest> _requests = [];
    private int _sequence;
    private long _bytes;
    private long _droppedRequests;
    private long _droppedBytes;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How much the journal keeps.</summary>
    internal EmulatorLimits Limits { get; set; } = new();

    /// <summary>The emulator's clock, which stamps <see cref="EmulatorRequest.ReceivedAt"/> and each message's time.</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How many requests were dropped (the oldest first) to keep the journal within its limits, since the last <see cref="Clear"/>.</summary>
    public long DroppedRequests
    {
        get
        {
            lock (_gate)
            {
                return _droppedRequests;
            }
        }
    }

    /// <summary>
    /// How many recorded bytes (bodies, answers, WebSocket messages) were dropped to keep the journal within its
    /// limits, since the last <see cref="Clear"/>; cut-off body tails are not counted (see <see cref="EmulatorRequest.BodyLength"/>).
    /// </summary>
    public long DroppedBytes
    {
        get
        {
            lock (_gate)
            {
                return _droppedBytes;
            }
        }
    }

    /// <summary>How many bytes the journal holds now.</summary>
    internal long RecordedBytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

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

    /// <summary>Forgets every request (and the counts of dropped ones), freeing what they held.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            foreach (EmulatorRequest request in _requests)
            {
                request.InJournal = false; // a request still running records nothing more
            }

            _requests.Clear();
            _bytes = 0;
            _droppedRequests = 0;
            _droppedBytes = 0;
        }
    }

    /// <summary>Up to <paramref name="limit"/> requests with a sequence number above <paramref name="after"/>, in order.</summary>
    internal List<EmulatorRequest> Page(int after, int limit)
    {
        lock (_gate)
        {
            return _requests.Where(r => r.Sequence > after).Take(limit).ToList();
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

    internal EmulatorRequest Add(string method, string path, string query, IReadOnlyDictionary<string, string> headers, EmulatorCredential credential, bool isWebSocket)
    {
        lock (_gate)
        {
            var request = new EmulatorRequest(++_sequence, method, path, query, headers, credential, isWebSocket, Clock.GetUtcNow());
            _requests.AddLast(request);
            request.InJournal = true;
            TrimLocked();
            SignalLocked();
            return request;
        }
    }

    /// <summary>Records a request's body once it has been read: its first bytes (cut to the limits) and its whole length.</summary>
    internal void SetBody(EmulatorRequest request, ReadOnlySpan<byte> head, long length)
    {
        byte[] prefix = head[..Math.Min(head.Length, Limits.JournalBodyPrefixBytes)].ToArray();
        lock (_gate)
        {
            request.SetBody(request.InJournal ? prefix : [], length);
            Grow(request, prefix.Length);
            SignalLocked();
        }
    }

    /// <summary>Records a message received on a request's WebSocket (and wakes <see cref="WaitForAsync"/>).</summary>
    internal void AddWebSocketMessage(EmulatorRequest request, System.Net.WebSockets.WebSocketMessageType type, ReadOnlySpan<byte> data)
    {
        byte[] prefix = data[..Math.Min(data.Length, Limits.JournalBodyPrefixBytes)].ToArray();
        lock (_gate)
        {
            if (!request.InJournal)
            {
                return;
            }

            request.AddWebSocketMessage(new EmulatorWebSocketMessage(type, prefix, Clock.GetUtcNow()) { Length = data.Length });
            Grow(request, prefix.Length);
            SignalLocked();
        }
    }

    internal void Complete(EmulatorRequest request, int statusCode, bool clientDisconnected, byte[]? responseBody = null, string? responseContentType = null)
    {
        lock (_gate)
        {
            if (responseBody is not null && request.InJournal)
            {
                request.ResponseBody = responseBody;
                request.ResponseContentType = responseContentType;
                Grow(request, responseBody.Length);
            }

            request.StatusCode = statusCode;
            request.ClientDisconnected = clientDisconnected;
            request.Completed = true;
            SignalLocked();
        }
    }

    private void Grow(EmulatorRequest request, long bytes)
    {
        if (!request.InJournal)
        {
            return; // already dropped or cleared: nothing more is held for it
        }

        request.RecordedBytes += bytes;
        _bytes += bytes;
        TrimLocked();
    }

    /// <summary>Drops the oldest requests until the journal is within its limits (the newest is cut instead of dropped).</summary>
    private void TrimLocked()
    {
        while (_requests.Count > Limits.JournalMaxRequests || (_bytes > Limits.JournalMaxBytes && _requests.Count > 1))
        {
            EmulatorRequest oldest = _requests.First!.Value;
            _requests.RemoveFirst();
            _bytes -= oldest.RecordedBytes;
            _droppedRequests++;
            _droppedBytes += oldest.RecordedBytes;
            oldest.InJournal = false;
            Release(oldest);
        }

        if (_bytes > Limits.JournalMaxBytes && _requests.Last is { } last)
        {
            // One request alone holds more than the journal may: keep its line, drop what it carried.
            EmulatorRequest only = last.Value;
            _droppedBytes += only.RecordedBytes;
            _bytes -= only.RecordedBytes;
            Release(only);
        }
    }

    private static void Release(EmulatorRequest request)
    {
        request.SetBody([], request.BodyLength);
        request.ResponseBody = [];
        request.ClearWebSocketMessages();
        request.RecordedBytes = 0;
    }

    private void SignalLocked()
    {
        TaskCompletionSource previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
