using System.Net.ServerSentEvents;
using System.Text;
using BenchmarkDotNet.Attributes;
using Cartesia.Tts;

namespace Cartesia.Benchmarks;

/// <summary>A /tts/sse body of 100 chunk events (4 KiB of PCM each) parsed into events, per event.</summary>
[MemoryDiagnoser]
public class SseBenchmarks
{
    private const int Events = 100;
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup()
    {
        byte[] pcm = new byte[4096];
        new Random(2).NextBytes(pcm);
        var text = new StringBuilder();
        for (int i = 0; i < Events; i++)
        {
            text.Append("event: chunk\ndata: {\"type\":\"chunk\",\"done\":false,\"status_code\":206,\"step_time\":12.5,\"data\":\"").Append(Convert.ToBase64String(pcm)).Append("\"}\n\n");
        }

        _body = Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The BCL SSE parser alone, events as raw bytes (no JSON): the floor.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public long BclParserOnly()
    {
        long total = 0;
        foreach (SseItem<int> item in SseParser.Create(new MemoryStream(_body, writable: false), static (_, data) => data.Length).Enumerate())
        {
            total += item.Data;
        }

        return total;
    }

    /// <summary>The SDK's parse of each event (typed event, audio decoded) on the same parser.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long SdkEvents()
    {
        long total = 0;
        foreach (SseItem<TtsEvent> item in SseParser.Create(new MemoryStream(_body, writable: false), static (type, data) => TtsSseProtocol.Instance.Parse(type, data)).Enumerate())
        {
            total += item.Data is TtsChunkEvent chunk ? chunk.Audio.Length : 0;
        }

        return total;
    }
}
