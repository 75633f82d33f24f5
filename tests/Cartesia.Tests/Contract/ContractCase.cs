using Cartesia.Emulator;

namespace Cartesia.Tests.Contract;

/// <summary>
/// One operation of the document and the SDK call that covers it. <see cref="Run"/> calls the SDK and returns what
/// it parsed (for the round-trip check), or null when the result is audio or events checked on the wire.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The document's path template.</param>
/// <param name="SdkMembers">The SDK methods it covers (<c>Type.MethodAsync</c>).</param>
/// <param name="Run">The call.</param>
internal sealed record ContractCase(string Method, string Path, string[] SdkMembers, Func<ContractContext, Task<object?>> Run)
{
    /// <summary>Set for an operation another issue delivers: the reason, checked by <see cref="PendingUntil"/>.</summary>
    public string? Pending { get; init; }

    /// <summary>A check that fails once the pending operation lands in the SDK (so the entry must be filled in).</summary>
    public Func<bool>? PendingUntil { get; init; }

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>The emulator, client and ids the cases share, filled in as the cases run.</summary>
internal sealed class ContractContext(CartesiaEmulator emulator, CartesiaClient client)
{
    public CartesiaEmulator Emulator { get; } = emulator;

    public CartesiaClient Client { get; } = client;

    public Dictionary<string, string> Ids { get; } = [];
}
