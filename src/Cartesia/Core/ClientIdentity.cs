using System.Reflection;
using System.Runtime.InteropServices;

namespace Cartesia.Core;

/// <summary>How the SDK names itself to the service.</summary>
internal static class ClientIdentity
{
    /// <summary>The SDK's version, from the assembly's informational version (without source revision).</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>The value of <c>X-Cartesia-Client</c>: <c>cartesia-dotnet/&lt;version&gt;</c>.</summary>
    public static string ClientName { get; } = "cartesia-dotnet/" + Version;

    /// <summary>The <c>User-Agent</c>: the client name, the runtime and OS, then the application id if any.</summary>
    public static string UserAgent(string? applicationId)
    {
        string agent = $"{ClientName} (.NET {Environment.Version}; {RuntimeInformation.OSArchitecture}; {OsName()})";
        return string.IsNullOrWhiteSpace(applicationId) ? agent : agent + " " + applicationId.Trim();
    }

    private static string OsName()
        => OperatingSystem.IsWindows() ? "Windows"
            : OperatingSystem.IsLinux() ? "Linux"
            : OperatingSystem.IsMacOS() ? "macOS"
            : OperatingSystem.IsAndroid() ? "Android"
            : OperatingSystem.IsIOS() ? "iOS"
            : "Other";

    private static string ReadVersion()
    {
        string? informational = typeof(ClientIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return "0.0.0";
        }

        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
