using BenchmarkDotNet.Attributes;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Matching;

namespace OutreachLsp.Benchmarks;

/// <summary>The building blocks every phrase rule uses, on the 300-word draft.</summary>
[Config(typeof(BenchConfig))]
public class MatchingBenchmarks
{
    private Draft _draft = null!;
    private string _prose = null!;
    private ProseAnalysis _analysis = null!;
    private Pattern _pattern = null!;

    [GlobalSetup]
    public void Setup()
    {
        _draft = DraftParser.Parse(Inputs.Root + "/update.md", Inputs.Generator.SingleDraft());
        _prose = string.Join("\n", _draft.Prose.Select(b => b.Text));
        _analysis = ProseAnalysis.Create(_draft);
        // A phrase pattern of typical shape: alternatives, optional words, a bounded gap.
        _pattern = new PatternCompiler().Compile("(would|could|can) you (please)? (share|tell me|let me know) ..3 (whether|if) i (am|will be) (likely to be)? (ranked|placed)", out var error)
            ?? throw new InvalidOperationException(error?.Message);
        if (_analysis.Sentences.Length == 0) throw new InvalidOperationException("no sentences");
    }

    [Benchmark(Description = "Tokenize prose (300 words)")]
    public int Tokenize() => Tokenizer.Tokenize(_prose).Count;

    [Benchmark(Description = "Sentence split + tokenize + stem (300 words)")]
    public int SentenceSplit() => ProseAnalysis.Create(_draft).Sentences.Length;

    [Benchmark(Description = "One pattern over every sentence")]
    public int MatchPattern()
    {
        int hits = 0;
        foreach (var sentence in _analysis.Sentences)
            if (_pattern.Match(sentence.Words) is not null) hits++;
        return hits;
    }
}
