using System.CommandLine;
using OutreachLsp.Server;

namespace OutreachLsp.Cli.Commands;

/// <summary><c>outreach lsp [--log-file FILE] [--stdio]</c>: the language server on stdin/stdout.</summary>
internal static class LspCommand
{
    public static Command Create(CliContext context)
    {
        var logFile = new Option<string?>("--log-file") { Description = "Append the server's log to this file." };
        // Many clients pass these; stdio is the only transport, and the process id is not needed.
        var stdio = new Option<bool>("--stdio") { Description = "Use stdin/stdout (the default and only transport)." };
        var clientProcessId = new Option<string?>("--clientProcessId") { Hidden = true };
        var command = new Command("lsp", "Run the language server over stdin/stdout.") { logFile, stdio, clientProcessId };
        // Editors add flags of their own (--node-ipc, --socket=...); an unknown flag must not stop the server.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string? log = parseResult.GetValue(logFile);
            var options = new ServerOptions { LogFile = log is null ? null : context.Resolve(log) };
            using var input = context.Environment.OpenInput();
            using var output = context.Environment.OpenOutput();
            return await LanguageServerHost.RunAsync(input, output, options, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
