using System.Text.Json;
using System.Text.Json.Serialization;
using Cartesia.Emulator.Faults;

namespace Cartesia.Emulator.Hosting;

/// <summary>
/// The emulator's own control API under <c>/_emulator</c>, so tests of any SDK in any language can drive it
/// over HTTP: read and clear the journal, inject faults, change pacing. Not part of the Cartesia API. Every request
/// passes <see cref="ControlGuard"/> first (the emulator's key, no foreign origin, JSON bodies).
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/_emulator";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static bool IsControlPath(PathString path) => path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    public static void Map(WebApplication app, CartesiaEmulator emulator)
    {
        app.MapGet(Prefix + "/journal", (HttpContext context) => JournalPage.WriteAsync(context, emulator.Journal));
        app.MapDelete(Prefix + "/journal", () =>
        {
            emulator.Journal.Clear();
            return Results.NoContent();
        });
        app.MapPost(Prefix + "/faults", async (HttpContext context) =>
        {
            (FaultDto? dto, IResult? invalid) = await ReadJsonAsync<FaultDto>(context).ConfigureAwait(false);
            if (invalid is not null)
            {
                return invalid;
            }

            if (dto?.Route is null)
            {
                return Results.BadRequest(new { message = "A fault needs a \"route\", for example \"POST /tts/bytes\"." });
            }

            emulator.Faults.Add(dto.Route, dto.ToFault());
            return Results.NoContent();
        });
        app.MapDelete(Prefix + "/faults", () =>
        {
            emulator.Faults.Clear();
            return Results.NoContent();
        });
        app.MapPost(Prefix + "/fine-tunes/{id}/complete", (string id, bool? failed) =>
            emulator.CompleteFineTune(id, failed ?? false)
                ? Results.NoContent()
                : Results.NotFound(new { message = $"There is no fine-tune '{id}'." }));
        app.MapGet(Prefix + "/pacing", () => Results.Json(PacingDto.From(emulator.Pacing), Json));
        app.MapPut(Prefix + "/pacing", async (HttpContext context) =>
        {
            (PacingDto? dto, IResult? invalid) = await ReadJsonAsync<PacingDto>(context).ConfigureAwait(false);
            if (invalid is not null)
            {
                return invalid;
            }

            if (dto is null)
            {
                return Results.BadRequest(new { message = "Send {\"time_to_first_audio_ms\": …, \"real_time_factor\": …, \"chunk_ms\": …}." });
            }

            emulator.Pacing = dto.ToPacing();
            return Results.NoContent();
        });
        app.MapGet(Prefix + "/firehose", () => emulator.Firehose is { } firehose ? Results.Json(FirehoseDto.From(firehose), Json) : Results.Json(new { enabled = false }, Json));
        app.MapPut(Prefix + "/firehose", async (HttpContext context) =>
        {
            (FirehoseDto? dto, IResult? invalid) = await ReadJsonAsync<FirehoseDto>(context).ConfigureAwait(false);
            if (invalid is not null)
            {
                return invalid;
            }

            try
            {
                emulator.Firehose = (dto ?? new FirehoseDto()).ToFirehose();
            }
            catch (ArgumentOutOfRangeException ex)
            {
                return Results.BadRequest(new { message = InJsonTerms(ex) });
            }

            return Results.NoContent();
        });
        app.MapDelete(Prefix + "/firehose", () =>
        {
            emulator.Firehose = null;
            return Results.NoContent();
        });
    }

    /// <summary>
    /// Reads a control body (at most <see cref="ControlGuard.MaxBodyBytes"/>) as JSON: the value (null for an empty
    /// body), or a 400/413 answer when it is malformed or too large.
    /// </summary>
    private static async Task<(T? Value, IResult? Invalid)> ReadJsonAsync<T>(HttpContext context)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > ControlGuard.MaxBodyBytes)
            {
                return (default, Results.Json(new { error = "request_too_large", message = $"Control request bodies are at most {ControlGuard.MaxBodyBytes} bytes." }, statusCode: 413));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (default, null);
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Json), null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            return (default, Results.Json(new { error = "invalid_request", message = $"The body is not valid JSON for this route: {ex.Message}" }, statusCode: 400));
        }
    }

    private sealed record FaultDto
    {
        public string? Route { get; init; }

        public int? Status { get; init; }

        public string? ErrorCode { get; init; }

        public string? Title { get; init; }

        public string? Message { get; init; }

        public string? RawBody { get; init; }

        public string? RawContentType { get; init; }

        public int? RawBodyChunkSize { get; init; }

        public Dictionary<string, string>? Headers { get; init; }

        public double? DelayMs { get; init; }

        public bool DropConnection { get; init; }

        public int? DropAfterChunks { get; init; }

        public int? SilenceAfterChunks { get; init; }

        public double? ChunkIntervalMs { get; init; }

        public int? ErrorEventAfterChunks { get; init; }

        public int? ErrorEventStatus { get; init; }

        public bool OmitDone { get; init; }

        public bool MalformedEvent { get; init; }

        public bool UnknownEvent { get; init; }

        public bool NoFinalBlankLine { get; init; }

        public bool AudioAfterCancel { get; init; }

        public bool IgnoreClose { get; init; }

        public int? DropCloseStatus { get; init; }

        public double? LastTranscriptDelayMs { get; init; }

        public int? Times { get; init; }

        public EmulatorFault ToFault()
        {
            var fault = new EmulatorFault
            {
                StatusCode = Status,
                ErrorCode = ErrorCode,
                Title = Title,
                Message = Message,
                RawBody = RawBody,
                RawContentType = RawContentType,
                RawBodyChunkSize = RawBodyChunkSize,
                Delay = DelayMs is { } delay ? TimeSpan.FromMilliseconds(delay) : null,
                DropConnection = DropConnection,
                DropAfterChunks = DropAfterChunks,
                SilenceAfterChunks = SilenceAfterChunks,
                ChunkInterval = ChunkIntervalMs is { } interval ? TimeSpan.FromMilliseconds(interval) : null,
                ErrorEventAfterChunks = ErrorEventAfterChunks,
                ErrorEventStatus = ErrorEventStatus ?? 500,
                OmitDone = OmitDone,
                MalformedEvent = MalformedEvent,
                UnknownEvent = UnknownEvent,
                NoFinalBlankLine = NoFinalBlankLine,
                AudioAfterCancel = AudioAfterCancel,
                IgnoreClose = IgnoreClose,
                DropCloseStatus = DropCloseStatus,
                LastTranscriptDelay = LastTranscriptDelayMs is { } lastDelay ? TimeSpan.FromMilliseconds(lastDelay) : null,
                Times = Times ?? 1,
            };
            foreach ((string name, string value) in Headers ?? [])
            {
                fault.Headers[name] = value;
            }

            return fault;
        }
    }

    private sealed record PacingDto
    {
        public double TimeToFirstAudioMs { get; init; }

        public double RealTimeFactor { get; init; }

        public double ChunkMs { get; init; } = 100;

        public static PacingDto From(EmulatorPacing pacing) => new()
        {
            TimeToFirstAudioMs = pacing.TimeToFirstAudio.TotalMilliseconds,
            RealTimeFactor = pacing.RealTimeFactor,
            ChunkMs = pacing.ChunkDuration.TotalMilliseconds,
        };

        public EmulatorPacing ToPacing() => new()
        {
            TimeToFirstAudio = TimeSpan.FromMilliseconds(TimeToFirstAudioMs),
            RealTimeFactor = RealTimeFactor,
            ChunkDuration = TimeSpan.FromMilliseconds(ChunkMs),
        };
    }

    /// <summary>A validation message in the control API's own terms: the field's JSON name, not the C# property's.</summary>
    private static string InJsonTerms(ArgumentOutOfRangeException ex)
    {
        string text = ex.Message.Split(" (Parameter", 2)[0];
        return ex.ParamName is { Length: > 0 } name ? text.Replace(name, JsonNamingPolicy.SnakeCaseLower.ConvertName(name), StringComparison.Ordinal) : text;
    }

    private sealed record FirehoseDto
    {
        public bool Enabled { get; init; } = true;

        public int ChunksPerContext { get; init; } = new EmulatorFirehose().ChunksPerContext;

        public int ChunkBytes { get; init; } = new EmulatorFirehose().ChunkBytes;

        public long BytesLength { get; init; } = new EmulatorFirehose().BytesLength;

        public int? ChunksPerSecond { get; init; }

        public static FirehoseDto From(EmulatorFirehose firehose) => new()
        {
            ChunksPerContext = firehose.ChunksPerContext,
            ChunkBytes = firehose.ChunkBytes,
            BytesLength = firehose.BytesLength,
            ChunksPerSecond = firehose.ChunksPerSecond,
        };

        public EmulatorFirehose ToFirehose() => new()
        {
            ChunksPerContext = ChunksPerContext,
            ChunkBytes = ChunkBytes,
            BytesLength = BytesLength,
            ChunksPerSecond = ChunksPerSecond,
        };
    }
}
