namespace Cartesia.Agents;

/// <summary>
/// Runs a client tool the managed agent called (<see cref="AgentSessionOptions.ClientTools"/>): returns the result
/// for the agent's LLM (at most 4,096 bytes of UTF-8). A handler that throws sends an error result (<c>is_error</c>)
/// with the exception's message, so the call never hangs on it.
/// </summary>
/// <param name="call">The tool call: its name, id and parameters.</param>
/// <param name="cancellationToken">Cancelled when the call ends.</param>
/// <returns>The result text.</returns>
public delegate ValueTask<string> AgentClientToolHandler(AgentToolCallEvent call, CancellationToken cancellationToken);
