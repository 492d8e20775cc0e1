using System.Text;
using OutreachLsp.Core.Config;

namespace OutreachLsp.Cli.Commands;

/// <summary>Finds the workspace config the way every command does: --config, else .outreach.yaml in a folder.</summary>
internal static class ConfigResolver
{
    public const string FileName = ".outreach.yaml";

    /// <summary>
    /// Loads <paramref name="configOption"/> when given (it must exist and be readable: exit 2 otherwise),
    /// else <c>.outreach.yaml</c> in <paramref name="folder"/> (defaults when there is none).
    /// Problems inside the file are returned in <see cref="WorkspaceConfig.Problems"/>, not thrown.
    /// </summary>
    public static WorkspaceConfig Load(CliContext context, string? configOption, string folder)
    {
        if (configOption is null) return ConfigLoader.LoadFromDirectory(context.FileSystem, folder);

        string path = context.Resolve(configOption);
        if (context.FileSystem.DirectoryExists(path))
            throw new UsageException($"--config expects a file, but '{configOption}' is a folder");
        if (!context.FileSystem.FileExists(path))
            throw new UsageException($"config file not found: {configOption}");
        var bytes = context.FileSystem.ReadAllBytes(path, out var error)
            ?? throw new UsageException($"cannot read config file {configOption}: {error}");
        return ConfigLoader.Load(path, Decode(bytes));
    }

    /// <summary>UTF-8 with or without a byte-order mark; invalid bytes become U+FFFD (the loader reports them).</summary>
    public static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        return Encoding.UTF8.GetString(span);
    }
}
