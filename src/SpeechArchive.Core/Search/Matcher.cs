using SpeechArchive.Analysis;

namespace SpeechArchive.Search;

/// <summary>
/// Finds the passages a query word matches: candidates from the postings of its terms (intersected), then, when the word is
/// more than one term, a check that its match form occurs contiguously in the passage's match text — a phrase match that
/// bridges soft punctuation and never crosses a sentence end or mask. A search also matches the first passage under a heading
/// or title that holds the word (<see cref="HeadingHits"/>): headings are text people search.
/// </summary>
internal static class Matcher
{
    /// <summary>The passages holding <paramref name="word"/>, and with <paramref name="headings"/> those under a heading or title holding it.</summary>
    public static WordMatch Match(IndexSnapshot index, QueryWord word, bool headings)
    {
        var match = Match(index, word);
        return headings ? WithHeadings(index, match) : match;
    }

    /// <summary><paramref name="match"/> (a word's own text) with the passages under a heading or title holding the word.</summary>
    public static WordMatch WithHeadings(IndexSnapshot index, WordMatch match) =>
        SearchStructures.Of(index).HeadingHits.Docs(match.Word.MatchForm) is { } covered ? WithHeadings(match, covered) : match;

    /// <summary>The passages whose own text holds <paramref name="word"/>.</summary>
    public static WordMatch Match(IndexSnapshot index, QueryWord word) => Terms(index, word) switch
    {
        (_, { } exact) => exact,
        var (lists, _) => Verify(index, word, CandidatesOf(index, word, lists)),
    };

    /// <summary>
    /// The passages that may hold <paramref name="word"/> when its match needs the text (<see cref="Verify"/>), from the postings
    /// <see cref="Terms"/> gave (null: the word is single characters, whose candidates come from every term holding them).
    /// </summary>
    public static int[] CandidatesOf(IndexSnapshot index, QueryWord word, int[][]? lists) =>
        lists is not null ? PostingsMath.Intersect(lists) : UnigramCandidates(index, ChineseAnalyzer.Analyze(word.MatchForm));

    /// <summary>
    /// The postings whose intersection holds <paramref name="word"/>'s candidates, or the match itself when the postings settle
    /// it; neither when the word is only single characters (its candidates come from every term holding them).
    /// </summary>
    public static (int[][]? Lists, WordMatch? Exact) Terms(IndexSnapshot index, QueryWord word)
    {
        var tokens = ChineseAnalyzer.Analyze(word.MatchForm);
        if (tokens.Count == 0)
        {
            return (null, WordMatch.Empty(word));
        }

        var lists = new List<int[]>();
        var tfs = new List<byte[]>();
        var hasUnigram = false;
        foreach (var token in tokens)
        {
            if (token.Type == TokenType.Unigram)
            {
                hasUnigram = true;
                continue;
            }

            long key;
            if (token.Type == TokenType.Bigram)
            {
                key = TermKey.Bigram(token.Term[0], token.Term[1]);
            }
            else
            {
                var id = index.WordId(token.Term);
                if (id is null)
                {
                    return (null, WordMatch.Empty(word));
                }

                key = TermKey.Word(id.Value);
            }

            var postings = index.Postings(key);
            if (postings is null)
            {
                return (null, WordMatch.Empty(word));
            }

            lists.Add(postings.Value.Docs);
            tfs.Add(postings.Value.Tfs);
        }

        if (lists.Count == 1 && !hasUnigram && tokens.Count == 1 && !MatchText.NumeralEdged(word.MatchForm)) // 十大's postings hold 二十大
        {
            return (null, new WordMatch(word, lists[0], null, tfs[0]));
        }

        return (lists.Count == 0 ? null : [.. lists], null);
    }

    private static WordMatch WithHeadings(WordMatch match, Dictionary<int, double> covered)
    {
        var extra = covered.Keys.Where(d => Array.BinarySearch(match.Docs, d) < 0).Order().ToArray();
        if (extra.Length == 0)
        {
            return match with { HeadingCoverage = covered };
        }

        var docs = new int[match.Docs.Length + extra.Length];
        var freqs = new int[docs.Length];
        int i = 0, j = 0;
        for (var n = 0; n < docs.Length; n++)
        {
            if (j >= extra.Length || (i < match.Docs.Length && match.Docs[i] < extra[j]))
            {
                (docs[n], freqs[n]) = (match.Docs[i], match.Frequency(i));
                i++;
            }
            else
            {
                (docs[n], freqs[n]) = (extra[j++], 0);
            }
        }

        return new WordMatch(match.Word, docs, freqs) { HeadingCoverage = covered };
    }

    private static int[] UnigramCandidates(IndexSnapshot index, IReadOnlyList<Token> tokens)
    {
        int[]? result = null;
        foreach (var token in tokens.Where(t => t.Type == TokenType.Unigram).Take(2))
        {
            var seen = new bool[index.Passages.Count];
            foreach (var termId in index.HanTermsContaining(token.Term[0]))
            {
                foreach (var doc in index.PostingsById(termId).Docs)
                {
                    seen[doc] = true;
                }
            }

            var docs = new List<int>();
            for (var d = 0; d < seen.Length; d++)
            {
                if (seen[d])
                {
                    docs.Add(d);
                }
            }

            result = result is null ? docs.ToArray() : PostingsMath.Intersect([result, docs.ToArray()]);
        }

        return result ?? [];
    }

    /// <summary>The characters that, written right before a formulation, say the opposite of it (不直接抚养, 未公开, 非公有制).</summary>
    private const string NegationCharacters = "不未非";

    /// <summary>
    /// Whether the occurrence at <paramref name="at"/> is negated: right after 不, 未 or 非, unless that character closes a word
    /// that does not negate (不得不, 不能不, 不可不: a double negative; 是非, 除非, 无非, 南非, 中非…).
    /// </summary>
    internal static bool Negated(ReadOnlySpan<char> text, int at)
    {
        var before = at >= 2 ? text[at - 2] : '\0';
        return at > 0 && text[at - 1] switch
        {
            '不' => !"得能可".Contains(before, StringComparison.Ordinal),
            '非' => !"是除无莫南北东西中".Contains(before, StringComparison.Ordinal),
            '未' => true,
            _ => false,
        };
    }

    /// <summary>
    /// <paramref name="match"/> (a formulation's) without its negated occurrences (<see cref="Negated"/>): 不直接抚养子女的一方 is
    /// the parent who does not raise the child. A passage left with none drops out, unless a heading over it holds the
    /// formulation (a heading is not read for negation). Only the passages holding both the formulation and the pair of a
    /// negation with its first character (anywhere) are read again; where none of them changes, the match is returned as it is.
    /// </summary>
    public static WordMatch Affirmed(IndexSnapshot index, WordMatch match)
    {
        var form = match.Word.MatchForm;
        if (form.Length < 2 || match.Docs.Length == 0)
        {
            return match;
        }

        var negated = new List<int[]>(NegationCharacters.Length);
        foreach (var negation in NegationCharacters)
        {
            if (index.Postings(TermKey.Bigram(negation, form[0])) is { } postings)
            {
                negated.Add(PostingsMath.Intersect([postings.Docs, match.Docs]));
            }
        }

        var suspects = PostingsMath.Union(negated);
        if (suspects.Length == 0)
        {
            return match;
        }

        var counts = new Dictionary<int, int>(); // suspects whose count changed, by position in the match
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(1024);
        try
        {
            var at = 0;
            foreach (var doc in suspects)
            {
                at = PostingsMath.Gallop(match.Docs, at, doc);
                var count = match.Frequency(at);
                if (count > 0 && index.Passages[doc].CountInMatchText(form, ref buffer, Negated) is var affirmed && affirmed != count)
                {
                    counts[at] = affirmed;
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }

        if (counts.Count == 0)
        {
            return match;
        }

        var docs = new List<int>(match.Docs.Length);
        var frequencies = new List<int>(match.Docs.Length);
        for (var i = 0; i < match.Docs.Length; i++)
        {
            if (!counts.TryGetValue(i, out var count))
            {
                count = match.Frequency(i);
            }
            else if (count == 0 && match.HeadingCoverage?.ContainsKey(match.Docs[i]) != true)
            {
                continue; // it says the formulation only negated
            }

            docs.Add(match.Docs[i]);
            frequencies.Add(count);
        }

        return new WordMatch(match.Word, [.. docs], [.. frequencies]) { HeadingCoverage = match.HeadingCoverage };
    }

    /// <summary>The <paramref name="candidates"/> whose text holds <paramref name="word"/>, with how often.</summary>
    public static WordMatch Verify(IndexSnapshot index, QueryWord word, int[] candidates) =>
        VerifyUntil(index, word, candidates, int.MaxValue)!; // never that many: the whole match

    /// <summary>
    /// As <see cref="Verify"/> over candidates taken one at a time, but stopping at the <paramref name="enough"/>th passage
    /// holding the word: null then (at least that many hold it), else the whole match (fewer do).
    /// </summary>
    public static WordMatch? VerifyUntil(IndexSnapshot index, QueryWord word, IEnumerable<int> candidates, int enough)
    {
        var docs = new List<int>();
        var freqs = new List<int>();
        var passages = index.Passages;
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(1024);
        try
        {
            foreach (var doc in candidates)
            {
                var count = passages[doc].CountInMatchText(word.MatchForm, ref buffer);
                if (count > 0)
                {
                    if (docs.Count + 1 >= enough)
                    {
                        return null;
                    }

                    docs.Add(doc);
                    freqs.Add(count);
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }

        return new WordMatch(word, docs.ToArray(), freqs.ToArray());
    }
}
