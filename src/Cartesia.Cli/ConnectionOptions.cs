using System.CommandLine;
using Cartesia.Emulator;

namespace Cartesia.Cli;

/// <summary>
/// The options every command that talks to the API shares, and how they become a client: with no API key
/// and no base URL, the built-in emulator is started so the command works offline.
/// </summary>
internal sealed class ConnectionOptions
{
    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "The API key (default: the CARTESIA_API_KEY environment variable)." };

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "The API base URL (default: CARTESIA_BASE_URL, else https://api.cartesia.ai)." };

    public Option<string?> ApiVersion { get; } = new("--api-version") { Description = "The Cartesia-Version to send (default 2026-08-14)." };

    public void AddTo(Command command)
    {
        command.Options.Add(ApiKey);
        command.Options.Add(BaseUrl);
        command.Options.Add(ApiVersion);
    }

    /// <summary>Creates the client, starting the embedded emulator when there is nothing to connect to.</summary>
    public async Task<ClientConnection> ConnectAsync(ParseResult parse, CliContext context, CancellationToken cancellationToken)
    {
        string? apiKey = parse.GetValue(ApiKey) ?? NonEmpty(context.Environment(CartesiaClientOptions.ApiKeyEnvironmentVariable));
        string? baseUrl = parse.GetValue(BaseUrl) ?? NonEmpty(context.Environment(CartesiaClientOptions.BaseUrlEnvironmentVariable));
        var options = new CartesiaClientOptions { ApplicationId = "cartesia-cli" };
        if (parse.GetValue(ApiVersion) is { } version)
        {
            options.ApiVersion = new CartesiaApiVersion(version);
        }

        if (apiKey is null && baseUrl is null)
        {
            string? stateDirectory = OfflineState.Directory(context);
            CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { StateDirectory = stateDirectory }, cancellationToken).ConfigureAwait(false);
            context.ServiceUri = emulator.BaseUri;
            string kept = stateDirectory is null
                ? "state not kept: set HOME or XDG_DATA_HOME to keep it"
                : $"state kept in {stateDirectory}; reset it with `cartesia emulator reset`";
            await context.Error.WriteLineAsync($"No CARTESIA_API_KEY set: using the built-in Cartesia emulator at {emulator.BaseUri} (offline, synthetic speech; {kept}).").ConfigureAwait(false);
            if (emulator.StateNotice is { } notice)
            {
                await context.Error.WriteLineAsync($"warning: {notice}").ConfigureAwait(false);
            }

            return new ClientConnection(emulator.CreateClient(options), emulator);
        }

        if (baseUrl is not null)
        {
            // Name where the value came from: the option, or the environment variable.
            string source = parse.GetValue(BaseUrl) is null ? CartesiaClientOptions.BaseUrlEnvironmentVariable : "--base-url";
            options.BaseUri = Uri.TryCreate(baseUrl, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new ArgumentException($"{source} '{baseUrl}' is not an http:// or https:// URL (for example https://api.cartesia.ai).");
        }

        context.ServiceUri = options.BaseUri ?? CartesiaClientOptions.DefaultBaseUri;

        if (apiKey is null)
        {
            throw new ArgumentException($"An API key is needed for {baseUrl}: pass --api-key or set {CartesiaClientOptions.ApiKeyEnvironmentVariable}.");
        }

        return new ClientConnection(new CartesiaClient(apiKey, options), null);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
