using System.Collections.Immutable;
using OutreachLsp.Core.Drafts;
using OutreachLsp.Core.Text;

namespace OutreachLsp.Core.Matching;

/// <summary>
/// One sentence of prose: its word tokens (punctuation removed) and where it sits. Clause ids let
/// the negation guard look back only within the clause of a match.
/// </summary>
public sealed class Sentence
{
    private volatile SentenceWords _words;

    // Clause ids and quotation marks per word: computed from the block text on first use (most
    // sentences never match anything, so most never need them), or given (a rewritten sentence).
    private ClauseMarks? _marks;

    // vocabulary: the WordIds.Count when the tokens' ids were looked up.
    internal Sentence(ProseBlock block, int blockIndex, Token[] words, int vocabulary, int textStart, int textEnd, bool isQuestion)
        : this(block, blockIndex, new SentenceWords(words, vocabulary), null, textStart, textEnd, isQuestion)
    {
    }

    /// <summary>A sentence with given clause ids and quotation flags (a rewritten copy of another).</summary>
    internal Sentence(ProseBlock block, int blockIndex, Token[] words, int vocabulary, int[] clauseIds, bool[] quoted, int textStart, int textEnd, bool isQuestion)
        : this(block, blockIndex, new SentenceWords(words, vocabulary), new ClauseMarks(clauseIds, quoted), textStart, textEnd, isQuestion)
    {
    }

    private Sentence(ProseBlock block, int blockIndex, SentenceWords words, ClauseMarks? marks, int textStart, int textEnd, bool isQuestion)
    {
        Block = block;
        BlockIndex = blockIndex;
        _words = words;
        _marks = marks;
        TextStart = textStart;
        TextEnd = textEnd;
        IsQuestion = isQuestion;
    }

    public ProseBlock Block { get; }
    public int BlockIndex { get; }
    /// <summary>Word and number tokens only; punctuation is not matched against.</summary>
    public Token[] Words => _words.Tokens;
    /// <summary>
    /// For each word, its clause: a new clause starts after clause punctuation (, ; : dashes,
    /// brackets, quotation marks) and at a clause opener ("but", "although", ...).
    /// </summary>
    public int[] ClauseIds => (_marks ??= ClauseMarks.Of(this)).Clauses;
    /// <summary>Words inside quotation marks: someone else's words (the program's motto, a quoted email).</summary>
    public bool[] Quoted => (_marks ??= ClauseMarks.Of(this)).Quoted;
    /// <summary>Bounds in the block text, terminal punctuation included.</summary>
    public int TextStart { get; }
    public int TextEnd { get; }
    /// <summary>Ends with a question mark.</summary>
    public bool IsQuestion { get; }

    public string Text => Block.Text[TextStart..TextEnd];

    internal int Vocabulary => _words.Vocabulary;

    /// <summary>
    /// True when a word of the sentence has its form or stem in <paramref name="ids"/> (a kind's fixed
    /// word set, of vocabulary generation <see cref="WordBits.Vocabulary"/>): a scan of a few words,
    /// with nothing allocated.
    /// </summary>
    internal bool HasAny(WordBits ids)
    {
        foreach (ref readonly var t in WordsAsOf(ids.Vocabulary).Tokens.AsSpan())
            if (ids.Contains(t.NormId) || ids.Contains(t.StemId)) return true;
        return false;
    }

    /// <summary>
    /// This sentence in another block with the same text (the same paragraph in a newer version of
    /// the draft): everything but the block is a function of the block's text, so it is shared.
    /// </summary>
    internal Sentence InBlock(ProseBlock block, int blockIndex) =>
        new(block, blockIndex, _words, _marks, TextStart, TextEnd, IsQuestion);

    /// <summary>
    /// The words with ids at least as new as vocabulary generation <paramref name="needed"/> (a
    /// pattern's). Tokens made before a pack added words lack those ids; they are looked up again
    /// once, which only happens when an analysis outlives a pack load.
    /// </summary>
    internal SentenceWords WordsAsOf(int needed)
    {
        var words = _words;
        if (words.Vocabulary >= needed) return words;
        int vocabulary = WordIds.Count;
        var tokens = new Token[words.Tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = words.Tokens[i];
            tokens[i] = new Token(t.Kind, t.Norm, t.Stem, t.Start, t.End);
        }
        return _words = new SentenceWords(tokens, vocabulary);
    }

    /// <summary>The sentence in the document.</summary>
    public TextSpan SourceSpan => Block.MapToSource(TextStart, TextEnd);

    /// <summary>Document span of words [from, to).</summary>
    public TextSpan SourceSpanOfWords(int from, int to) =>
        to <= from ? SourceSpan : Block.MapToSource(Words[from].Start, Words[to - 1].End);
}

/// <summary>A sentence's tokens as of one vocabulary generation, with their id set (built on first use).</summary>
internal sealed class SentenceWords(Token[] tokens, int vocabulary)
{
    private WordBits? _bits;

    public Token[] Tokens { get; } = tokens;

    public int Vocabulary { get; } = vocabulary;

    /// <summary>
    /// The ids of the words, for patterns run on a sentence one at a time (<see cref="Pattern.Match(Sentence, int)"/>);
    /// rules that scan a whole draft narrow it with the draft's <see cref="SentenceIndex"/> instead,
    /// so most sentences of a long draft never build this.
    /// </summary>
    public WordBits Bits => _bits ??= WordBits.Of(Tokens, Vocabulary);
}

/// <summary>A sentence's clause id and quotation flag per word.</summary>
internal sealed class ClauseMarks(int[] clauses, bool[] quoted)
{
    /// <summary>Words that open a new clause: a negation before them does not reach past them (by word id).</summary>
    internal static readonly WordBits ClauseOpeners = WordBits.Interned("but", "however", "although", "though", "yet", "so", "still", "because", "while", "whereas");

    public int[] Clauses { get; } = clauses;

    /// <summary>True when word <paramref name="index"/> of the sentence is a clause opener ("but", "although", ...).</summary>
    internal static bool OpensClause(Sentence sentence, int index) =>
        ClauseOpeners.Contains(sentence.WordsAsOf(ClauseOpeners.Vocabulary).Tokens[index].NormId);

    public bool[] Quoted { get; } = quoted;

    /// <summary>
    /// Reads the punctuation between the sentence's words in its block text, as the tokenizer would
    /// (<see cref="Tokenizer.PunctuationKind"/>): clause breaks count up, straight quotation marks
    /// toggle, curly ones say which side they are on. Starts at the sentence start, outside quotes.
    /// </summary>
    public static ClauseMarks Of(Sentence sentence)
    {
        // The openers' ids may be newer than the sentence's tokens (this set is interned on first
        // use, which can come after the draft was tokenized): look the words up as of its generation.
        var words = sentence.WordsAsOf(ClauseOpeners.Vocabulary).Tokens;
        string text = sentence.Block.Text;
        var clauses = new int[words.Length];
        var quoted = new bool[words.Length];
        int clause = 0;
        bool inQuote = false;
        int pos = sentence.TextStart;
        for (int w = 0; w < words.Length; w++)
        {
            int end = Math.Min(words[w].Start, text.Length);
            for (int i = pos; i < end; i++)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c)) continue;
                if (char.IsSurrogate(c) && i + 1 < text.Length) { i++; continue; }
                if (Tokenizer.PunctuationKind(text, i) != TokenKind.Break) continue;
                clause++;
                if (c == '"') inQuote = !inQuote;
                else if (c == '“') inQuote = true;
                else if (c == '”') inQuote = false;
            }
            if (w > 0 && ClauseOpeners.Contains(words[w].NormId)) clause++;
            clauses[w] = clause;
            quoted[w] = inQuote;
            pos = Math.Max(pos, words[w].End);
        }
        return new ClauseMarks(clauses, quoted);
    }
}

/// <summary>The sentences of a draft's prose, computed once per draft version.</summary>
public sealed class ProseAnalysis
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "dr", "mr", "mrs", "ms", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "jr", "sr", "dept", "univ", "approx", "mt", "ft", "inc", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "assoc", "asst",
    };

    private volatile DraftWords _words;

    private ProseAnalysis(ImmutableArray<Sentence> sentences, WordBits words, int vocabulary)
    {
        Sentences = sentences;
        _words = new DraftWords(words, vocabulary);
    }

    [ThreadStatic]
    private static List<Token>? t_tokens;

    /// <summary>The words of the sentence being split, reused sentence after sentence.</summary>
    [ThreadStatic]
    private static List<Token>? t_words;

    public ImmutableArray<Sentence> Sentences { get; }

    /// <summary>The ids of every stem and normalised form in the draft, for cheap pattern pre-filtering.</summary>
    public WordBits Words => WordsAsOf(WordIds.Count);

    /// <summary>As <see cref="Sentence.WordsAsOf"/>: the draft's id set, looked up again if older than <paramref name="needed"/>.</summary>
    internal WordBits WordsAsOf(int needed)
    {
        var words = _words;
        if (words.Vocabulary >= needed) return words.Bits;
        int vocabulary = WordIds.Count;
        var bits = new WordBits(vocabulary);
        foreach (var sentence in Sentences)
        {
            foreach (ref readonly var t in sentence.WordsAsOf(vocabulary).Tokens.AsSpan())
            {
                bits.Add(t.NormId);
                bits.Add(t.StemId);
            }
        }
        _words = new DraftWords(bits, vocabulary);
        return bits;
    }

    private volatile SentenceIndex? _index;

    private readonly Lock _indexGate = new();

    /// <summary>The sentences by word id (built on first use, once: rules running side by side share it).</summary>
    public SentenceIndex Index => IndexAsOf(WordIds.Count);

    /// <summary>As <see cref="Index"/>, with ids at least as new as vocabulary generation <paramref name="needed"/>.</summary>
    internal SentenceIndex IndexAsOf(int needed)
    {
        var index = _index;
        if (index is not null && index.Vocabulary >= needed) return index;
        lock (_indexGate)
        {
            index = _index;
            if (index is not null && index.Vocabulary >= needed) return index;
            return _index = SentenceIndex.Build(Sentences, Math.Max(needed, WordIds.Count));
        }
    }

    private sealed record DraftWords(WordBits Bits, int Vocabulary);

    public static ProseAnalysis Create(Draft draft) => Create(draft.Prose);

    /// <summary>
    /// The analysis of <paramref name="blocks"/>. With <paramref name="previous"/> (the analysis of an
    /// earlier version of the same draft), blocks whose text did not change take their sentences from
    /// it instead of being tokenized again: an edit to one paragraph of a long draft re-reads only
    /// that paragraph.
    /// </summary>
    public static ProseAnalysis Create(IReadOnlyList<ProseBlock> blocks, ProseAnalysis? previous = null)
    {
        int vocabulary = WordIds.Count;
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var words = new WordBits(vocabulary);
        var reusable = previous is null ? null : previous.SentencesByBlockText();
        // One token buffer per thread, reused block after block: only the sentences' word arrays are kept.
        var tokens = t_tokens ??= new List<Token>(256);
        for (int b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (reusable is not null && reusable.TryGetValue(block.Text, out var earlier))
            {
                foreach (var sentence in earlier)
                {
                    var moved = sentence.InBlock(block, b);
                    foreach (var t in moved.Words)
                    {
                        words.Add(t.StemId);
                        words.Add(t.NormId);
                    }
                    sentences.Add(moved);
                }
                continue;
            }
            tokens.Clear();
            Tokenizer.Tokenize(block.Text, tokens);
            Split(block, b, tokens, vocabulary, sentences, words);
        }
        if (tokens.Capacity > 64 * 1024) t_tokens = null;
        return new ProseAnalysis(sentences.ToImmutable(), words, vocabulary);
    }

    /// <summary>This analysis's sentences by the text of their block (a block with no sentence maps to none).</summary>
    private Dictionary<string, List<Sentence>> SentencesByBlockText()
    {
        var byText = new Dictionary<string, List<Sentence>>(StringComparer.Ordinal);
        int blockIndex = -1;
        List<Sentence>? current = null;
        foreach (var sentence in Sentences)
        {
            if (sentence.BlockIndex != blockIndex)
            {
                blockIndex = sentence.BlockIndex;
                current = null;
                if (!byText.ContainsKey(sentence.Block.Text)) byText[sentence.Block.Text] = current = [];
            }
            current?.Add(sentence);
        }
        return byText;
    }

    private static void Split(ProseBlock block, int blockIndex, List<Token> tokens, int vocabulary, ImmutableArray<Sentence>.Builder sentences, WordBits draftWords)
    {
        string text = block.Text;
        var words = t_words ??= new List<Token>(64);
        words.Clear();
        int sentenceStart = -1;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (sentenceStart < 0) sentenceStart = t.Start;
            if (t.Kind is TokenKind.Word or TokenKind.Number)
            {
                words.Add(t);
                draftWords.Add(t.StemId);
                draftWords.Add(t.NormId);
                continue;
            }
            if (t.Kind == TokenKind.Symbol && t.Norm is "." or "!" or "?" && IsSentenceEnd(text, tokens, i))
            {
                // Swallow a run of terminal punctuation and closing quotes: "?!", "...", ".)".
                int j = i;
                bool question = t.Norm == "?";
                while (j + 1 < tokens.Count && tokens[j + 1].Start == tokens[j].End && tokens[j + 1].Norm is "." or "!" or "?" or "\"" or "”" or "'" or ")")
                {
                    j++;
                    question |= tokens[j].Norm == "?";
                }
                Emit(block, blockIndex, words, vocabulary, sentenceStart, tokens[j].End, question, sentences);
                words.Clear();
                sentenceStart = -1;
                i = j;
            }
        }
        if (sentenceStart >= 0) Emit(block, blockIndex, words, vocabulary, sentenceStart, TrimEnd(text), false, sentences);
    }

    private static int TrimEnd(string text)
    {
        int end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }

    private static void Emit(ProseBlock block, int blockIndex, List<Token> words, int vocabulary, int start, int end, bool question, ImmutableArray<Sentence>.Builder sentences)
    {
        if (words.Count == 0) return;
        sentences.Add(new Sentence(block, blockIndex, words.ToArray(), vocabulary, start, Math.Max(start, end), question));
    }

    private static bool IsSentenceEnd(string text, List<Token> tokens, int i)
    {
        var t = tokens[i];
        if (t.Norm != ".") return true;
        int next = t.End;
        // "3.5", "no.1", "e.g.x": a period followed directly by a letter or digit is inside a word.
        if (next < text.Length && char.IsLetterOrDigit(text[next])) return false;
        if (i > 0 && tokens[i - 1].End == t.Start)
        {
            var prev = tokens[i - 1];
            if (Abbreviations.Contains(prev.Norm)) return false;
            // An initial ("J. Smith") or a dotted abbreviation ("U.S.").
            if (prev.Norm.Length == 1 && char.IsLetter(prev.Norm[0])) return false;
        }
        return true;
    }
}
