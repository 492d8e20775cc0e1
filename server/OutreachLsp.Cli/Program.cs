using System.Text;
using OutreachLsp.Cli;

// The process entry: real console streams, real environment. Everything else lives in Cli so tests
// can run the same code in-process.
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
// A buffered writer: thousands of findings are written line by line, and an autoflushing console
// writer makes each line a system call. `outreach lsp` never touches it (stdout is the protocol).
await using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, bufferSize: 64 * 1024) { AutoFlush = false, NewLine = "\n" };
await using var stderr = new StreamWriter(Console.OpenStandardError(), utf8, bufferSize: 4 * 1024) { AutoFlush = true, NewLine = "\n" };
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await Cli.RunAsync(args, stdout, stderr, fileSystem: null, CliEnvironment.FromProcess(), cancel.Token);
