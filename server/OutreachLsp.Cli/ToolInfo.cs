using System.Reflection;

namespace OutreachLsp.Cli;

/// <summary>Name, version and home of the tool, for SARIF and <c>--version</c>.</summary>
internal static class ToolInfo
{
    public const string InformationUri = "https://github.com/outreachlsp/outreachlsp";

    /// <summary>The informational version without the source-revision suffix ("0.1.0", not "0.1.0+abc123").</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var assembly = typeof(ToolInfo).Assembly;
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            int plus = informational.IndexOf('+');
            return plus > 0 ? informational[..plus] : informational;
        }
        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
