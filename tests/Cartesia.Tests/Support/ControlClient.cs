using System.Net.Http.Headers;
using Cartesia.Emulator;

namespace Cartesia.Tests.Support;

/// <summary>An <see cref="HttpClient"/> for the emulator's control API (<c>/_emulator</c>), which needs the emulator's key.</summary>
internal static class ControlClient
{
    public static HttpClient Create(CartesiaEmulator emulator)
    {
        var http = new HttpClient { BaseAddress = emulator.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey ?? CartesiaEmulator.AnyKeyPlaceholder);
        return http;
    }
}
