using Cartesia.Datasets;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Datasets;

public class DatasetsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Create_get_update_list_and_delete(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        DatasetsClient datasets = client.Datasets;

        var created = new List<Dataset>();
        for (int i = 0; i < 5; i++)
        {
            var request = new DatasetCreateRequest { Name = $"Set {i}", Description = i == 0 ? "" : $"Number {i}" };
            created.Add(async ? await datasets.CreateAsync(request) : datasets.Create(request));
        }

        CartesiaResponseInfo updated = async
            ? await datasets.UpdateAsync(created[0].Id, new DatasetUpdateRequest { Name = "Renamed", Description = "Now described." })
            : datasets.Update(created[0].Id, new DatasetUpdateRequest { Name = "Renamed", Description = "Now described." });
        Dataset fetched = async ? await datasets.GetAsync(created[0].Id) : datasets.Get(created[0].Id);
        var options = new CartesiaListOptions { Limit = 2 };
        List<Dataset> all = async ? await datasets.ListAsync(options).ToListAsync() : [.. datasets.List(options)];
        CartesiaResponseInfo deleted = async ? await datasets.DeleteAsync(created[1].Id) : datasets.Delete(created[1].Id);
        List<Dataset> after = async ? await datasets.ListAsync().ToListAsync() : [.. datasets.List()];

        Assert.Equal(204, updated.StatusCode);
        Assert.Equal(("Renamed", "Now described."), (fetched.Name, fetched.Description));
        Assert.True(DateTimeOffset.TryParse(fetched.CreatedAt, System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal(created.Select(d => d.Id), all.Select(d => d.Id));
        Assert.Equal(204, deleted.StatusCode);
        Assert.DoesNotContain(after, d => d.Id == created[1].Id);
        Assert.Equal(3, emulator.Journal.Requests.Count(r => r.Method == "GET" && r.Path == "/datasets/" && r.Query.StartsWith("?limit=2", StringComparison.Ordinal)));
        Assert.All(emulator.Journal.Requests.Where(r => r.Method == "POST"), r => Assert.Equal("/datasets/", r.Path));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Files_upload_from_path_stream_and_bytes_list_and_delete(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        Dataset dataset = await client.Datasets.CreateAsync(new DatasetCreateRequest { Name = "Studio", Description = "Takes." });
        string path = Clips.WavFile("Take one.");
        byte[] two = Clips.Wav("Take two.");
        using var stream = new MemoryStream(two);

        CartesiaFile[] files = [CartesiaFile.FromPath(path), CartesiaFile.FromStream(stream, "two.wav"), CartesiaFile.FromBytes("transcript"u8.ToArray(), "three.txt")];
        foreach (CartesiaFile file in files)
        {
            CartesiaResponseInfo info = async ? await client.Datasets.Files.UploadAsync(dataset.Id, file) : client.Datasets.Files.Upload(dataset.Id, file);
            Assert.Equal(204, info.StatusCode);
        }

        List<DatasetFile> listed = async ? await client.Datasets.Files.ListAsync(dataset.Id, new CartesiaListOptions { Limit = 1 }).ToListAsync() : [.. client.Datasets.Files.List(dataset.Id, new CartesiaListOptions { Limit = 1 })];
        _ = async ? await client.Datasets.Files.DeleteAsync(dataset.Id, listed[0].Id) : client.Datasets.Files.Delete(dataset.Id, listed[0].Id);
        List<DatasetFile> remaining = await client.Datasets.Files.ListAsync(dataset.Id).ToListAsync();

        Assert.Equal([Path.GetFileName(path), "two.wav", "three.txt"], listed.Select(f => f.FileName));
        Assert.Equal([new FileInfo(path).Length, two.Length, 10L], listed.Select(f => f.Size));
        Assert.Equal(["two.wav", "three.txt"], remaining.Select(f => f.FileName));
        List<EmulatorRequest> uploads = emulator.Journal.For($"/datasets/{dataset.Id}/files").Where(r => r.Method == "POST").ToList();
        Assert.All(uploads, r => Assert.Equal(["file", "purpose"], r.FormParts().Select(p => p.Name)));
        Assert.All(uploads, r => Assert.Equal("fine_tune", r.FormPart("purpose")!.Text));
        Assert.Equal("text/plain", uploads[2].FormPart("file")!.ContentType);
        Assert.Equal(two, uploads[1].FormPart("file")!.Content);
        File.Delete(path);
    }

    [Fact]
    public async Task A_large_upload_streams_from_disk()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        Dataset dataset = await client.Datasets.CreateAsync(new DatasetCreateRequest { Name = "Big", Description = "" });
        string path = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.bin");
        byte[] block = new byte[1024 * 1024];
        new Random(7).NextBytes(block);
        await using (FileStream file = File.Create(path))
        {
            for (int i = 0; i < 24; i++)
            {
                await file.WriteAsync(block);
            }
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        client.Datasets.Files.Upload(dataset.Id, CartesiaFile.FromPath(path));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        DatasetFile listed = Assert.Single(client.Datasets.Files.List(dataset.Id));
        Assert.Equal(24L * 1024 * 1024, listed.Size);
        Assert.True(allocated < 8L * 1024 * 1024, $"The sending thread allocated {allocated} bytes for a 24 MiB upload: the file was buffered, not streamed.");
        File.Delete(path);
    }

    [Fact]
    public async Task Not_found_errors_are_typed_and_names_may_repeat()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { MaxRetries = 0 });
        Dataset first = await client.Datasets.CreateAsync(new DatasetCreateRequest { Name = "Same", Description = "" });

        // The API reference asks unique names only of metrics: a second dataset of the same name is a new dataset.
        Dataset second = await client.Datasets.CreateAsync(new DatasetCreateRequest { Name = "Same", Description = "" });
        var notFound = Assert.Throws<CartesiaNotFoundException>(() => client.Datasets.Get("dataset_missing"));
        var fileNotFound = Assert.Throws<CartesiaNotFoundException>(() => client.Datasets.Files.Upload("dataset_missing", CartesiaFile.FromBytes(new byte[1], "x.bin")));
        var badName = Assert.Throws<ArgumentException>(() => client.Datasets.Create(new DatasetCreateRequest { Name = "", Description = "" }));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("Same", second.Name);
        Assert.Equal("dataset_not_found", notFound.ErrorCode);
        Assert.Equal(404, fileNotFound.StatusCode);
        Assert.Contains("DatasetCreateRequest.Name (name)", badName.Message, StringComparison.Ordinal);
        Assert.Equal(4, emulator.Journal.Requests.Count); // nothing was sent for the local error
    }
}
