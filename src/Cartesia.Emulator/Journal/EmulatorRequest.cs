using System.Text;

namespace Cartesia.Emulator.Journal;

/// <summary>One request the emulator received, as it arrived on the wire, and how it ended.</summary>
public sealed class EmulatorRequest
{
    private readonly List<EmulatorWebSocketMessage> _webSocketMessages = [];
    private int _statusCode;
    private int _completed;
    private int _clientDisconnected;

    internal EmulatorRequest(int sequence, string method, string path, string query, IReadOnlyDictionary<string, string> headers, EmulatorCredential credential, bool isWebSocket, DateTimeOffset receivedAt)
    {
        Sequence = sequence;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Credential = credential;
        IsWebSocket = isWebSocket;
        ReceivedAt = receivedAt;
    }

    /// <summary>The order in which requests arrived (from 1).</summary>
    public int Sequence { get; }

    /// <summary>When the request arrived, on the emulator's clock (<see cref="CartesiaEmulatorOptions.TimeProvider"/>).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path, for example <c>/tts/bytes</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// The query string, with its leading <c>?</c>, or empty. The values of parameters that can carry a secret
    /// (<c>api_key</c>, <c>access_token</c>, <c>token</c>, <c>key</c>, <c>apikey</c>) read <c>[redacted]</c>.
    /// </summary>
    public string Query { get; }

    /// <summary>
    /// The request headers (values of a repeated header joined with commas), names case-insensitive. Credential
    /// headers are kept without their value: <c>Authorization</c> reads <c>Bearer [redacted]</c>, <c>X-API-Key</c>
    /// <c>[redacted]</c>; see <see cref="Credential"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>How the request carried its credential, and a way to check which one it was (never its value).</summary>
    public EmulatorCredential Credential { get; }

    /// <summary>
    /// The request body, or its first <see cref="EmulatorLimits.JournalBodyPrefixBytes"/> bytes when it was longer
    /// (see <see cref="BodyLength"/>). Empty when the request was refused before its body was read (for example 401).
    /// </summary>
    public byte[] Body { get; private set; } = [];

    /// <summary>The length of the whole request body as it was read (it may be longer than <see cref="Body"/>).</summary>
    public long BodyLength { get; private set; }

    /// <summary>Whether <see cref="Body"/> is only the first part of a longer body.</summary>
    public bool BodyTruncated => BodyLength > Body.Length;

    /// <summary>The request body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Whether this was a WebSocket upgrade.</summary>
    public bool IsWebSocket { get; }

    /// <summary>The status the emulator answered with (0 while it has not answered).</summary>
    public int StatusCode
    {
        get => Volatile.Read(ref _statusCode);
        internal set => Volatile.Write(ref _statusCode, value);
    }

    /// <summary>Whether the emulator has finished with the request.</summary>
    public bool Completed
    {
        get => Volatile.Read(ref _completed) != 0;
        internal set => Volatile.Write(ref _completed, value ? 1 : 0);
    }

    /// <summary>Whether the client went away (closed or aborted the connection) before the response was finished.</summary>
    public bool ClientDisconnected
    {
        get => Volatile.Read(ref _clientDisconnected) != 0;
        internal set => Volatile.Write(ref _clientDisconnected, value ? 1 : 0);
    }

    /// <summary>
    /// The messages the client sent on this request's WebSocket, in order (a snapshot; empty for plain HTTP). A
    /// reconnect is a new request with its own messages.
    /// </summary>
    public IReadOnlyList<EmulatorWebSocketMessage> WebSocketMessages
    {
        get
        {
            lock (_webSocketMessages)
            {
                return [.. _webSocketMessages];
            }
        }
    }

    /// <summary>The content type the emulator answered with, if any.</summary>
    public string? ResponseContentType { get; internal set; }

    /// <summary>
    /// What the emulator answered, up to its first <see cref="EmulatorLimits.JournalBodyPrefixBytes"/> bytes (1 MiB
    /// by default: enough for every JSON answer; long audio is cut), for tests that check responses against a schema.
    /// </summary>
    public byte[] ResponseBody { get; internal set; } = [];

    /// <summary>The answer as UTF-8 text.</summary>
    public string ResponseText => Encoding.UTF8.GetString(ResponseBody);

    /// <summary>
    /// The parts of a <c>multipart/form-data</c> body, in order, or an empty list for any other body.
    /// </summary>
    /// <exception cref="FormatException">The body claims to be multipart but is malformed (or was cut, see <see cref="BodyTruncated"/>).</exception>
    public IReadOnlyList<EmulatorFormPart> FormParts() => MultipartParser.Parse(Header("Content-Type"), Body) ?? [];

    /// <summary>The first multipart part with a name, or null.</summary>
    /// <param name="name">The field name, for example <c>clip</c>.</param>
    public EmulatorFormPart? FormPart(string name) => FormParts().FirstOrDefault(p => p.Name == name);

    /// <summary>A request header's value, or null.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    /// <summary>The bytes this entry holds (bodies, answer, messages), as counted against <see cref="EmulatorLimits.JournalMaxBytes"/>.</summary>
    internal long RecordedBytes { get; set; }

    /// <summary>Whether the journal still holds this entry (false once dropped or cleared).</summary>
    internal bool InJournal { get; set; }

    internal void SetBody(byte[] prefix, long length)
    {
        Body = prefix;
        BodyLength = length;
    }

    internal void AddWebSocketMessage(EmulatorWebSocketMessage message)
    {
        lock (_webSocketMessages)
        {
            _webSocketMessages.Add(message);
        }
    }

    internal void ClearWebSocketMessages()
    {
        lock (_webSocketMessages)
        {
            _webSocketMessages.Clear();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"#{Sequence} {Method} {Path}{Query} → {StatusCode}";
}
