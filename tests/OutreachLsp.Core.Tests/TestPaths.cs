namespace OutreachLsp.Core.Tests;

/// <summary>Locates the repository from the test assembly, so tests read real files in place.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Corpus => Path.Combine(RepoRoot, "tests", "corpus");

    public static string Examples => Path.Combine(RepoRoot, "examples");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OutreachLsp.sln"))) dir = dir.Parent;
        // Tests built with --artifacts-path outside the repo: fall back to the source location.
        return dir?.FullName ?? Path.GetFullPath(Path.Combine(ThisFileDirectory(), "..", ".."));
    }

    private static string ThisFileDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
