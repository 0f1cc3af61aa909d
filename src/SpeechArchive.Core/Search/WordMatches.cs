namespace SpeechArchive.Search;

/// <summary>
/// The match stage of one search: each word's passages (<see cref="Matcher"/>), matched once and shared by the stages that
/// need them — understanding (how many passages hold a word), ranking, and the near matches' exclusions. Understanding often
/// asks only whether some passage holds a word, or whether one word is held by a share of another's passages: those are
/// answered from the postings and as few passages' text as settles them (<see cref="HeldAtLeast"/>, <see cref="HeldByShare"/>).
/// </summary>
internal sealed class WordMatches(IndexSnapshot index)
{
    /// <summary>Every question answered from the whole match (no text left unread): the reference the tests hold the shortcuts to.</summary>
    public bool Exhaustive { get; init; }

    private readonly Dictionary<(QueryWord, bool), WordMatch> matches = [];
    private readonly Dictionary<QueryWord, int[][]?> terms = [];
    private readonly Dictionary<QueryWord, WordMatch> affirmed = [];

    /// <summary>The passages holding <paramref name="word"/>, and with <paramref name="headings"/> those under a heading or title holding it.</summary>
    public WordMatch Get(QueryWord word, bool headings = true)
    {
        if (!matches.TryGetValue((word, headings), out var match))
        {
            match = !headings ? (Exhaustive ? Matcher.Match(index, word) : Kept(word))
                : Exhaustive ? Matcher.WithHeadings(index, Get(word, headings: false))
                : SearchStructures.Of(index).PhraseMatches.WithHeadings(word, () => Matcher.WithHeadings(index, Get(word, headings: false)));
            matches[(word, headings)] = match;
        }

        return match;
    }

    /// <summary>The passages whose own text holds <paramref name="word"/>: kept for the snapshot (<see cref="PhraseMatches"/>), else matched and kept if worth it.</summary>
    private WordMatch Kept(QueryWord word)
    {
        var phrases = SearchStructures.Of(index).PhraseMatches;
        if (phrases.Get(word) is { } kept)
        {
            return kept;
        }

        var (lists, exact) = Matcher.Terms(index, word);
        return exact ?? phrases.GetOrMatch(word, () => // read in the text once for the searches asking at the same time
        {
            var candidates = Matcher.CandidatesOf(index, word, lists);
            return (Matcher.Verify(index, word, candidates), candidates.Length);
        });
    }

    /// <summary>
    /// The passages holding <paramref name="word"/> (a formulation the query describes) not negated, or under a heading holding
    /// it: <see cref="Matcher.Affirmed"/> over <see cref="Get"/>, made once for the reading and the ranking.
    /// </summary>
    public WordMatch Affirmed(QueryWord word) => affirmed.TryGetValue(word, out var match) ? match : affirmed[word] = Matcher.Affirmed(index, Get(word));

    /// <summary>Whether some passage, or a heading over one, holds <paramref name="word"/> not negated (<see cref="Affirmed"/>): whether a formulation can be searched.</summary>
    public bool HeldAffirmed(QueryWord word) => Affirmed(word).Docs.Length > 0;

    /// <summary>The passages whose own text holds <paramref name="word"/> (a word of free text).</summary>
    public WordMatch InText(QueryWord word) => Get(word, headings: false);

    /// <summary>How many passages the index holds.</summary>
    public int Passages => index.Passages.Count;

    /// <summary>
    /// Whether at least <paramref name="count"/> passages' own text holds <paramref name="word"/> (<see cref="InText"/>'s count):
    /// its candidates are taken from the postings and read one at a time until that many hold it, unless the snapshot knows
    /// as many hold it (<see cref="PhraseMatches.HeldBy"/>).
    /// </summary>
    public bool HeldAtLeast(QueryWord word, int count)
    {
        if (count <= 0)
        {
            return true;
        }

        Recall(word);
        if (Exhaustive || matches.ContainsKey((word, false)) || Lists(word) is not { } lists)
        {
            return InText(word).DocFrequency >= count;
        }

        if (lists.Min(l => l.Length) < count)
        {
            return false;
        }

        var phrases = SearchStructures.Of(index).PhraseMatches;
        if (phrases.HeldBy(word) >= count)
        {
            return true;
        }

        if (Matcher.VerifyUntil(index, word, PostingsMath.Together(lists), count) is not { } whole)
        {
            phrases.Held(word, count);
            return true;
        }

        matches[(word, false)] = whole; // every candidate was read: this is the match
        phrases.Add(whole, lists.Min(l => l.Length));
        return whole.DocFrequency >= count;
    }

    /// <summary>At least as many passages as hold <paramref name="word"/> in their own text; from the postings alone where the text would be needed to say exactly.</summary>
    public int AtMostHolding(QueryWord word) =>
        Recall(word) && !matches.ContainsKey((word, false)) && Lists(word) is { } lists ? lists.Min(l => l.Length) : InText(word).DocFrequency;

    /// <summary>Whether the passages holding <paramref name="part"/> are at least <paramref name="share"/> of those holding <paramref name="whole"/> (own text).</summary>
    public bool HeldByShare(QueryWord part, QueryWord whole, double share)
    {
        // Holding that share of an upper bound of the whole's passages settles it without reading the whole's text.
        var enough = Exhaustive ? double.PositiveInfinity : Math.Ceiling(share * AtMostHolding(whole));
        if (enough <= int.MaxValue && HeldAtLeast(part, (int)enough))
        {
            return true;
        }

        return InText(part).DocFrequency >= share * InText(whole).DocFrequency;
    }

    /// <summary>
    /// Whether the passages holding <paramref name="word"/> (a string the lexicon does not know) hold it as a word at least as
    /// often as not (<see cref="Analysis.WordOccurrence"/>): 庄稼, 山坡 and 整村 are words; 用样 (采用 | 样本), 样等 (抽样 | 等)
    /// and 路排 (公路 | 排水) meet across two words, and 厂里 is held only inside 工厂里 — strings a query in everyday words
    /// (不用样样等上头点头, 跑远路排长队) would otherwise search as words. Its first <see cref="CohesionSample"/> occurrences
    /// are read (at most <see cref="CohesionPerPassage"/> of a passage), each cut with the room of a long word either side,
    /// from the passages holding it in id order: those of its match when known, else its candidates from the postings, read
    /// one at a time only until that many are found (a string held by 40,000 passages is not matched whole for it).
    /// </summary>
    public bool MostlyWhole(QueryWord word, Analysis.Segmenter segmenter)
    {
        Recall(word);
        var lists = Exhaustive ? null : Lists(word);
        var holders = lists is null || matches.ContainsKey((word, false)) ? InText(word).Docs : PostingsMath.Together(lists);
        var (whole, across) = Sample(holders, word.MatchForm, (text, at) =>
        {
            var from = Math.Max(0, at - CohesionMargin);
            var window = new string(text[from..Math.Min(text.Length, at + word.MatchForm.Length + CohesionMargin)]);
            var spans = segmenter.Segment(window);
            return Analysis.WordOccurrence.AsWord(spans, Analysis.WordOccurrence.SpanAt(spans, window.Length), at - from, at - from + word.MatchForm.Length, segmenter.Lexicon);
        });
        return whole >= across;
    }

    /// <summary>
    /// Whether, where the passages hold <paramref name="joined"/> (a lone character of a query joined to the word beside it),
    /// that character mostly makes a lexicon word with the character on its other side instead: 情 + 发生后 is held mostly in
    /// 疫情发生后 (疫情), so the query's 情 is not the start of a word 情发生后; 十 + 倍赔偿 still joins, held in 价款十倍赔偿 (款十
    /// is no word). <paramref name="atStart"/>: the character is the first of <paramref name="joined"/> (else the last). Reads
    /// the first <see cref="CohesionSample"/> occurrences in the passages that hold <paramref name="joined"/> in their text
    /// (matched in full, unlike <see cref="MostlyWhole"/>: <see cref="Sample"/>), and the pair the character makes with its
    /// neighbour there.
    /// </summary>
    public bool MostlyBoundOutside(QueryWord joined, bool atStart, Analysis.Lexicon lexicon)
    {
        Recall(joined);
        var form = joined.MatchForm;
        var (bound, free) = Sample(InText(joined).Docs, form, (text, at) =>
        {
            var outside = atStart ? at - 1 : at + form.Length;
            return outside >= 0 && outside < text.Length
                && lexicon.Contains(atStart ? string.Concat(text[outside], form[0]) : string.Concat(form[^1], text[outside]));
        });
        return bound > free;
    }

    /// <summary>
    /// Whether some passage holds <paramref name="word"/> and its edges mostly do not make a lexicon word with the character
    /// beside them instead (铁路站 is held in 铁路站场: 站场; 提升产品质量 in 全面提升产品质量 stands apart at its end, and 面提
    /// is no word): a string built by a substitution (<see cref="Thesaurus.InsideTerms"/>) is searched only where the texts
    /// say it apart.
    /// </summary>
    public bool SaidApart(QueryWord word, Analysis.Lexicon lexicon) =>
        HeldAtLeast(word, 1) && !MostlyBoundOutside(word, atStart: true, lexicon) && !MostlyBoundOutside(word, atStart: false, lexicon);

    /// <summary>
    /// Of the first <see cref="CohesionSample"/> occurrences of <paramref name="form"/> in <paramref name="holders"/>' text (at
    /// most <see cref="CohesionPerPassage"/> of a passage), how many pass <paramref name="test"/> (given the text and where the
    /// occurrence starts) and how many fail it.
    /// </summary>
    private (int Pass, int Fail) Sample(IEnumerable<int> holders, string form, Func<ReadOnlySpan<char>, int, bool> test)
    {
        var (pass, fail) = (0, 0);
        var starts = new List<int>();
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(256);
        try
        {
            foreach (var doc in holders)
            {
                var text = index.Passages[doc].MatchTextIn(ref buffer);
                starts.Clear();
                Analysis.MatchText.CountOccurrences(text, form, starts.Add);
                foreach (var at in starts.Take(CohesionPerPassage))
                {
                    (pass, fail) = test(text, at) ? (pass + 1, fail) : (pass, fail + 1);
                    if (pass + fail >= CohesionSample)
                    {
                        return (pass, fail);
                    }
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }

        return (pass, fail);
    }

    /// <summary>How many occurrences of a string <see cref="MostlyWhole"/> reads.</summary>
    private const int CohesionSample = 24;

    /// <summary>How many occurrences of one passage <see cref="MostlyWhole"/> reads at most (one passage repeating a string does not decide it).</summary>
    private const int CohesionPerPassage = 2;

    /// <summary>How many characters either side of an occurrence <see cref="MostlyWhole"/> cuts with it.</summary>
    private const int CohesionMargin = 6;

    /// <summary>Takes <paramref name="word"/>'s match (own text) from those the snapshot keeps, if it is kept and not yet known here; always true.</summary>
    private bool Recall(QueryWord word)
    {
        if (!Exhaustive && !matches.ContainsKey((word, false)) && SearchStructures.Of(index).PhraseMatches.Get(word) is { } kept)
        {
            matches[(word, false)] = kept;
        }

        return true;
    }

    /// <summary>The postings whose intersection holds the word's candidates, when its match needs the text (<see cref="Matcher.Terms"/>).</summary>
    private int[][]? Lists(QueryWord word)
    {
        if (!terms.TryGetValue(word, out var lists))
        {
            (lists, var exact) = Matcher.Terms(index, word);
            if (exact is not null)
            {
                matches[(word, false)] = exact;
            }

            terms[word] = lists;
        }

        return lists;
    }
}
