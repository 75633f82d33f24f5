using Cartesia.Tts;

namespace Cartesia.Tests.Support;

/// <summary>Runs an SDK call through its asynchronous or synchronous twin, so one test covers both.</summary>
internal static class Twin
{
    public static async Task<byte[]> GenerateBytes(CartesiaClient client, TtsRequest request, bool async, CancellationToken cancellationToken = default)
        => async ? await client.Tts.GenerateBytesAsync(request, cancellationToken) : client.Tts.GenerateBytes(request, cancellationToken);

    public static async Task<List<TtsEvent>> GenerateSse(CartesiaClient client, TtsSseRequest request, bool async, CancellationToken cancellationToken = default)
    {
        var events = new List<TtsEvent>();
        if (async)
        {
            await foreach (TtsEvent e in client.Tts.GenerateSseAsync(request, cancellationToken))
            {
                events.Add(e);
            }
        }
        else
        {
            events.AddRange(client.Tts.GenerateSse(request, cancellationToken));
        }

        return events;
    }

    public static async Task<ApiStatus> GetStatus(CartesiaClient client, bool async)
        => async ? await client.GetStatusAsync() : client.GetStatus();
}
