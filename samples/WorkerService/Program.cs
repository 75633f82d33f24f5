// Dependency injection in a worker service: Host.CreateApplicationBuilder, services.AddCartesia(...) bound from
// the "Cartesia" section of appsettings.json, and a BackgroundService that gets the CartesiaClient injected,
// speaks into worker.wav, then stops the host.
// Run: dotnet run --project samples/WorkerService
// With CARTESIA_API_KEY set it uses the real Cartesia API; otherwise an emulator embedded in this process, which
// this program points the configuration at (Cartesia:BaseUri and Cartesia:ApiKey).
using Cartesia.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The emulator is declared first so it outlives the host.
await using CartesiaEmulator? emulator = Environment.GetEnvironmentVariable("CARTESIA_API_KEY") is null
    ? await CartesiaEmulator.StartAsync()
    : null;

// appsettings.json is read next to the program, wherever it is started from.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
if (emulator is not null)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Cartesia:BaseUri"] = emulator.BaseUri.ToString(),
        ["Cartesia:ApiKey"] = emulator.ApiKey ?? CartesiaEmulator.AnyKeyPlaceholder,
    });
}

// A singleton CartesiaClient: options validated at start-up, HttpClient from IHttpClientFactory, the host's logging.
builder.Services.AddCartesia(builder.Configuration.GetSection("Cartesia"));
builder.Services.Configure<SpeechSettings>(builder.Configuration.GetSection("Speech"));
builder.Services.AddHostedService<SpeechWorker>();

using IHost host = builder.Build();
await host.RunAsync();
return Environment.ExitCode;
