using System.Text;

namespace Cartesia.Emulator.Journal;

/// <summary>One request the emulator received, as it arrived on the wire, and how it ended.</summary>
public sealed class EmulatorRequest
{
    private readonly List<EmulatorWebSocketMessage> _webSocketMessages = [];
    private int _statusCode;
    private int _completed;
    private int _clientDisconnected;
    private readonly List<EmulatorWebSocketMessage> _messages = [];

    internal EmulatorRequest(int sequence, string method, string path, string query, IReadOnlyDictionary<string, string> headers, byte[] body, bool isWebSocket)
    {
        Sequence = sequence;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        IsWebSocket = isWebSocket;
        ReceivedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>The order in which requests arrived (from 1).</summary>
    public int Sequence { get; }

    /// <summary>When the request arrived.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path, for example <c>/tts/bytes</c>.</summary>
    public string Path { get; }

    /// <summary>The query string, with its leading <c>?</c>, or empty.</summary>
    public string Query { get; }

    /// <summary>The request headers (values of a repeated header joined with commas), names case-insensitive.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The request body.</summary>
    public byte[] Body { get; }

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
    /// What the emulator answered, up to its first 1 MiB (enough for every JSON answer; long audio is cut), for
    /// tests that check responses against a schema.
    /// </summary>
    public byte[] ResponseBody { get; internal set; } = [];

    /// <summary>The answer as UTF-8 text.</summary>
    public string ResponseText => Encoding.UTF8.GetString(ResponseBody);

    /// <summary>
    /// The parts of a <c>multipart/form-data</c> body, in order, or an empty list for any other body.
    /// </summary>
    /// <exception cref="FormatException">The body claims to be multipart but is malformed.</exception>
    public IReadOnlyList<EmulatorFormPart> FormParts() => MultipartParser.Parse(Header("Content-Type"), Body) ?? [];

    /// <summary>The first multipart part with a name, or null.</summary>
    /// <param name="name">The field name, for example <c>clip</c>.</param>
    public EmulatorFormPart? FormPart(string name) => FormParts().FirstOrDefault(p => p.Name == name);

    /// <summary>A request header's value, or null.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    internal void AddWebSocketMessage(EmulatorWebSocketMessage message)
    {
        lock (_webSocketMessages)
        {
            _webSocketMessages.Add(message);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"#{Sequence} {Method} {Path}{Query} → {StatusCode}";
}
