using Cartesia.Emulator;
using Cartesia.PronunciationDictionaries;

namespace Cartesia.Tests.PronunciationDictionaries;

public class PronunciationDictionariesTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Create_get_update_list_and_delete_with_case_sensitive_items(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        PronunciationDictionariesClient dicts = client.PronunciationDictionaries;
        var request = new PronunciationDictionaryCreateRequest
        {
            Name = "Brands",
            Items = [new PronunciationDictionaryItem { Text = "Cartesia", Alias = "car-TEE-zha", CaseSensitive = true }, new PronunciationDictionaryItem { Text = "SQL", Alias = "sequel" }],
        };

        PronunciationDictionary created = async ? await dicts.CreateAsync(request) : dicts.Create(request);
        PronunciationDictionary renamed = async
            ? await dicts.UpdateAsync(created.Id, new PronunciationDictionaryUpdateRequest { Name = "Brand names" })
            : dicts.Update(created.Id, new PronunciationDictionaryUpdateRequest { Name = "Brand names" });
        PronunciationDictionary replaced = async
            ? await dicts.UpdateAsync(created.Id, new PronunciationDictionaryUpdateRequest { Items = [new PronunciationDictionaryItem { Text = "GIF", Alias = "jif", CaseSensitive = false }] })
            : dicts.Update(created.Id, new PronunciationDictionaryUpdateRequest { Items = [new PronunciationDictionaryItem { Text = "GIF", Alias = "jif", CaseSensitive = false }] });
        PronunciationDictionary other = await dicts.CreateAsync(new PronunciationDictionaryCreateRequest { Name = "Other" });
        PronunciationDictionary fetched = async ? await dicts.GetAsync(created.Id) : dicts.Get(created.Id);
        List<PronunciationDictionary> all = async ? await dicts.ListAsync(new CartesiaListOptions { Limit = 1 }).ToListAsync() : [.. dicts.List(new CartesiaListOptions { Limit = 1 })];
        CartesiaResponseInfo deleted = async ? await dicts.DeleteAsync(other.Id) : dicts.Delete(other.Id);

        Assert.Equal([(true, "Cartesia"), (false, "SQL")], created.Items.Select(i => (i.CaseSensitive ?? false, i.Text)));
        Assert.Null(created.Items[1].CaseSensitive);
        Assert.Equal(("Brand names", 2), (renamed.Name, renamed.Items.Count));
        Assert.Equal("GIF → jif", Assert.Single(replaced.Items).ToString());
        Assert.Equal(("Brand names", false), (fetched.Name, fetched.Items[0].CaseSensitive!.Value));
        Assert.False(string.IsNullOrEmpty(fetched.OwnerId));
        Assert.Equal([created.Id, other.Id], all.Select(d => d.Id));
        Assert.Equal(204, deleted.StatusCode);
        Assert.Equal("{\"name\":\"Brands\",\"items\":[{\"text\":\"Cartesia\",\"alias\":\"car-TEE-zha\",\"case_sensitive\":true},{\"text\":\"SQL\",\"alias\":\"sequel\"}]}", emulator.Journal.Requests[0].BodyText);
        Assert.Equal("/pronunciation-dicts/", emulator.Journal.Requests[0].Path);
    }

    [Fact]
    public async Task Items_are_checked_locally_and_missing_dictionaries_are_not_found()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        var badItem = Assert.Throws<ArgumentException>(() => client.PronunciationDictionaries.Create(new PronunciationDictionaryCreateRequest { Name = "x", Items = [new PronunciationDictionaryItem { Text = "a", Alias = " " }] }));
        var nothing = Assert.Throws<ArgumentException>(() => client.PronunciationDictionaries.Update("pdict_x", new PronunciationDictionaryUpdateRequest()));
        Assert.Empty(emulator.Journal.Requests);
        var missing = await Assert.ThrowsAsync<CartesiaNotFoundException>(() => client.PronunciationDictionaries.GetAsync("pdict_missing"));

        Assert.Contains("PronunciationDictionaryCreateRequest.Items[0].Alias (alias)", badItem.Message, StringComparison.Ordinal);
        Assert.Contains("sets nothing", nothing.Message, StringComparison.Ordinal);
        Assert.Contains("pdict_missing", missing.ErrorMessage, StringComparison.Ordinal);
    }
}
