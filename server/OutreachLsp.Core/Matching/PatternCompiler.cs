using System.Collections.Immutable;

namespace OutreachLsp.Core.Matching;

/// <summary>A pattern that failed to compile: message and character offset in the pattern.</summary>
public sealed record PatternError(string Message, int Offset);

/// <summary>
/// Compiles pattern source (see <see cref="Pattern"/>) into a Pike VM program. Never throws for bad
/// input: errors come back as <see cref="PatternError"/>. Limits keep a pattern from a pack small:
/// at most 4,000 program nodes, lexicon references nested at most 8 deep.
/// </summary>
public sealed class PatternCompiler
{
    public const int MaxNodes = 4000;
    private const int MaxGap = 12;
    private const int MaxLexiconDepth = 8;

    private readonly IReadOnlyDictionary<string, string> _lexicon;

    public PatternCompiler(IReadOnlyDictionary<string, string>? lexicon = null) =>
        _lexicon = lexicon ?? new Dictionary<string, string>();

    public Pattern? Compile(string source, out PatternError? error)
    {
        error = null;
        try
        {
            var ast = new Parser(source, _lexicon, 0).ParseAll();
            var nodes = new List<Node>();
            int accept = Add(nodes, new Node { Kind = NodeKind.Accept });
            int start = Emit(ast, accept, nodes);
            if (nodes.Count > MaxNodes) throw new PatternException($"pattern is too large ({nodes.Count} states; at most {MaxNodes})", 0);
            return new Pattern(source, nodes.ToArray(), start, RequiredGroups(ast));
        }
        catch (PatternException ex)
        {
            error = new PatternError(ex.Message, ex.Offset);
            return null;
        }
    }

    private static int Add(List<Node> nodes, Node node)
    {
        nodes.Add(node);
        if (nodes.Count > MaxNodes) throw new PatternException($"pattern is too large (more than {MaxNodes} states)", 0);
        return nodes.Count - 1;
    }

    // Emits the program for `ast` so that it continues at `next`; returns its entry point.
    // Built back to front, so every node's successor already exists.
    private static int Emit(Ast ast, int next, List<Node> nodes)
    {
        switch (ast)
        {
            case Ast.Word w:
                return Add(nodes, new Node { Kind = NodeKind.Match, Test = w.Test, Next = next });
            case Ast.Seq s:
                int entry = next;
                for (int i = s.Items.Count - 1; i >= 0; i--) entry = Emit(s.Items[i], entry, nodes);
                return entry;
            case Ast.Alt a:
                int alt = Emit(a.Options[^1], next, nodes);
                for (int i = a.Options.Count - 2; i >= 0; i--)
                {
                    int option = Emit(a.Options[i], next, nodes);
                    alt = Add(nodes, new Node { Kind = NodeKind.Split, Next = option, Alt = alt });
                }
                return alt;
            case Ast.Optional o:
                int body = Emit(o.Body, next, nodes);
                return Add(nodes, new Node { Kind = NodeKind.Split, Next = body, Alt = next });
            case Ast.Gap g:
                int gapEntry = next;
                for (int i = 0; i < g.Max; i++)
                {
                    int any = Add(nodes, new Node { Kind = NodeKind.Match, Test = WordTest.Any, Next = gapEntry });
                    gapEntry = Add(nodes, new Node { Kind = NodeKind.Split, Next = any, Alt = next });
                }
                return gapEntry;
            default:
                throw new PatternException("internal: unknown node", 0);
        }
    }

    // Groups of word ids such that every match contains at least one word of each group: the
    // pattern's pre-filter (Pattern.CanMatch). Cheapest groups first, as they are the likeliest to fail.
    private static int[][] RequiredGroups(Ast ast)
    {
        var groups = new List<Group>();
        Required(ast, groups);
        return groups
            .Select(g => g.Ids.Distinct().Order().ToArray())
            .DistinctBy(g => string.Join(',', g))
            .OrderBy(Cost)
            .ToArray();
    }

    private sealed record Group(int[] Ids, int CommonWords);

    // A group of common words ("i", "the", "you") lets almost every sentence through, so when the
    // compiler has to pick one group to stand for an option of an alternation it prefers groups
    // of rarer words; the size breaks ties.
    private static int Cost(int[] ids) => Cost(new Group(ids, ids.Count(CommonWordIds.Contains)));

    private static int Cost(Group g) => g.CommonWords * 1000 + g.Ids.Length;

    private static void Required(Ast ast, List<Group> groups)
    {
        switch (ast)
        {
            case Ast.Word { Test.Kind: TestKind.Stem } w:
                groups.Add(Single(w.Test.StemId, w.Test.NormId));
                return;
            case Ast.Word { Test.Kind: TestKind.Exact } w:
                groups.Add(Single(w.Test.NormId));
                return;
            case Ast.Seq s:
                foreach (var item in s.Items) Required(item, groups);
                return;
            case Ast.Alt a:
                // One group for the alternation: the union of each option's cheapest group. An option
                // with no required word (a prefix, a gap) means nothing can be promised.
                var union = new List<int>();
                int common = 0;
                foreach (var option in a.Options)
                {
                    var optionGroups = new List<Group>();
                    Required(option, optionGroups);
                    if (optionGroups.Count == 0) return;
                    var best = optionGroups.MinBy(Cost)!;
                    union.AddRange(best.Ids);
                    common += best.CommonWords;
                }
                groups.Add(new Group(union.ToArray(), common));
                return;
            default:
                // Optional parts, gaps, prefixes and wildcards promise nothing.
                return;
        }
    }

    private static Group Single(params int[] ids) => new(ids, ids.Any(CommonWordIds.Contains) ? 1 : 0);

    /// <summary>The most frequent words of English email prose (and their stems), by word id.</summary>
    private static readonly HashSet<int> CommonWordIds = CommonWords();

    private static HashSet<int> CommonWords()
    {
        string[] words =
        [
            "i", "me", "my", "we", "us", "our", "you", "your", "he", "she", "it", "its", "they", "them", "their", "this", "that", "these", "those",
            "a", "an", "the", "and", "or", "but", "so", "if", "of", "to", "in", "on", "at", "for", "with", "from", "by", "as", "about", "into", "than",
            "is", "am", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did", "will", "would", "can", "could",
            "shall", "should", "may", "might", "must", "not", "no", "all", "any", "some", "more", "most", "very", "also", "just", "there", "here",
            "what", "which", "who", "when", "where", "how", "why", "up", "out", "one", "program", "residency", "thank", "please", "dear", "best",
        ];
        var ids = new HashSet<int>();
        foreach (var w in words)
        {
            ids.Add(WordIds.Intern(w));
            ids.Add(WordIds.Intern(Stemmer.Stem(w)));
        }
        return ids;
    }

    private abstract record Ast
    {
        public sealed record Word(WordTest Test) : Ast;
        public sealed record Seq(List<Ast> Items) : Ast;
        public sealed record Alt(List<Ast> Options) : Ast;
        public sealed record Optional(Ast Body) : Ast;
        public sealed record Gap(int Max) : Ast;
    }

    private sealed class PatternException(string message, int offset) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    private sealed class Parser(string source, IReadOnlyDictionary<string, string> lexicon, int depth)
    {
        private int _pos;

        public Ast ParseAll()
        {
            var ast = ParseAlternation();
            SkipSpace();
            if (_pos < source.Length) throw new PatternException($"unexpected '{source[_pos]}'", _pos);
            if (ast is Ast.Seq { Items.Count: 0 }) throw new PatternException("empty pattern", 0);
            return ast;
        }

        private Ast ParseAlternation()
        {
            var options = new List<Ast> { ParseSequence() };
            while (Peek() == '|')
            {
                _pos++;
                options.Add(ParseSequence());
            }
            return options.Count == 1 ? options[0] : new Ast.Alt(options);
        }

        private Ast ParseSequence()
        {
            var items = new List<Ast>();
            while (true)
            {
                SkipSpace();
                if (_pos >= source.Length || source[_pos] is '|' or ')') break;
                var atom = ParseAtom();
                SkipSpace();
                if (Peek() == '?' && !(atom is Ast.Gap))
                {
                    _pos++;
                    atom = new Ast.Optional(atom);
                }
                items.Add(atom);
            }
            return items.Count == 1 ? items[0] : new Ast.Seq(items);
        }

        private Ast ParseAtom()
        {
            int start = _pos;
            char c = source[_pos];
            if (c == '(')
            {
                _pos++;
                var inner = ParseAlternation();
                SkipSpace();
                if (Peek() != ')') throw new PatternException("missing ')'", start);
                _pos++;
                return inner;
            }
            if (c == '.')
            {
                int dots = 0;
                while (Peek() == '.') { _pos++; dots++; }
                if (dots == 3) return new Ast.Gap(4);
                if (dots == 2)
                {
                    int numStart = _pos;
                    while (_pos < source.Length && char.IsDigit(source[_pos])) _pos++;
                    if (_pos == numStart || !int.TryParse(source.AsSpan(numStart, _pos - numStart), out int max)) throw new PatternException("'..' must be followed by a number, as in '..3'", start);
                    if (max < 1 || max > MaxGap) throw new PatternException($"a gap must be 1 to {MaxGap} words", start);
                    return new Ast.Gap(max);
                }
                throw new PatternException("use '...' for a short gap or '..N' for up to N words", start);
            }
            if (c == '@')
            {
                _pos++;
                int nameStart = _pos;
                while (_pos < source.Length && (char.IsLetterOrDigit(source[_pos]) || source[_pos] is '_' or '-')) _pos++;
                string name = source[nameStart.._pos];
                if (name.Length == 0) throw new PatternException("'@' must be followed by a lexicon name", start);
                if (!lexicon.TryGetValue(name, out var body)) throw new PatternException($"unknown lexicon entry '@{name}'", start);
                if (depth >= MaxLexiconDepth) throw new PatternException($"lexicon entries nest more than {MaxLexiconDepth} deep (a cycle through '@{name}'?)", start);
                try
                {
                    return new Parser(body, lexicon, depth + 1).ParseAll();
                }
                catch (PatternException ex)
                {
                    throw new PatternException($"in '@{name}': {ex.Message}", start);
                }
            }
            bool exact = false;
            if (c == '=') { exact = true; _pos++; }
            int wordStart = _pos;
            while (_pos < source.Length && !char.IsWhiteSpace(source[_pos]) && source[_pos] is not ('(' or ')' or '|' or '?' or '*' or '@')) _pos++;
            string word = source[wordStart.._pos];
            if (word.Length == 0) throw new PatternException($"unexpected '{c}'", start);
            bool prefix = Peek() == '*';
            if (prefix) _pos++;
            // "'s" is its own token in prose (the possessive marker): match it as written.
            if (word.Length > 1 && word[0] is '\'' or '’' && word[1..].All(char.IsLetter))
                return new Ast.Word(WordTest.ForExact("'" + word[1..].ToLowerInvariant()));
            var tokens = Tokenizer.Tokenize(word).Where(t => t.Kind is TokenKind.Word or TokenKind.Number).ToList();
            if (tokens.Count == 0) throw new PatternException($"'{word}' has no words in it", start);
            var items = new List<Ast>(tokens.Count);
            for (int i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                bool last = i == tokens.Count - 1;
                WordTest test = prefix && last ? WordTest.ForPrefix(t.Norm) : exact ? WordTest.ForExact(t.Norm) : WordTest.ForStem(t.Stem, t.Norm);
                items.Add(new Ast.Word(test));
            }
            return items.Count == 1 ? items[0] : new Ast.Seq(items);
        }

        private char Peek() => _pos < source.Length ? source[_pos] : '\0';

        private void SkipSpace()
        {
            while (_pos < source.Length && char.IsWhiteSpace(source[_pos])) _pos++;
        }
    }
}
