namespace SpeechArchive.Search;

/// <summary>How a free-text query was read, for the page and <c>search --json</c>: every part can be removed or searched as typed.</summary>
public sealed record QueryReading
{
    /// <summary>
    /// The aspect particles the reading takes out of a separable word or a verb and its object (离合词): 吸过毒 is read as 吸毒,
    /// 丢了工作 as 丢工作; the page's links take such a word out of the query as it spells it.
    /// </summary>
    public const string AspectParticles = "了过着";

    /// <summary>
    /// The words searched, in order (a word no passage holds appears with its parts, 买房 → 买、房, or, an everyday word or a
    /// single character standing alone, as searched through its thesaurus terms alone: <see cref="QueryReadingWord.TermsOnly"/>).
    /// </summary>
    public IReadOnlyList<QueryReadingWord> Words { get; init; } = [];

    /// <summary>
    /// Official formulations (提法) the query describes in everyday words, searched beside its words (企业多交的税能退回来吗 →
    /// 留抵退税; the thesaurus's <c>formulations</c>); off with expansions.
    /// </summary>
    public IReadOnlyList<string> Formulations { get; init; } = [];

    /// <summary>
    /// What the search marks in a passage for this reading, in match form: the runs, words, their parts, terms and components,
    /// and the formulations searched (the reader marks the same in a whole speech).
    /// </summary>
    public IReadOnlyList<string> Marked { get; init; } = [];

    /// <summary>
    /// The quoted phrases (match form): every counted passage holds each as typed, whatever its words. A phrase is never among
    /// <see cref="Dropped"/> (a quoted "x" beside the x of src=x that the words left out is searched), and one no passage holds
    /// is among <see cref="Missing"/>: it is why nothing was found.
    /// </summary>
    public IReadOnlyList<string> Phrases { get; init; } = [];

    /// <summary>Question, function and filler words left out (如何, 怎样, 的, 要, 以后…).</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    /// <summary>Words, and quoted phrases, found nowhere in the archive.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>How many of the words a counted passage holds at least, unless it holds the query as written.</summary>
    public int MinimumMatch { get; init; }

    /// <summary>
    /// Common words (held by 5 % of the passages or more, and by twenty times as many as the query's rarest word) that do not
    /// make a passage count on their own once <see cref="MinimumMatch"/> was lowered below <see cref="AskedMinimum"/>
    /// (网约车管理: at least 1 of 2, 管理 alone not counted).
    /// </summary>
    public IReadOnlyList<string> NotCountedAlone { get; init; } = [];

    /// <summary>
    /// How many of the words the query asked a passage to hold before too few did and <see cref="MinimumMatch"/> was lowered
    /// (equal to it when it was not): a passage holding only words of <see cref="NotCountedAlone"/> counts when it holds this many.
    /// </summary>
    public int AskedMinimum { get; init; }

    /// <summary>How many counted passages hold the query (a run of it) as written; they rank first.</summary>
    public int AsWritten { get; init; }

    /// <summary>
    /// How many counted passages rank first for their speech's title: a title holding every word (its first passage), or two
    /// and a year or congress (its passages holding the rest; <see cref="Ranking.Titled"/>). Not among <see cref="AsWritten"/>.
    /// </summary>
    public int ByTitle { get; init; }

    /// <summary>
    /// How many counted passages were found by meaning alone: among the passages nearest the query's vector, holding too few
    /// of its words (labelled <see cref="HitMatch.Meaning"/>). Zero when the meaning stage did not run (<see cref="MeaningSearched"/>).
    /// </summary>
    public int ByMeaning { get; init; }

    /// <summary>Whether the query's meaning (word vectors) took part in the ranking.</summary>
    public bool MeaningSearched { get; init; }

    /// <summary>
    /// The word vectors that read the meaning (when <see cref="MeaningSearched"/>): <c>base</c>, shipped with the engine, or
    /// <c>archive</c>, learned from this archive, with the index's model generation.
    /// </summary>
    public string? MeaningModel { get; init; }

    public long MeaningGeneration { get; init; }
}

/// <summary>The reading of a free-text query once ranked.</summary>
internal static class QueryReadings
{
    /// <summary>The reading; the passages as written are counted among those passing <paramref name="filters"/>.</summary>
    public static QueryReading Of(IndexSnapshot index, FreeTextQuery free, Ranking ranking, ResolvedFilters filters, WordMatches matches)
    {
        var (dropped, unheld) = UnheldRuns(free, matches);
        return new()
        {
            Words = [.. free.Slots.Select(s => new QueryReadingWord(s.Text, s.Split ? [.. s.Words.Select(w => w.Text)] : [], [.. s.Expansions.Select(e => e.Text)])
                { Components = [.. s.Components.Select(c => c.Text)], TermsOnly = s.Words.Count == 0 })],
            Formulations = ranking.FormulationsSearched ? [.. free.Formulations.Select(f => f.Text)] : [],
            Marked = free.Marked(ranking.FormulationsSearched),
            Phrases = [.. free.Phrases.Select(p => p.MatchForm).Distinct()],
            Dropped = [.. dropped.Distinct().Where(d => !free.Phrases.Any(p => p.MatchForm == d))],
            Missing = [.. free.Missing.Concat(unheld).Concat(free.Phrases.Where(p => matches.Get(p).DocFrequency == 0).Select(p => p.MatchForm)).Distinct()],
            MinimumMatch = ranking.MinimumMatch,
            NotCountedAlone = ranking.NotCountedAlone,
            AskedMinimum = Math.Min(free.MinimumMatch, free.Slots.Count),
            AsWritten = ranking.AsWritten!.Count(d => Array.BinarySearch(ranking.Titled, d) < 0 && Array.BinarySearch(ranking.Docs!, d) >= 0 && filters.Failures(index, d) == 0),
            ByTitle = ranking.Titled.Count(d => Array.BinarySearch(ranking.Docs!, d) >= 0 && filters.Failures(index, d) == 0),
            ByMeaning = ranking.Meaning.Count(d => filters.Failures(index, d) == 0),
            MeaningSearched = ranking.MeaningSearched,
            MeaningModel = ranking.MeaningSearched ? index.Meaning?.Kind : null,
            MeaningGeneration = ranking.MeaningSearched ? index.Meaning?.Generation ?? 0 : 0,
        };
    }

    /// <summary>
    /// The words the reader left out, less the characters of a word the archive does not hold, and those words: a word no
    /// lexicon knows and no passage holds is cut into characters, and each alone is too common to search (站位 of 提高政治站位
    /// over the reports: 站 and 位). Listed as left out they read as words judged unimportant; they are a word the archive
    /// lacks (语料中没有：站位), as the reviewer of the sixty-eighth session found. Two or more neighbouring characters left out
    /// (question and function words not counted), at most <see cref="FreeTextReader.MaxUnheldName"/> as a name the archive
    /// lacks is (华国锋), that a run of the query holds side by side, and no passage holds as typed.
    /// </summary>
    private static (List<string> Dropped, List<string> Unheld) UnheldRuns(FreeTextQuery free, WordMatches matches)
    {
        var dropped = new List<string>(free.Dropped);
        var unheld = new List<string>();
        for (var i = 0; i < dropped.Count; i++)
        {
            var j = i;
            var run = "";
            while (j < dropped.Count && run.Length < FreeTextReader.MaxUnheldName && dropped[j].Length == 1 && !QueryStopWords.Contains(dropped[j])
                && free.Runs.Any(r => r.MatchForm.Contains(run + dropped[j], StringComparison.Ordinal)))
            {
                run += dropped[j++];
            }

            if (run.Length >= 2 && matches.Get(new QueryWord(run, false, run)).DocFrequency == 0)
            {
                unheld.Add(run);
                dropped.RemoveRange(i, j - i);
                i--;
            }
        }

        return (dropped, unheld);
    }
}

/// <summary>One word searched, with the parts it was split into (if any) and its thesaurus terms.</summary>
public sealed record QueryReadingWord(string Word, IReadOnlyList<string> Parts, IReadOnlyList<string> Expansions)
{
    /// <summary>The shorter words a long word is made of: a passage holding them all counts for it (控制人口增长 → 控制、人口、增长).</summary>
    public IReadOnlyList<string> Components { get; init; } = [];

    /// <summary>
    /// A word searched through its thesaurus terms alone: an everyday word no passage holds, or holds only as a part too broad
    /// to mean it (穷人 → 贫困人口、困难群众; 找工作 → 就业), or a single character standing alone (罚 → 罚款、处罚).
    /// </summary>
    public bool TermsOnly { get; init; }
}
