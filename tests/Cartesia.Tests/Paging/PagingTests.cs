using Cartesia.Datasets;
using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Voices;

namespace Cartesia.Tests.Paging;

public class PagingTests
{
    [Fact]
    public async Task Nothing_is_sent_until_enumeration_and_each_enumeration_starts_over()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        CartesiaAsyncPageable<Voice> voices = client.Voices.ListAsync(new VoiceListOptions { Limit = 100 });
        Assert.Empty(emulator.Journal.Requests);
        int first = (await voices.ToListAsync()).Count;
        int second = (await voices.ToListAsync()).Count;

        Assert.Equal(first, second);
        Assert.Equal(2, emulator.Journal.Requests.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ending_before_pages_backward_with_the_first_id_as_cursor(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var ids = new List<string>();
        for (int i = 0; i < 7; i++)
        {
            ids.Add((await client.Datasets.CreateAsync(new DatasetCreateRequest { Name = $"d{i}", Description = "" })).Id);
        }

        emulator.Journal.Clear();
        var options = new CartesiaListOptions { EndingBefore = ids[6], Limit = 2 };
        List<CartesiaPage<Dataset>> pages = [];
        if (async)
        {
            await foreach (CartesiaPage<Dataset> page in client.Datasets.ListAsync(options).AsPages())
            {
                pages.Add(page);
            }
        }
        else
        {
            pages.AddRange(client.Datasets.List(options).AsPages());
        }

        Assert.Equal([[ids[4], ids[5]], [ids[2], ids[3]], [ids[0], ids[1]]], pages.Select(p => p.Data.Select(d => d.Id).ToArray()));
        Assert.Equal(["?limit=2&ending_before=" + ids[6], "?limit=2&ending_before=" + ids[4], "?limit=2&ending_before=" + ids[2]], emulator.Journal.Requests.Select(r => r.Query));
    }

    [Fact]
    public async Task Without_has_more_paging_stops_on_an_empty_page()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        string id = (await client.Datasets.CreateAsync(new DatasetCreateRequest { Name = "only", Description = "" })).Id;
        emulator.Journal.Clear();
        // A server that leaves has_more out (as /agents/calls does): the client must stop on the empty page.
        emulator.Faults.Add("GET /datasets", new EmulatorFault { StatusCode = 200, RawBody = $"{{\"data\":[{{\"id\":\"{id}\",\"name\":\"only\",\"description\":\"\",\"created_at\":\"2026-01-01T00:00:00Z\"}}]}}", RawContentType = "application/json" });

        List<Dataset> all = [.. client.Datasets.List()];

        Assert.Equal(id, Assert.Single(all).Id);
        Assert.Equal(["", "?starting_after=" + id], emulator.Journal.Requests.Select(r => r.Query));
    }

    [Fact]
    public async Task A_failing_page_throws_from_the_enumeration_after_the_earlier_items()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { MaxRetries = 0 });
        var seen = new List<Voice>();

        var error = await Assert.ThrowsAsync<CartesiaServerException>(async () =>
        {
            await foreach (Voice voice in client.Voices.ListAsync(new VoiceListOptions { Limit = 5 }))
            {
                seen.Add(voice);
                if (seen.Count == 5)
                {
                    emulator.Faults.Add("GET /voices", EmulatorFault.Status(500));
                }
            }
        });

        Assert.Equal(5, seen.Count);
        Assert.Equal(500, error.StatusCode);
    }
}
