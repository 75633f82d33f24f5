using Cartesia;
using Cartesia.Tts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

/// <summary>What the worker says and where it saves it (the "Speech" section of appsettings.json).</summary>
internal sealed class SpeechSettings
{
    public string VoiceId { get; set; } = "a0e99841-438c-4a64-b679-ae501e7d6091";

    public string Text { get; set; } = "Hello from a background service.";

    public string OutputPath { get; set; } = "worker.wav";
}

/// <summary>Uses the injected client once, then stops the application.</summary>
internal sealed partial class SpeechWorker(
    CartesiaClient cartesia,
    IOptions<SpeechSettings> settings,
    IHostApplicationLifetime lifetime,
    ILogger<SpeechWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            ApiStatus status = await cartesia.GetStatusAsync(stoppingToken);
            LogStatus(cartesia.BaseUri, status.Ok, status.Version);

            SpeechSettings speech = settings.Value;
            await using AudioResponse audio = await cartesia.Tts.GenerateAsync(new TtsRequest
            {
                ModelId = TtsModel.Sonic3_6,
                Transcript = speech.Text,
                Voice = speech.VoiceId,
                Language = Language.English,
                OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100),
            }, stoppingToken);
            string path = Path.GetFullPath(speech.OutputPath);
            await audio.SaveToFileAsync(path, stoppingToken);
            LogSaved(path, audio.Response.RequestId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication(); // a one-shot job: the host ends when the work is done
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cartesia at {BaseUri}: ok={Ok}, version {Version}")]
    private partial void LogStatus(Uri baseUri, bool ok, string? version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved {Path} (request {RequestId})")]
    private partial void LogSaved(string path, string? requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Speaking failed")]
    private partial void LogFailed(Exception exception);
}
