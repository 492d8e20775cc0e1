using System.Globalization;
using OutreachLsp.DraftGenerator;

// Usage:
//   OutreachLsp.DraftGenerator --out DIR [--count 1000] [--seed 2026] [--large FILE] [--large-chars 1048576]
// Writes COUNT drafts plus .outreach.yaml into DIR (created if missing) and, with --large, one long
// draft to FILE. Output is deterministic for a given seed. Write to /tmp, never into the repository.

string? outDir = null, large = null;
int count = 1000, seed = DraftGenerator.DefaultSeed, largeChars = 1 << 20;
for (int i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--out": outDir = Value(); break;
        case "--count": count = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--large": large = Value(); break;
        case "--large-chars": largeChars = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "-h" or "--help":
            Console.WriteLine("usage: OutreachLsp.DraftGenerator --out DIR [--count N] [--seed N] [--large FILE] [--large-chars N]");
            return 0;
        default:
            Console.Error.WriteLine($"unknown argument: {args[i]}");
            return 2;
    }
}
if (outDir is null && large is null)
{
    Console.Error.WriteLine("usage: OutreachLsp.DraftGenerator --out DIR [--count N] [--seed N] [--large FILE] [--large-chars N]");
    return 2;
}

var generator = new DraftGenerator(seed);
if (outDir is not null)
{
    generator.WriteWorkspace(outDir, count);
    Console.WriteLine($"wrote {count} drafts and .outreach.yaml to {Path.GetFullPath(outDir)}");
}
if (large is not null)
{
    string? dir = Path.GetDirectoryName(Path.GetFullPath(large));
    if (dir is not null) Directory.CreateDirectory(dir);
    string text = generator.LargeDocument(largeChars);
    File.WriteAllText(large, text, DraftGenerator.Utf8NoBom);
    Console.WriteLine($"wrote {text.Length:N0} chars to {Path.GetFullPath(large)}");
}
return 0;
