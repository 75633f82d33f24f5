using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Cartesia.Core.Http;

namespace Cartesia.Core.Sse;

/// <summary>
/// The public stream types over an SSE endpoint: the request is sent when enumeration starts, and the
/// session's rules decide how it ends. One implementation serves the synchronous and asynchronous twins.
/// </summary>
internal sealed class SseAsyncStream<TEvent> : CartesiaAsyncStream<TEvent> where TEvent : class
{
    private readonly Func<bool, CancellationToken, ValueTask<SseSession<TEvent>>> _open;
    private readonly CancellationToken _operationToken;
    private int _started;

    public SseAsyncStream(Func<bool, CancellationToken, ValueTask<SseSession<TEvent>>> open, CancellationToken operationToken)
    {
        _open = open;
        _operationToken = operationToken;
    }

    public override IAsyncEnumerator<TEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("This stream has already been enumerated; each call streams one response.");
        }

        return ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    private async IAsyncEnumerable<TEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_operationToken, cancellationToken);
        using SseSession<TEvent> session = await _open(true, linked.Token).ConfigureAwait(false);
        Response = session.Body.Info;
        IAsyncEnumerator<SseItem<SseParsedItem<TEvent>>> items = session.CreateParser().EnumerateAsync(linked.Token).GetAsyncEnumerator(linked.Token);
        await using (items.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (CartesiaIncompleteStreamException ex)
                {
                    throw session.Broken(ex);
                }
                catch (CartesiaProtocolException ex)
                {
                    throw session.Violated(ex);
                }

                if (!more)
                {
                    throw session.EndedWithoutDone();
                }

                yield return session.Accept(items.Current.Data);
                if (session.Completed)
                {
                    yield break;
                }
            }
        }
    }
}

/// <summary>The synchronous twin of <see cref="SseAsyncStream{TEvent}"/>.</summary>
internal sealed class SseSyncStream<TEvent> : CartesiaStream<TEvent> where TEvent : class
{
    private readonly Func<bool, CancellationToken, ValueTask<SseSession<TEvent>>> _open;
    private readonly CancellationToken _operationToken;
    private int _started;

    public SseSyncStream(Func<bool, CancellationToken, ValueTask<SseSession<TEvent>>> open, CancellationToken operationToken)
    {
        _open = open;
        _operationToken = operationToken;
    }

    public override IEnumerator<TEvent> GetEnumerator()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("This stream has already been enumerated; each call streams one response.");
        }

        return Read().GetEnumerator();
    }

    private IEnumerable<TEvent> Read()
    {
        using SseSession<TEvent> session = _open(false, _operationToken).EnsureCompleted();
        Response = session.Body.Info;
        using IEnumerator<SseItem<SseParsedItem<TEvent>>> items = session.CreateParser().Enumerate().GetEnumerator();
        while (true)
        {
            bool more;
            try
            {
                more = items.MoveNext();
            }
            catch (CartesiaIncompleteStreamException ex)
            {
                throw session.Broken(ex);
            }
            catch (CartesiaProtocolException ex)
            {
                throw session.Violated(ex);
            }

            if (!more)
            {
                throw session.EndedWithoutDone();
            }

            yield return session.Accept(items.Current.Data);
            if (session.Completed)
            {
                yield break;
            }
        }
    }
}
