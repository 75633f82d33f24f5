namespace Cartesia.Stt;

/// <summary>
/// A streaming speech-to-text session lost its connection for good: it dropped and reconnection was off, the close
/// code was not recoverable, or every reconnection attempt failed. Says how much audio was never sent.
/// </summary>
public class SttConnectionLostException : CartesiaConnectionLostException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public SttConnectionLostException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SttConnectionLostException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>How many bytes of audio had been given to the session but never sent.</summary>
    public long UnsentAudioBytes { get; init; }

    /// <summary>How many messages (audio frames and commands) were never sent.</summary>
    public int UnsentMessages { get; init; }

    /// <summary>How many reconnection attempts were made.</summary>
    public int ReconnectAttempts { get; init; }
}
