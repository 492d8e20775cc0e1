using System.Runtime.CompilerServices;

namespace OutreachLsp.Cli.Tests;

/// <summary>
/// Expected-output files under Golden/. Set OUTREACH_UPDATE_GOLDEN=1 to rewrite them from the actual
/// output, then review the diff.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual, [CallerFilePath] string sourceFile = "")
    {
        string path = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Golden", name);
        if (Environment.GetEnvironmentVariable("OUTREACH_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with OUTREACH_UPDATE_GOLDEN=1 to create it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }
}
