namespace OutreachLsp.Server;

/// <summary>Options of `outreach lsp`.</summary>
public sealed record ServerOptions
{
    /// <summary>Optional log file; logs otherwise go to window/logMessage only (never stdout).</summary>
    public string? LogFile { get; init; }
}

/// <summary>The entry point `outreach lsp` calls. PLACEHOLDER until the server lands.</summary>
public static class LanguageServerHost
{
    /// <summary>Serves LSP on the two streams until exit; returns the process exit code.</summary>
    public static Task<int> RunAsync(Stream input, Stream output, ServerOptions options, CancellationToken cancellationToken = default)
        => Task.FromResult(1);
}
