using Cartesia;
using Cartesia.Core;
using Microsoft.Extensions.Options;

namespace Cartesia.Extensions.DependencyInjection;

/// <summary>
/// Checks <see cref="CartesiaClientOptions"/> at start-up, so a missing key or a bad setting stops the host with a
/// message that names the setting, instead of failing at the first call.
/// </summary>
internal sealed class CartesiaOptionsValidator : IValidateOptions<CartesiaClientOptions>
{
    private readonly string _name;
    private readonly string _settingPrefix;

    public CartesiaOptionsValidator(string name, string settingPrefix)
    {
        _name = name;
        _settingPrefix = settingPrefix;
    }

    public ValidateOptionsResult Validate(string? name, CartesiaClientOptions options)
    {
        if (!string.Equals(name ?? Options.DefaultName, _name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        ClientSettings settings;
        try
        {
            settings = ClientSettings.Create(credential: null, options);
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Cartesia is not configured correctly ({_settingPrefix}): {ex.Message}");
        }

        return settings.Credential is null
            ? ValidateOptionsResult.Fail(
                $"Cartesia has no API key: set '{_settingPrefix}ApiKey' (or configure CartesiaClientOptions.ApiKey in AddCartesia), or set the {CartesiaClientOptions.ApiKeyEnvironmentVariable} environment variable.")
            : ValidateOptionsResult.Success;
    }
}
