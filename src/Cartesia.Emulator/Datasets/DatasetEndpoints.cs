using System.Text.Json;
using Cartesia.Emulator.Uploads;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Datasets;

/// <summary><c>/datasets/</c> and <c>/datasets/{id}/files</c>: in-memory datasets with paging, 404s and name conflicts.</summary>
internal static class DatasetEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/datasets", ListAsync);
        app.MapPost("/datasets", CreateAsync);
        app.MapGet("/datasets/{id}", GetAsync);
        app.MapPatch("/datasets/{id}", UpdateAsync);
        app.MapDelete("/datasets/{id}", DeleteAsync);
        app.MapGet("/datasets/{id}/files", ListFilesAsync);
        app.MapPost("/datasets/{id}/files", UploadAsync);
        app.MapDelete("/datasets/{id}/files/{fileId}", DeleteFileAsync);
    }

    public static DatasetRecord Find(EmulatorState state, string id)
        => state.Datasets.Find(id) ?? throw new ApiError(404, "dataset_not_found", "Dataset not found", $"Dataset '{id}' was not found.");

    private static Task ListAsync(HttpContext context)
    {
        (_, EmulatorState state) = ApiHandler.Begin(context);
        Page<DatasetRecord> page = Paging.Apply(context.Request, state.Datasets.All, d => d.Id);
        return JsonReply.WriteAsync(context, w => page.Write(w, Write));
    }

    private static Task CreateAsync(HttpContext context)
    {
        (ApiContext api, EmulatorState state) = ApiHandler.Begin(context);
        JsonElement body = RequestJson.Object(api);
        string name = RequestJson.Required(body, "name");
        string description = RequestJson.Optional(body, "description") ?? throw new ApiError(422, "invalid_request", "Invalid request", "'description' is required (it may be empty).");
        var dataset = new DatasetRecord(RouteIds.New("dataset"), name, description, state.Now);
        state.Datasets.Put(dataset); // names need not be unique (the API reference asks it only of metrics)

        return JsonReply.WriteAsync(context, w => Write(w, dataset));
    }

    private static Task GetAsync(HttpContext context, string id)
    {
        (_, EmulatorState state) = ApiHandler.Begin(context);
        DatasetRecord dataset = Find(state, RouteIds.Decode(id));
        return JsonReply.WriteAsync(context, w => Write(w, dataset));
    }

    private static Task UpdateAsync(HttpContext context, string id)
    {
        (ApiContext api, EmulatorState state) = ApiHandler.Begin(context);
        DatasetRecord dataset = Find(state, RouteIds.Decode(id));
        JsonElement body = RequestJson.Object(api);
        string name = RequestJson.Required(body, "name");
        string description = RequestJson.Optional(body, "description") ?? throw new ApiError(422, "invalid_request", "Invalid request", "'description' is required (it may be empty).");
        state.Datasets.Put(dataset with { Name = name, Description = description });
        return JsonReply.NoContentAsync(context);
    }

    private static Task DeleteAsync(HttpContext context, string id)
    {
        (_, EmulatorState state) = ApiHandler.Begin(context);
        DatasetRecord dataset = Find(state, RouteIds.Decode(id));
        if (state.FineTunes.All.FirstOrDefault(f => f.Dataset == dataset.Id && FineTunes.FineTuneEndpoints.StatusOf(state, f) is "created" or "training") is { } training)
        {
            throw new ApiError(409, "conflict", "Conflict", $"Dataset '{dataset.Id}' is in use by fine-tune '{training.Id}', which is still training.");
        }

        state.Datasets.Remove(dataset.Id);
        return JsonReply.NoContentAsync(context);
    }

    private static Task ListFilesAsync(HttpContext context, string id)
    {
        (_, EmulatorState state) = ApiHandler.Begin(context);
        DatasetRecord dataset = Find(state, RouteIds.Decode(id));
        Page<DatasetFileRecord> page = Paging.Apply(context.Request, dataset.Files, f => f.Id);
        return JsonReply.WriteAsync(context, w => page.Write(w, WriteFile));
    }

    private static Task UploadAsync(HttpContext context, string id)
    {
        (ApiContext api, EmulatorState state) = ApiHandler.Begin(context);
        DatasetRecord dataset = Find(state, RouteIds.Decode(id));
        FormRequest form = FormRequest.Read(api);
        UploadedPart file = form.File("file") ?? throw new ApiError(422, "invalid_request", "Invalid request", "'file' is required.");
        if (file.Length == 0)
        {
            throw ApiError.Invalid("The uploaded file is empty.");
        }

        var record = new DatasetFileRecord(RouteIds.New("file"), file.FileName!, file.Length, form.Text("purpose"), state.Now);
        state.Datasets.Put(dataset with { Files = [.. dataset.Files, record] });
        return JsonReply.NoContentAsync(context);
    }

    private static Task DeleteFileAsync(HttpContext context, string id, string fileId)
    {
        (_, EmulatorState state) = ApiHandler.Begin(context);
        DatasetRecord dataset = Find(state, RouteIds.Decode(id));
        string fid = RouteIds.Decode(fileId);
        if (dataset.Files.All(f => f.Id != fid))
        {
            throw new ApiError(404, "file_not_found", "File not found", $"File '{fid}' is not in dataset '{dataset.Id}'.");
        }

        state.Datasets.Put(dataset with { Files = dataset.Files.Where(f => f.Id != fid).ToList() });
        return JsonReply.NoContentAsync(context);
    }

    private static void Write(Utf8JsonWriter w, DatasetRecord d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("name", d.Name);
        w.WriteString("description", d.Description);
        w.Time("created_at", d.CreatedAt);
        w.WriteEndObject();
    }

    private static void WriteFile(Utf8JsonWriter w, DatasetFileRecord f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("filename", f.FileName);
        w.Time("created_at", f.CreatedAt);
        w.WriteNumber("size", f.Size);
        w.WriteEndObject();
    }
}
