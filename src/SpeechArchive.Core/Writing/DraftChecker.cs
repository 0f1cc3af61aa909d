using System.Diagnostics;
using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// Checks a draft against the archive: split into sentences; for each, candidates by shared bigrams, scored as near matches
/// are (alignment and coverage, <see cref="NearMatcher"/>), and the runs of at least <see cref="DraftCheckRequest.MinRun"/>
/// characters it shares verbatim with any candidate, or with any passage holding such a run (<see cref="RunHolders"/>).
/// </summary>
public static class DraftChecker
{
    private const int Candidates = 40;
    private const int MinSentence = 4;

    /// <summary>The fewest Han characters a clause has for its own precedent (打铁必须自身硬 has seven).</summary>
    private const int MinClause = 5;

    /// <summary>How nearly a clause must be said in a passage to be its precedent (打铁还需自身硬 in 打铁必须自身硬: 0.61).</summary>
    private const double MinClauseSimilarity = 0.5;

    public static DraftCheckResult Check(IndexSnapshot index, DraftCheckRequest request) => Check(index, request, RunBudget.MaxWork);

    /// <summary>The check with a budget of <paramref name="maxWork"/> (<see cref="RunBudget"/>), which tests make small.</summary>
    internal static DraftCheckResult Check(IndexSnapshot index, DraftCheckRequest request, long maxWork)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var text = request.Text ?? "";
        if (text.Length > DraftCheckRequest.MaxCharacters)
        {
            throw new QuerySyntaxException($"草稿过长：{text.Length} 个字符，上限 {DraftCheckRequest.MaxCharacters}。(draft too long: {text.Length} characters, the limit is {DraftCheckRequest.MaxCharacters})");
        }

        // Markdown where asked, or where it looks like it (and then only if it reads as Markdown: else as given).
        string? markdownText = null;
        if (request.Markdown ?? Documents.DocumentReader.LooksLikeMarkdown(text))
        {
            markdownText = Documents.DocumentReader.MarkdownAsText(text, out var failure);
            if (markdownText is null && request.Markdown == true)
            {
                throw new QuerySyntaxException($"草稿按 Markdown 读不出正文：{failure}。(the draft read as Markdown: {failure})");
            }

            text = markdownText ?? text;
        }

        var filter = WritingQuery.FiltersOnly(index, request.Filters);
        var spans = Sentences(text).ToList();
        var sentences = new DraftSentence[spans.Count];
        var budget = new RunBudget(clock, maxWork);
        Parallel.For(0, spans.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
            sentences[i] = CheckSentence(index, text, spans[i].Start, spans[i].End, i + 1, request, filter, budget));
        var list = sentences.Where(s => s is not null).ToList();
        return new DraftCheckResult
        {
            MarkdownText = markdownText,
            Characters = text.Length,
            Sentences = list,
            SentencesWithRuns = list.Count(s => s.Runs.Count > 0),
            TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
        };
    }

    /// <summary>
    /// <paramref name="numbers"/> (ascending) as runs of consecutive numbers, each (first, last): how a page or the CLI names
    /// the sentences a budget cut (3, 5–9).
    /// </summary>
    public static IReadOnlyList<(int First, int Last)> Ranges(IEnumerable<int> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var ranges = new List<(int First, int Last)>();
        foreach (var n in numbers)
        {
            if (ranges.Count > 0 && ranges[^1].Last + 1 == n)
            {
                ranges[^1] = (ranges[^1].First, n);
            }
            else
            {
                ranges.Add((n, n));
            }
        }

        return ranges;
    }

    /// <summary><paramref name="ranges"/> written as a page or the CLI names them (3, 5–9), joined by <paramref name="separator"/>.</summary>
    public static string RangeText(IEnumerable<(int First, int Last)> ranges, string separator) =>
        string.Join(separator, ranges.Select(r => r.First == r.Last ? $"{r.First}" : $"{r.First}–{r.Last}"));

    /// <summary>Sentence spans: ends at 。！？；… and line breaks, closing quotes kept with their sentence.</summary>
    public static IEnumerable<(int Start, int End)> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length || text[i] == '\n' || (TextNormalizer.KindOf(TextNormalizer.Fold(text[i])) == CharKind.Hard && text[i] != '\r');
            if (!end)
            {
                continue;
            }

            var stop = i < text.Length && text[i] != '\n' ? i + 1 : i;
            while (stop < text.Length && text[stop] is '”' or '’' or '」' or '）' or ')')
            {
                stop++;
            }

            var (s, e) = Trim(text, start, stop);
            if (e > s)
            {
                yield return (s, e);
            }

            if (i >= text.Length)
            {
                yield break;
            }

            // Past a line break the next sentence starts after it; past punctuation, right after the closing quotes.
            start = i < text.Length && text[i] == '\n' ? i + 1 : stop;
            i = start - 1;
        }
    }

    private static (int, int) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private static DraftSentence CheckSentence(IndexSnapshot index, string draft, int start, int end, int number, DraftCheckRequest request, WritingQuery filter,
        RunBudget budget)
    {
        var offsets = new List<int>(end - start);
        var untrimmed = MatchText.Build(draft, start, end, offsets);
        var form = untrimmed.Trim(MatchText.Break);
        var sentence = new DraftSentence { Number = number, Text = draft[start..end], Start = start, End = end, Precedents = [], Runs = [] };
        var hanCount = form.Count(c => TextNormalizer.KindOf(c) == CharKind.Cjk);
        if (hanCount < MinSentence)
        {
            return sentence;
        }

        var lead = untrimmed.Length - untrimmed.TrimStart(MatchText.Break).Length;
        var keys = BigramCandidates.KeysOf(form);
        var candidates = BigramCandidates.Top(index, keys, Candidates, 0.2, filter.Accepts);
        var scored = new List<(int Doc, double Similarity, int MatchStart, int MatchEnd)>(candidates.Count);
        foreach (var c in candidates)
        {
            var (similarity, s, e) = NearMatcher.Score(index.Passages[c.Doc].MatchText, form);
            scored.Add((c.Doc, similarity, s, e));
        }

        var cap = Math.Clamp(request.PrecedentsPerSentence, 0, 20);
        var whole = scored.Where(s => s.Similarity >= request.MinSimilarity).OrderByDescending(s => s.Similarity).ThenBy(s => s.Doc).ToList();

        var minRun = Math.Max(2, request.MinRun);
        var ordered = scored.OrderByDescending(s => s.Similarity).ThenBy(s => s.Doc).Select(s => s.Doc).ToList();
        var (holders, runLookupsCut) = RunHolders(index, form, minRun, filter.Accepts, ordered, budget);
        ordered.AddRange(holders);
        var runs = new List<SharedRun>();
        foreach (var doc in ordered)
        {
            foreach (var (runStart, length, _) in SharedStrings.Runs(form, index.Passages[doc].MatchText, minRun))
            {
                var from = offsets[runStart + lead];
                var to = offsets[runStart + lead + length - 1] + 1;
                if (!runs.Exists(r => r.Start <= from && r.End >= to))
                {
                    runs.RemoveAll(r => r.Start >= from && r.End <= to);
                    runs.Add(new SharedRun(draft[from..to], from, to, index.Passages[doc].Id) { Source = PassageSource.Of(index, doc) });
                }
            }
        }

        // A passage a clause's precedent cites is listed there, where it is the nearer reading, not as the sentence's too.
        var (clauses, clauseLookupsCut) = ClausePrecedents(index, draft, start, end, cap, filter, runs, whole.Count > 0 ? whole[0].Similarity : 0, budget);
        var precedents = whole.Where(w => !clauses.Exists(c => c.Doc == w.Doc)).Take(cap)
            .Select(s => MakePrecedent(index, s.Doc, s.Similarity, s.MatchStart, s.MatchEnd, null, form)).ToList();
        precedents.AddRange(clauses.Select(c => c.Precedent));
        return sentence with
        {
            Precedents = precedents, Runs = runs.OrderBy(r => r.Start).ToList(), SaidNearly = whole.Count > 0,
            RunLookupsCut = runLookupsCut, ClauseLookupsCut = clauseLookupsCut,
        };
    }

    /// <summary>
    /// The closest precedent of each clause of a sentence that has two or more (cut at ，、：—), where it says the clause
    /// more nearly than any precedent of the whole sentence says the sentence (by a tenth): a formulation quoted from memory in a sentence that runs on (打铁还需自身硬，纪检监察干部要…) shares
    /// too little of the sentence with 打铁必须自身硬 to be its precedent, yet it is what a writer checking the draft must see.
    /// A clause of fewer than <see cref="MinClause"/> Han characters or one inside a run already found verbatim (its source is
    /// cited) is skipped; a clause's precedent must reach <see cref="MinClauseSimilarity"/>, and the sentence lists the
    /// <paramref name="cap"/> closest, in the clauses' order, in place of the same passage as the sentence's precedent (the
    /// clause's is the nearer reading of it: 0.55 of 确保党风廉政建设各项任务落到实处 against 0.32 of the whole sentence).
    /// Each clause's lookup is charged to the draft's <see cref="RunBudget"/>, as a window's is: until the sixty-third session
    /// it was not, and the clauses of a 10,000-character draft took 0.6 to 3 times as long as the rest of the check, unbounded; once the
    /// budget is spent the clauses left are not looked up, and the sentence says so (<see cref="DraftSentence.ClauseLookupsCut"/>).
    /// </summary>
    private static (List<(int Doc, Precedent Precedent)> Precedents, bool Cut) ClausePrecedents(IndexSnapshot index, string draft, int start, int end, int cap,
        WritingQuery filter, IReadOnlyList<SharedRun> runs, double sentenceBest, RunBudget budget)
    {
        var clauses = Clauses(draft, start, end).ToList();
        if (clauses.Count < 2 || cap == 0)
        {
            return ([], false);
        }

        var cut = false;
        var found = new List<(DraftClause Clause, int Doc, double Similarity, int MatchStart, int MatchEnd, string Form)>();
        foreach (var (from, to) in clauses)
        {
            var form = MatchText.Build(draft, from, to).Trim(MatchText.Break).Trim(MatchText.Mask);
            if (form.Count(c => TextNormalizer.KindOf(c) == CharKind.Cjk) < MinClause || runs.Any(r => r.Start <= from && r.End >= to))
            {
                continue;
            }

            if (budget.Spent)
            {
                cut = true;
                break;
            }

            // The closest passage that says the clause in other words, as a clause of its own: each candidate is held to the
            // rules, so one that only cuts the clause short does not hide another wording behind it. A clause said exactly is
            // no precedent of its own (加强党的建设, 采取综合措施: a draft of the texts' clauses listed hundreds); eight
            // characters or more are cited as a run.
            var marks = ClauseMarks(draft.AsSpan(from, to - from));
            var floor = Math.Max(MinClauseSimilarity, sentenceBest + 0.1);
            var best = (Doc: -1, Similarity: 0.0, MatchStart: 0, MatchEnd: 0);
            var keys = BigramCandidates.KeysOf(form);
            var candidates = BigramCandidates.Top(index, keys, Candidates, 0.2, filter.Accepts);
            budget.Spend(RarestPostings(index, keys) + candidates.Count);
            foreach (var c in candidates)
            {
                var passage = index.Passages[c.Doc];
                var (similarity, s, e) = NearMatcher.Score(passage.MatchText, form);
                if (similarity < floor || similarity >= 1 || similarity < best.Similarity || (similarity == best.Similarity && c.Doc > best.Doc) || e <= s
                    || IsShortened(passage.MatchText.AsSpan(s, e - s), form)
                    || passage.SourceMarks(s, e) is not [var span] || ClauseMarks(passage.SourceText[span.Start..span.End]) > marks)
                {
                    continue;
                }

                best = (c.Doc, similarity, s, e);
            }

            if (best.Doc >= 0)
            {
                found.Add((new DraftClause(draft[from..to], from, to), best.Doc, best.Similarity, best.MatchStart, best.MatchEnd, form));
            }
        }

        return (found.OrderByDescending(f => f.Similarity).ThenBy(f => f.Clause.Start).Take(cap).OrderBy(f => f.Clause.Start)
            .Select(f => (f.Doc, MakePrecedent(index, f.Doc, f.Similarity, f.MatchStart, f.MatchEnd, f.Clause, f.Form))).ToList(), cut);
    }

    /// <summary>
    /// The postings of the rarest of <paramref name="keys"/> that the archive holds: what finding a clause's candidates walks,
    /// counted as a window's intersection is (the walk follows the rare bigrams, whose weight can make a candidate, and only
    /// looks the common ones up).
    /// </summary>
    private static long RarestPostings(IndexSnapshot index, List<long> keys)
    {
        var least = 0L;
        foreach (var key in keys)
        {
            if (index.DocFrequency(key) is var df and > 0 && (least == 0 || df < least))
            {
                least = df;
            }
        }

        return least;
    }

    /// <summary>How many clause marks (，、：—) a stretch of text holds: a passage's wording may not run across more than the clause's own.</summary>
    private static int ClauseMarks(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
        {
            n += MatchText.IsClauseMark(TextNormalizer.Fold(c)) ? 1 : 0;
        }

        return n;
    }

    /// <summary>
    /// Whether a passage's aligned text only cuts a clause short: it leaves out some of the clause's characters and adds none,
    /// and misses its first or last (抓好作风建设 → 好作风建设, 各级领导干部要以钉钉子的精神 → 各级领导干部要以): a shorter
    /// everyday phrase, not another wording of the clause (打铁还需自身硬 → 打铁必须自身硬, 旗帜鲜明地讲政治 → 旗帜鲜明讲政治).
    /// </summary>
    internal static bool IsShortened(ReadOnlySpan<char> aligned, string clause)
    {
        var (han, own) = (HanOf(aligned), HanOf(clause));
        if (han.Length == 0 || own.Length == 0 || (han[0] == own[0] && han[^1] == own[^1]))
        {
            return false;
        }

        var at = 0;
        foreach (var c in han)
        {
            at = own.IndexOf(c, at) is var found and >= 0 ? found + 1 : -1;
            if (at < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The clauses of a sentence (offsets into the draft): cut at the clause marks (，、：—), trimmed of spaces and of the sentence's end.</summary>
    internal static IEnumerable<(int Start, int End)> Clauses(string draft, int start, int end)
    {
        var from = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && !MatchText.IsClauseMark(TextNormalizer.Fold(draft[i])))
            {
                continue;
            }

            var (s, e) = Trim(draft, from, i);
            while (e > s && TextNormalizer.KindOf(TextNormalizer.Fold(draft[e - 1])) is CharKind.Hard or CharKind.Soft)
            {
                e--;
            }

            if (e > s)
            {
                yield return (s, e);
            }

            from = i + 1;
        }
    }

    /// <summary>
    /// Passages beyond <paramref name="known"/> that hold some run of <paramref name="minRun"/> characters of the sentence
    /// verbatim: a long sentence sharing one clause with a passage shares too few bigrams with it to be a candidate, and a
    /// writer checking a draft for copied wording must still see it. Each window of Han characters not looked up before and
    /// not held by a passage already found is looked up as a phrase, and the first passage the filters accept that holds it
    /// is taken; the lookups stop when the draft's <see cref="RunBudget"/> is spent (a hostile draft of common characters
    /// makes every window a long intersection: 1党1党… took 40 s on the shared corpus before the budget); <c>Cut</c> says
    /// they stopped before the last window.
    /// </summary>
    private static (List<int> Holders, bool Cut) RunHolders(IndexSnapshot index, string form, int minRun, Func<int, bool> accepts, IReadOnlyList<int> known,
        RunBudget budget)
    {
        var holders = new List<int>();
        var texts = known.Select(d => index.Passages[d].MatchText).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(1024);
        var i = 0;
        try
        {
            for (; i + minRun <= form.Length && !budget.Spent; i++)
            {
                var window = form.Substring(i, minRun);
                if (!window.All(c => TextNormalizer.KindOf(c) == CharKind.Cjk) || !seen.Add(window)
                    || texts.Exists(t => Analysis.MatchText.HoldsWhole(t, window)))
                {
                    continue;
                }

                var word = new QueryWord(window, false, window);
                var (lists, exact) = Matcher.Terms(index, word);
                var candidates = exact?.Docs ?? Matcher.CandidatesOf(index, word, lists);
                budget.Spend((lists is { Length: > 0 } ? lists.Min(l => (long)l.Length) : 0) + candidates.Length); // the intersection's walk and the texts read
                foreach (var doc in candidates)
                {
                    if (accepts(doc) && (exact is not null || index.Passages[doc].CountInMatchText(window, ref buffer) > 0))
                    {
                        holders.Add(doc);
                        texts.Add(index.Passages[doc].MatchText);
                        break;
                    }
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }

        return (holders, i + minRun <= form.Length);
    }

    /// <summary>
    /// What a draft may spend looking up windows for runs (<see cref="RunHolders"/>) and clauses for their precedents
    /// (<see cref="ClausePrecedents"/>): five million postings walked and candidate texts read (each window's shortest posting
    /// list and its candidates, each clause's rarest bigram's postings and its candidates; a draft of 9,900 characters of the
    /// lexicon's common words spends about 350,000 on the shared corpus), and three seconds since the check began, whatever
    /// the load; shared by the sentences checked in parallel. Past it, runs are found among each sentence's candidates only
    /// and clauses are not looked up, and the result says so for each sentence (<see cref="DraftSentence.RunLookupsCut"/>,
    /// <see cref="DraftSentence.ClauseLookupsCut"/>).
    /// </summary>
    private sealed class RunBudget(Stopwatch clock, long maxWork)
    {
        public const long MaxWork = 5_000_000;
        private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(3);
        private long spent;
        private volatile bool cut;

        public bool Spent
        {
            get
            {
                if (!cut && (clock.Elapsed > MaxTime || Interlocked.Read(ref spent) > maxWork))
                {
                    cut = true;
                }

                return cut;
            }
        }

        public void Spend(long work) => Interlocked.Add(ref spent, work);
    }

    private static Precedent MakePrecedent(IndexSnapshot index, int doc, double similarity, int matchStart, int matchEnd, DraftClause? clause, string said)
    {
        var p = index.Passages[doc];
        var text = p.SourceText;
        var marks = p.SourceMarks(matchStart, matchEnd);
        var matched = marks.Count == 0 ? "" : text[marks[0].Item1..marks[0].Item2].ToString();
        return new Precedent
        {
            Source = PassageSource.Of(index, doc),
            Similarity = Math.Round(similarity, 3),
            Matched = matched,
            Snippet = MarkedSnippet.Build(text, p.Start, p.End, marks, 160),
            Clause = clause,
            MisquoteOf = Misquotes(index, said, p.MatchText[matchStart..Math.Max(matchStart, matchEnd)]) ? matched : null,
        };
    }

    /// <summary>The fewest Han characters a wording has for a draft differing from it to be called its misquote.</summary>
    private const int MinMisquoted = 5;

    /// <summary>The fewest passages that say a wording for it to be a set formulation a draft may misquote.</summary>
    private const int SetFormulation = 2;

    /// <summary>
    /// Whether <paramref name="said"/> (the sentence or clause, match form) misquotes the archive's wording it aligned with
    /// (<paramref name="aligned"/>, match form): it says all of it but one or two characters changed, added or left out (打铁还须自身硬 for 打铁必须自身硬, 永远再路上 for 永远在路上),
    /// a quarter of the wording at most, and two passages or more say the wording as it is (a set formulation, not one
    /// passage's phrasing). A writer quoting from memory wants to be told, not to read the difference off
    /// a similarity of 80 % (a user trial).
    /// </summary>
    internal static bool Misquotes(IndexSnapshot index, string said, string aligned)
    {
        var (wording, own) = (HanOf(aligned), HanOf(said));
        if (wording.Length < MinMisquoted || Math.Abs(wording.Length - own.Length) > 2)
        {
            return false;
        }

        var distance = EditDistance(own, wording);
        if (distance is < 1 or > 2 || distance * 4 > wording.Length)
        {
            return false;
        }

        var form = aligned.Trim(MatchText.Break).Trim(MatchText.Mask);
        return Search.Matcher.Match(index, new QueryWord(form, false, form)).Docs.Length >= SetFormulation;
    }

    /// <summary>The Han characters of <paramref name="text"/>, in order (what the clause rules compare).</summary>
    private static string HanOf(ReadOnlySpan<char> text)
    {
        var han = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (TextNormalizer.KindOf(c) == CharKind.Cjk)
            {
                han.Append(c);
            }
        }

        return han.ToString();
    }

    /// <summary>Characters changed, added or left out to turn <paramref name="a"/> into <paramref name="b"/> (Levenshtein).</summary>
    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
