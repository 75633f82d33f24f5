namespace Cartesia;

/// <summary>
/// A call needs an API key (or access token) and the client has none: nothing was passed to
/// <see cref="CartesiaClient"/>, <see cref="CartesiaClientOptions.ApiKey"/> is empty and the <c>CARTESIA_API_KEY</c>
/// environment variable is unset or empty. Thrown at the first call that needs a credential, before anything is sent.
/// </summary>
public class CartesiaCredentialMissingException : CartesiaException
{
    /// <summary>The message the SDK uses, naming every place a key can come from.</summary>
    internal static readonly string DefaultMessage =
        $"No Cartesia API key: set the {CartesiaClientOptions.ApiKeyEnvironmentVariable} environment variable, pass a key to new CartesiaClient(apiKey), or set CartesiaClientOptions.ApiKey.";

    /// <summary>Creates an exception with the SDK's message (naming <c>CARTESIA_API_KEY</c>).</summary>
    public CartesiaCredentialMissingException() : base(DefaultMessage)
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaCredentialMissingException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaCredentialMissingException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
