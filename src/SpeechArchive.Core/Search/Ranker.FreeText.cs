using System.Buffers;

namespace SpeechArchive.Search;

/// <summary>
/// Ranking of free text (<see cref="FreeTextQuery"/>). A passage counts
/// when it holds a run of the query as written (a phrase of several words, or a heading over it that holds one), or at least
/// <see cref="FreeTextQuery.MinimumMatch"/> of its words (lowered step by step while few hold that many, unless the query is one run held as typed). Passages holding
/// a run as written rank first, by the phrase's own BM25; then the passages that hold most of the query in order (near: a
/// half-remembered clause, or a question's words in its order), by that similarity; then the rest by BM25 summed over the
/// words they hold (a word's thesaurus terms at <see cref="ExpansionWeight"/>; in short passages, articles of law, weighed by
/// the share of the words held: <see cref="Coordinate"/>), raised by how nearly they hold the query,
/// fused with the passages' nearness to the query's meaning (<see cref="FuseMeaning"/>; with expansions on).
/// </summary>
internal static partial class Ranker
{
    /// <summary>A thesaurus term's score relative to the word it widens.</summary>
    public const double ExpansionWeight = 0.6;

    /// <summary>Added to a passage holding a run as written, above any other.</summary>
    private const double AsWrittenTier = 1_000_000;

    /// <summary>Added to a passage holding most of the query in order, above any sum of word scores.</summary>
    private const double NearTier = 500_000;

    /// <summary>Fewer passages than this holding the minimum number of words: the minimum is lowered.</summary>
    private const int FewResults = 10;

    /// <summary>A query this long (characters, as written) is a clause: the near matcher looks for it too.</summary>
    private const int ClauseLength = 6;

    /// <summary>How many of the best word matches are checked for holding the query in order.</summary>
    private const int FreeTextOrderDepth = 100;

    /// <summary>
    /// Ranks the passages for <paramref name="query"/>: <paramref name="matchWord"/> finds the passages whose text holds a word,
    /// <paramref name="matchRun"/> those holding a run or phrase, or under a heading that holds it, <paramref name="matchFormulation"/>
    /// those holding a formulation not negated (<see cref="WordMatches.Affirmed"/>). With
    /// <paramref name="exhaustive"/>, near matching without its shortcuts (the reference the tests hold them to).
    /// </summary>
    private static Ranking RankFreeText(IndexSnapshot index, FreeTextQuery query, IReadOnlyList<QueryWord> excluded,
        Func<QueryWord, WordMatch> matchWord, Func<QueryWord, WordMatch> matchRun, Func<QueryWord, WordMatch> matchFormulation, NearMatchOptions nearMatches,
        Thesaurus? thesaurus, bool byMeaning, bool exhaustive)
    {
        var bm25 = new Bm25(index, fieldBoosts: !query.Plain);

        // The passages nearest the query's meaning are looked for on another core while its words are ranked (which needs none of it).
        var meaning = byMeaning && !query.Plain && query.Phrases.Count == 0 && excluded.Count == 0
            && SearchStructures.Of(index).PassageVectors is { } vectors
            ? MeaningSearch.Start(vectors, query, matchWord, matchFormulation, MeaningDepth)
            : null;
        var held = exhaustive ? null : FreeTextCandidates.AtLeast(query.Slots, matchWord, query.MinimumMatch);

        var asWritten = query.Plain ? ScoredDocs.Empty : Max([.. query.SearchedRuns.Where(r => !IsOneSlot(query, r)).Select(r => bm25.Score(matchRun(r)))]);

        if (asWritten.Count > 1 && query.Runs.Count == 1)
        {
            PreferAsWritten(index, asWritten, query.Runs[0].MatchForm.Replace(Analysis.MatchText.Break.ToString(), "", StringComparison.Ordinal));
        }

        var heldAsTyped = asWritten.Count > 0; // the text's own: a title holding the words is not the query held as typed
        var titled = query.Plain ? null : TitleHits(index, query, matchWord);
        if (titled is not null)
        {
            asWritten = Max([asWritten, titled]);
        }

        // Only passages holding the minimum number of words count unless too few do: then only those need scoring.
        var within = held is not null && held.Length + asWritten.Count >= FewResults;
        var scoredWord = within ? FreeTextCandidates.Within(matchWord, held!) : matchWord;
        var nearAhead = within && !query.Plain && !query.Question && query.Formulations.Count == 0 && query.Phrases.Count == 0 && excluded.Count == 0
            && Probe(query) is var probe && IsClause(probe)
            ? NearAhead.Start(index, probe, held!, asWritten.Docs, nearMatches, thesaurus)
            : null;
        var slots = query.Slots.Select(s => SlotScores(bm25, s, scoredWord)).ToList();
        // A query of one run that the archive holds as typed (以钉钉子精神, in two passages) is what the user means: its words
        // are not sought one by one to make up a page (the minimum lowered to 1 brought 690 passages holding 精神 alone).
        // So is one held as typed once its function words are left out (钉钉子的精神: 钉钉子精神, FreeTextQuery.HeldBare).
        var keepsMinimum = query.Runs.Count == 1 && (heldAsTyped || query.HeldBare);
        var (words, minimum, wordsHeld, uncounted) = AtLeast(slots, query.MinimumMatch, asWritten.Count, lowers: !keepsMinimum,
            common: within ? null : Common(slots, index.Passages.Count, query.Slots)); // within: enough hold the minimum, which is not lowered
        var mostlyShort = !query.Plain && MostlyShort(index, words);
        var counted = words;

        // Over articles of law a formulation a question describes (赡养义务 for 儿女不赡养老人能直接去法院告吗) is held by thousands
        // of them, where the question's own words pick the one that answers: its articles are not added (of the 151 that
        // formulations brought into the top tens of the legal needs, one answered: docs/relevance.md, thirty-sixth session).
        // Where no passage holds enough of the words, the formulations' own passages tell.
        List<ScoredDocs> formulations = mostlyShort ? [] : [.. query.Formulations.Select(f => bm25.Score(matchFormulation(f)))];
        var amongArticles = mostlyShort || (!query.Plain && words.Count == 0 && formulations.Count > 0 && MostlyShort(index, Max([.. formulations])));
        if (amongArticles && meaning is not null && query.Formulations.Count > 0)
        {
            // Nor is their meaning taken: the search for the nearest passages began with it, before the words told which
            // passages these are, and begins again; the first one is given up.
            meaning = meaning.Restart(query with { Formulations = [] });
        }
        var someHeldWords = words.Count > 0;
        if (mostlyShort && slots.Count > 1)
        {
            // The coordination reads the words a law's title holds too; the near tier below reads only those the text holds
            // (a word held by the title alone let an article into it: a second review).
            var heldWithTitles = (int[])wordsHeld.Clone();
            HeldByTitle(index, bm25, query, matchWord, slots, words, heldWithTitles);
            Coordinate(words, heldWithTitles, slots.Count);
        }

        if (asWritten.Count > 0)
        {
            var tiered = new double[asWritten.Count];
            for (var i = 0; i < tiered.Length; i++)
            {
                tiered[i] = AsWrittenTier + asWritten.Scores[i];
            }

            words = Max([words, new ScoredDocs(asWritten.Docs, tiered)]);
        }

        var byFormulation = Array.Empty<int>();
        foreach (var scored in amongArticles ? [] : formulations)
        {
            var holding = Formulation(scored, words);
            byFormulation = PostingsMath.Union([byFormulation, PostingsMath.Except(holding.Docs, words.Docs)]);
            words = words.Or(holding);
        }

        foreach (var phrase in query.Phrases)
        {
            words = words.And(bm25.Score(matchRun(phrase)));
        }

        foreach (var word in excluded)
        {
            words = words.Except(matchWord(word).Docs);
        }

        var near = query.Plain || query.Question ? new Dictionary<int, double>()
            : RewardOrder(index, words, query, nearMatches, thesaurus, exhaustive, nearAhead, HoldsTwoWords(counted, wordsHeld, slots.Count));
        int[]? byMeaningAlone = null;
        // A query some passage holds as written is a formulation: its passages rank first as they are, meaning reorders the
        // passages counted for its words, and passages join for their meaning alone only to fill the first page (so too one
        // held as typed once its function words are left out, FreeTextQuery.HeldBare).
        if (meaning is not null)
        {
            (words, byMeaningAlone) = FuseMeaning(words, meaning, MostSpecific(query.Slots, matchWord), admit: asWritten.Count == 0 && !query.HeldBare ? MeaningDepth : Math.Max(0, MeaningFill - words.Count));
        }

        return new Ranking
        {
            Scored = words, AsWritten = asWritten.Docs, Titled = titled?.Docs ?? [], Near = near, MinimumMatch = minimum,
            NotCountedAlone = [.. query.Slots.Where((_, i) => i < 64 && (uncounted & (1UL << i)) != 0).Select(slot => slot.Text)], Meaning = byMeaningAlone ?? [], MeaningSearched = byMeaningAlone is not null,
            MeaningQuery = byMeaningAlone is null ? null : meaning!.Query, Formulation = byFormulation, FormulationsSearched = !amongArticles, MostlyShort = someHeldWords || query.Plain ? mostlyShort : MostlyShort(index, words), // none held enough words: read on those counted otherwise
        };
    }

    /// <summary>
    /// When some passage holds the query as written, passages join for their meaning alone only while fewer than this many
    /// are counted (the first page): 公款大吃大喝 is held as written once, and 铺张浪费 and 奢侈之风 are what it means.
    /// </summary>
    private const int MeaningFill = 10;

    /// <summary>The passages nearest the query's meaning this deep set the scale of its credit (the nearest 1, this one 0) and may join.</summary>
    private const int MeaningDepth = 30;

    /// <summary>
    /// The meaning credit's weight beside the word score (the best word score being 1); tuned on the tune split against
    /// reciprocal rank fusion and other weights (docs/relevance.md).
    /// </summary>
    internal const double MeaningWeight = 0.75;

    /// <summary>
    /// The meaning credit has its full weight when at least this share of the passages nearest the query's meaning agree
    /// with its words, and less in proportion below it (chosen on the tune split: docs/relevance.md).
    /// </summary>
    internal const double MeaningAgreement = 0.4;

    /// <summary>
    /// The passages holding the query's most specific word: of its searched words (a slot's first word: the word itself or
    /// its first part), the one the fewest passages hold. Null for a query of one word (its words' passages say as much).
    /// </summary>
    internal static int[]? MostSpecific(IReadOnlyList<WordSlot> slots, Func<QueryWord, WordMatch> matchWord) =>
        slots.Count < 2 ? null
        : slots.Where(s => s.Words.Count > 0).Select(s => matchWord(s.Words[0]).Docs).Where(d => d.Length > 0).MinBy(d => d.Length);

    /// <summary>
    /// The meaning credit's weight for this query: <see cref="MeaningWeight"/> times how far its vector agrees with its words,
    /// the share of the passages nearest its meaning (<paramref name="nearest"/>) that its words count (<paramref name="words"/>)
    /// or that hold its most specific word (<paramref name="specific"/>, sorted; <see cref="MostSpecific"/>), over
    /// <see cref="MeaningAgreement"/> and at most 1. A vector that lands among passages the words do not find is more often
    /// read wrong (a broad word's neighbours outweighing the query's topic) than a meaning the words missed; one that lands
    /// among passages holding the query's rarest word is on its topic even where they hold too few of its other words to be
    /// counted (政府有哪些帮助高校毕业生就业的办法: passages on 高校毕业生 that say neither 政府, 帮助 nor 办法).
    /// </summary>
    internal static double MeaningWeightFor(ScoredDocs words, IReadOnlyList<(int Passage, float Cosine)> nearest, int[]? specific = null)
    {
        if (nearest.Count == 0)
        {
            return 0;
        }

        var counted = 0;
        foreach (var (doc, _) in nearest)
        {
            counted += Array.BinarySearch(words.Docs, 0, words.Count, doc) >= 0 || (specific is not null && Array.BinarySearch(specific, doc) >= 0) ? 1 : 0;
        }

        return MeaningWeight * Math.Min(1, (double)counted / nearest.Count / MeaningAgreement);
    }

    /// <summary>Only this many of the best word-ranked passages are given a meaning credit (the rest keep their BM25 order below).</summary>
    private const int FusionDepth = 1000;

    /// <summary>Fused scores are scaled to this (below <see cref="NearTier"/>), so they read like the other tiers' sums.</summary>
    private const double FusedScale = 10_000;

    /// <summary>
    /// Fuses the word ranking (below the as-written and near tiers) with the query's meaning: each passage's word score over
    /// the best one, plus <see cref="MeaningWeight"/> (less where the nearest passages are ones the words do not count and
    /// that do not hold the query's most specific word, <paramref name="specific"/>: <see cref="MeaningWeightFor"/>) times its meaning credit, which runs from 1 for the passage nearest
    /// the query's vector (<see cref="MeaningSearch"/>: from its words, their parts, their thesaurus terms: 买房 → 购房、住房, and the formulations it describes) to 0 at the
    /// <see cref="MeaningDepth"/>th nearest and below. So a passage holding the query's words well keeps its place unless
    /// others are much nearer in meaning. Up to <paramref name="admit"/> of the nearest passages that hold too few words join
    /// the ranking, nearest first (returned apart, for their label). Null when the query has no vector (none of its words or characters
    /// is known).
    /// </summary>
    private static (ScoredDocs Scored, int[]? Meaning) FuseMeaning(ScoredDocs words, MeaningSearch search, int[]? specific, int admit)
    {
        if (search.Query is not { } q || search.Nearest() is not { Count: > 0 } nearest)
        {
            return (words, null);
        }

        var vectors = search.Vectors;

        // The scale from the same exact cosines the credits use (the scan's are from a 7-bit query).
        var (best, edge) = (vectors.Similarity(q, nearest[0].Passage), vectors.Similarity(q, nearest[^1].Passage));
        var weight = MeaningWeightFor(words, nearest, specific);
        double Nearness(int doc) => best > edge ? Math.Clamp((vectors.Similarity(q, doc) - edge) / (best - edge), 0, 1) : 0;

        var max = BestBelowNear(words);
        var credited = BestScores.Below(words.Scores, words.Count, NearTier, FusionDepth);

        // In place (the word ranking's scores are this ranking's own): the scaling keeps their order below the near tier.
        var scores = words.Scores;
        for (var i = 0; i < words.Count; i++)
        {
            scores[i] = scores[i] >= NearTier ? scores[i] : scores[i] / max * FusedScale;
        }

        Cores.For(credited.Length, ApartFrom, j => scores[credited[j]] += weight * Nearness(words.Docs[credited[j]]) * FusedScale);

        // The nearest passages join whatever the weight (a query whose words find next to nothing is what they are for),
        // nearest first; with little of the weight left they follow the passages the words find.
        var added = new List<(int Doc, double Score)>();
        foreach (var (doc, _) in nearest)
        {
            if (added.Count < admit && Array.BinarySearch(words.Docs, doc) < 0 && Nearness(doc) is var near && near > 0)
            {
                added.Add((doc, (weight * near * FusedScale) + near));
            }
        }

        added.Sort((x, y) => x.Doc.CompareTo(y.Doc));
        var meaning = new ScoredDocs([.. added.Select(x => x.Doc)], [.. added.Select(x => x.Score)]);
        return (words.Or(meaning), meaning.Docs);
    }

    /// <summary>Above any passage's score as written (a BM25): a speech whose title holds every word of the query, by the share it covers.</summary>
    private const double TitleLookup = 100_000;

    /// <summary>
    /// The passages ranked first for their speech's title (<see cref="Ranking.Titled"/>), with the passages holding a run as
    /// written and above them: a speech looked up by its title's words (<see cref="TitleLookedUp"/>), else one named by some of
    /// them (<see cref="TitleNamed"/>). Null when the query has a word no passage holds or one searched through its thesaurus
    /// terms alone, or no title tells.
    /// </summary>
    private static ScoredDocs? TitleHits(IndexSnapshot index, FreeTextQuery query, Func<QueryWord, WordMatch> matchWord)
    {
        if (query.Missing.Count > 0 || query.Slots.Any(s => s.Words.Count == 0))
        {
            return null;
        }

        var headings = SearchStructures.Of(index).HeadingHits;
        List<IReadOnlyList<string>> forms = [.. query.Slots.Select(s => (IReadOnlyList<string>)[.. s.Words.Select(w => w.MatchForm)])];
        return TitleLookedUp(query, headings, forms)
            ?? (headings.TitlesHoldingMost(forms, w => NamesOne(query.Slots[w].Text), w => NamesACongress(query.Slots[w].Text)) is { } named ? TitleNamed(index, query, named, matchWord) : null);
    }

    /// <summary>
    /// A speech looked up by words of its title (2019年政府工作报告, 十八届中央纪委二次全会 讲话): its first passage, as its title hit,
    /// the titles the words (<paramref name="forms"/>) cover most first (<see cref="HeadingHits.TitlesHoldingAll"/>). Null when
    /// no title holds every searched word, or too many do, or the query leaves out a word of its own (持 and 坚 of
    /// 持统筹经济社会发展我们坚, a clause half-remembered, not a title): then only a title holding the query as typed, every
    /// character, is looked up (论联合政府, whose 论 is left out of the words, for 論聯合政府 (七大); <see cref="HeadingHits.TitlesHoldingAsTyped"/>).
    /// </summary>
    private static ScoredDocs? TitleLookedUp(FreeTextQuery query, HeadingHits headings, List<IReadOnlyList<string>> forms)
    {
        var titled = query.Dropped.All(d => QueryStopWords.Contains(d) || QueryStopWords.IsAnswerWord(d)) ? headings.TitlesHoldingAll(forms) : headings.TitlesHoldingAsTyped(Probe(query));
        if (titled is null)
        {
            return null;
        }

        var docs = titled.Keys.Order().ToArray();
        return new ScoredDocs(docs, [.. docs.Select(d => TitleLookup * titled[d])]);
    }

    /// <summary>
    /// A speech named by words of its title and asked about in the rest (2019年政府工作报告里说的减税降费): of the speeches whose
    /// titles hold the most words (<paramref name="named"/>, <see cref="HeadingHits.TitlesHoldingMost"/>), one a year or a
    /// congress (<see cref="NamesOne"/>), the passages holding every other word, below a speech looked up by all the words,
    /// those holding them most often first. Null when no passage of such a speech holds the rest.
    /// </summary>
    private static ScoredDocs? TitleNamed(IndexSnapshot index, FreeTextQuery query, List<(int Speech, bool[] Held, double Coverage)> named,
        Func<QueryWord, WordMatch> matchWord)
    {
        var scores = new Dictionary<int, double>();
        foreach (var (speech, held, coverage) in named.Where(n => Enumerable.Range(0, n.Held.Length).Any(w => n.Held[w] && NamesOne(query.Slots[w].Text))))
        {
            var passages = index.Speeches[speech].Passages.Order().ToArray();
            var occurrences = new double[passages.Length];
            var holdAll = Enumerable.Repeat(true, passages.Length).ToArray();
            for (var w = 0; w < held.Length; w++)
            {
                if (held[w] || DocumentNouns.Contains(query.Slots[w].Text))
                {
                    continue; // 报告 of 十九大报告 names the document its text does not say
                }

                var inWord = new bool[passages.Length];
                foreach (var word in query.Slots[w].Words)
                {
                    var match = matchWord(word);
                    for (var i = 0; i < passages.Length; i++)
                    {
                        var at = Array.BinarySearch(match.Docs, passages[i]);
                        if (at >= 0)
                        {
                            inWord[i] = true;
                            occurrences[i] += match.Frequency(at);
                        }
                    }
                }

                for (var i = 0; i < passages.Length; i++)
                {
                    holdAll[i] &= inWord[i];
                }
            }

            for (var i = 0; i < passages.Length; i++)
            {
                if (holdAll[i])
                {
                    scores[passages[i]] = (TitleLookup / 2 * coverage) + Math.Min(occurrences[i], 100);
                }
            }
        }

        if (scores.Count == 0)
        {
            return null;
        }

        var docs = scores.Keys.Order().ToArray();
        return new ScoredDocs(docs, [.. docs.Select(d => scores[d])]);
    }

    /// <summary>
    /// Whether a word of a title names one speech among its kind: a year (2019年, 一九五四年) or a congress (十九大). A title's
    /// other words are a slogan many clauses share (沿着有中国特色的社会主义道路前进): named by those alone, the title raised that
    /// speech's passages above a writer's half-remembered clause (held-out known items, MRR@10 0.993 → 0.983).
    /// </summary>
    private static bool NamesOne(string word) => FreeTextReader.YearForms(word).Any() || NamesACongress(word);

    /// <summary>
    /// Whether a word names a party congress (十九大), and so, in a title, one speech by itself: its report, whose title says the
    /// congress (决胜全面建成小康社会… (十九大)). A year names every speech of that year.
    /// </summary>
    private static bool NamesACongress(string word) => word.Length >= 2 && word[^1] == '大' && word[..^1].All(c => "一二三四五六七八九十".Contains(c));

    /// <summary>Words naming what a document is, which a speech named by its title need not hold (十九大报告关于从严治党).</summary>
    private static readonly HashSet<string> DocumentNouns = ["报告", "工作报告", "讲话", "文件", "全文", "原文", "决议", "文章"];

    /// <summary>The best passage holding a formulation the query describes scores this share of the best word score.</summary>
    public const double FormulationWeight = 1.0;

    /// <summary>
    /// The passages holding a formulation the query describes (<see cref="FreeTextQuery.Formulations"/>; not negated:
    /// <see cref="WordMatches.Affirmed"/>), by its BM25 scaled so that the best scores <see cref="FormulationWeight"/> times the
    /// best word score below the as-written tier; added to their own word scores.
    /// </summary>
    private static ScoredDocs Formulation(ScoredDocs formulation, ScoredDocs words)
    {
        var best = BestBelowNear(words);
        var top = formulation.Count == 0 ? 0 : formulation.Scores.Max();
        if (top <= 0)
        {
            return ScoredDocs.Empty;
        }

        var scale = FormulationWeight * (best > 0 ? best : top) / top;
        return new ScoredDocs(formulation.Docs, [.. formulation.Scores.Select(s => s * scale)]);
    }

    /// <summary>How many passages the meaning-alone ranking returns.</summary>
    private const int MeaningAloneDepth = 100;

    /// <summary>
    /// <see cref="SearchMode.Vectors"/>, the dense baseline that <c>eval-topical</c> compares: the <see cref="MeaningAloneDepth"/>
    /// passages nearest the vector of the query's words (segmented, question and function words dropped), by cosine alone.
    /// </summary>
    private static Ranking RankByMeaningAlone(IndexSnapshot index, ParsedQuery query, Func<QueryWord, WordMatch> matchWord)
    {
        var structures = SearchStructures.Of(index);
        var words = query.Required.SelectMany(c => c.Alternatives).Where(w => !w.Quoted)
            .SelectMany(w => structures.Segmenter.Segment(w.MatchForm)).Where(w => w.Kind == Analysis.WordKind.Han).Select(w => w.Text).Distinct().ToList();
        if (structures.PassageVectors is not { } vectors
            || vectors.Query(words, w => matchWord(new QueryWord(w, false, w)).Docs) is not { } q)
        {
            return new Ranking { Scored = ScoredDocs.Empty, AsWritten = [], Near = new Dictionary<int, double>() };
        }

        var nearest = vectors.Nearest(q, MeaningAloneDepth).OrderBy(n => n.Passage).ToList();
        var docs = nearest.Select(n => n.Passage).ToArray();
        return new Ranking
        {
            Scored = new ScoredDocs(docs, [.. nearest.Select(n => (double)n.Cosine)]),
            AsWritten = [], Near = new Dictionary<int, double>(), Meaning = docs, MeaningSearched = true,
        };
    }

    /// <summary>A run that is itself one of the words searched: holding it as written is holding that word.</summary>
    private static bool IsOneSlot(FreeTextQuery query, QueryWord run) => query.Slots.Any(s => !s.Split && s.Text == run.MatchForm);

    /// <summary>
    /// A long word's components held together score at this times their mean BM25 (chosen on the tune split against 2 and no
    /// components: docs/relevance.md); a passage holding the word itself keeps the better of the two.
    /// </summary>
    public const double ComponentsWeight = 3.0;

    /// <summary>
    /// A word's score in each passage: the best of the word (or its parts, summed), its thesaurus terms, weighted, and its
    /// components where a passage holds them all (<see cref="ComponentsWeight"/>).
    /// </summary>
    private static ScoredDocs SlotScores(Bm25 bm25, WordSlot slot, Func<QueryWord, WordMatch> match)
    {
        // A word's parts summed (each word's scores made afresh: the ranking may change them in place).
        var scores = slot.Words.Count == 0 ? ScoredDocs.Empty : bm25.Score(match(slot.Words[0]));
        foreach (var part in slot.Words.Skip(1))
        {
            scores = scores.Or(bm25.Score(match(part)));
        }

        var best = new List<ScoredDocs> { scores };
        foreach (var term in slot.Expansions)
        {
            var expanded = bm25.Score(match(term));
            for (var i = 0; i < expanded.Count; i++)
            {
                expanded.Scores[i] *= ExpansionWeight;
            }

            best.Add(expanded);
        }

        if (slot.Components.Count > 1)
        {
            var together = Conjunction(slot.Components, bm25, match);
            for (var i = 0; i < together.Count; i++)
            {
                together.Scores[i] *= ComponentsWeight / slot.Components.Count;
            }

            best.Add(together);
        }

        return Max(best);
    }

    /// <summary>
    /// Documents in any of <paramref name="all"/>; where several, the highest score (one of them itself when the others are
    /// empty, else fresh arrays).
    /// </summary>
    internal static ScoredDocs Max(List<ScoredDocs> all)
    {
        all.RemoveAll(s => s.Count == 0);
        if (all.Count <= 1)
        {
            return all.Count == 0 ? ScoredDocs.Empty : all[0];
        }

        var count = 0;
        Union(all, highest: true, (_, _, _) => count++);
        var into = ScoredDocs.Exactly(count);
        var n = 0;
        Union(all, highest: true, (doc, _, score) => (into.Docs[n], into.Scores[n++]) = (doc, score));
        return into;
    }

    /// <summary>
    /// Counted passages shorter than this in median (characters) are articles or clauses, not speech paragraphs: a law's
    /// articles run 40–100 characters in median on the legal needs, the speeches' passages 200–550 on the topical ones.
    /// </summary>
    internal const int ShortPassages = 150;

    /// <summary>
    /// In short passages the word score is multiplied by the share of the query's words held to this power (docs/relevance.md).
    /// </summary>
    internal const double CoordinationPower = 2;

    /// <summary>How many counted passages, evenly spread over them, tell whether they are mostly short.</summary>
    private const int LengthSample = 255;

    /// <summary>
    /// Whether the passages counted for a query's words are mostly short (<see cref="ShortPassages"/>, read from an even
    /// sample of them): the query is searching articles of law or regulation rather than speeches.
    /// </summary>
    private static bool MostlyShort(IndexSnapshot index, ScoredDocs words)
    {
        if (words.Count == 0)
        {
            return false;
        }

        var n = Math.Min(words.Count, LengthSample);
        Span<int> lengths = stackalloc int[n]; // at most 255: no allocation on the search's path
        for (var i = 0; i < n; i++)
        {
            var doc = words.Docs[(int)((long)i * words.Count / n)];
            lengths[i] = index.Passages[doc].End - index.Passages[doc].Start;
        }

        lengths.Sort();
        return lengths[n / 2] < ShortPassages;
    }

    /// <summary>A word an article's title holds and its text does not: its score relative to the word's idf (<see cref="HeldByTitle"/>).</summary>
    internal const double TitleHeldWeight = 0.5;

    /// <summary>
    /// An article is read with its law's title (BM25F's title field): a word of the question the title holds and the article's
    /// text does not counts as held where the words are coordinated (<paramref name="wordsHeld"/>), and adds
    /// <see cref="TitleHeldWeight"/> times its idf to the article's score. An article rarely repeats its law's place or subject:
    /// 在北京的饭馆里抽烟被人举报了 is answered by 北京市控制吸烟条例's 第二十五条, which does not say 北京, and 我家孩子在上海读初中，放学自己走回家，
    /// 路上摔伤了 brought 洛阳's and 郑州's rules on pupils' injuries first, not 上海's (docs/relevance.md, sixty-eighth session: lay legal questions
    /// recall@10 0.267 → 0.317 on a set written in the style of online legal questions, 0.383 → 0.400 on the first set, the set
    /// tuned on unchanged). Only the passages already counted are read, so no article is counted for its title alone.
    /// A title holding only a thesaurus term of the word counts in full, not at <see cref="ExpansionWeight"/>: the term is
    /// then the official name the title gives the question's everyday word (鞭炮 → 烟花爆竹, 个税 → 个人所得税, 租房 → 房屋租赁),
    /// not a related word that may mean something else; at 0.6 every figure that moved fell (lay questions 0.400 → 0.383,
    /// legal needs 0.513 / 0.491 → 0.504 / 0.485; docs/relevance.md, sixty-ninth session).
    /// </summary>
    private static void HeldByTitle(IndexSnapshot index, Bm25 bm25, FreeTextQuery query, Func<QueryWord, WordMatch> matchWord, List<ScoredDocs> slots,
        ScoredDocs words, int[] wordsHeld)
    {
        var structures = SearchStructures.Of(index);
        var titled = new bool[slots.Count][];
        var bonus = new double[slots.Count];
        var any = false;
        for (var s = 0; s < slots.Count; s++)
        {
            foreach (var form in query.Slots[s].Words.Concat(query.Slots[s].Expansions).Select(w => w.MatchForm).Distinct(StringComparer.Ordinal))
            {
                foreach (var speech in structures.Titles.Matching(form))
                {
                    titled[s] ??= new bool[index.Speeches.Count];
                    titled[s][speech] = any = true;
                }
            }

            // The word's own rarity (the passages holding it, not only those counted: the shortcut path gives what the exhaustive one does).
            var slot = query.Slots[s];
            var frequency = slot.Words.Count > 0 ? matchWord(slot.Words[0]).DocFrequency : slot.Expansions.Select(w => matchWord(w).DocFrequency).DefaultIfEmpty(0).Max();
            bonus[s] = TitleHeldWeight * bm25.Idf(Math.Max(1, frequency));
        }

        if (!any)
        {
            return;
        }

        var rows = structures.Rows;
        for (var i = 0; i < words.Count; i++)
        {
            var doc = words.Docs[i];
            var speech = rows[doc].Speech;
            for (var s = 0; s < slots.Count; s++)
            {
                if (titled[s] is { } marks && marks[speech] && Array.BinarySearch(slots[s].Docs, doc) < 0)
                {
                    wordsHeld[i]++;
                    words.Scores[i] += bonus[s];
                }
            }
        }
    }

    /// <summary>
    /// Multiplies each passage's word score by the share of the query's <paramref name="slots"/> words it holds (<paramref name="wordsHeld"/>,
    /// in the passages' order) to <see cref="CoordinationPower"/> (Lucene's classic coord). An article is short: BM25 gives
    /// each word it holds about its rarity, so one holding two rare words of a question outscores one holding all three, and
    /// which of the question's words an article holds says more than how often it holds them (离婚后孩子归谁抚养: 第一千零八十四条
    /// holds 离婚后, 子女 and 抚养; 第一千零六十七条, on support in general, only the last two).
    /// </summary>
    private static void Coordinate(ScoredDocs words, int[] wordsHeld, int slots)
    {
        for (var i = 0; i < words.Count; i++)
        {
            words.Scores[i] *= Math.Pow((double)wordsHeld[i] / slots, CoordinationPower);
        }
    }

    /// <summary>
    /// A word held by this share of the passages or more, by <see cref="CommonFloor"/> passages at least, and by
    /// <see cref="CommonRatio"/> times as many as the query's rarest word, is common (管理 beside 网约车): once the minimum is
    /// lowered, a passage holding only common words does not count (网约车管理, held together by three passages of the shared
    /// corpus: those holding 网约车 count, not the 54,308 holding 管理), unless every word is common. Lucene's CommonTermsQuery
    /// draws the same line. In a small archive the words lowering lets in are few and the archive's own subjects are its
    /// commonest words (腐败 in five speeches on discipline, beside 防止), so the floor keeps them counted.
    /// </summary>
    internal const double CommonShare = 0.05;

    /// <summary>The fewest passages a common word is held by (<see cref="CommonShare"/>).</summary>
    internal const int CommonFloor = 1000;

    /// <summary>How many times the passages of the query's rarest word a common word is held by (<see cref="CommonShare"/>).</summary>
    internal const double CommonRatio = 20;

    /// <summary>
    /// Which of the slots are common (<see cref="CommonShare"/>) among <paramref name="passages"/> passages, or a year
    /// (<see cref="FreeTextReader.YearForms"/>): a year is when, not what, so once the minimum is lowered a passage holding only
    /// the year does not count (2022年 作风建设: passages of 2022 holding 党建 but not 作风建设 ranked third, the user trial found).
    /// </summary>
    private static bool[] Common(List<ScoredDocs> slots, int passages, IReadOnlyList<WordSlot> words)
    {
        var rarest = slots.Count == 0 ? 0 : slots.Min(slot => slot.Count);
        var from = Math.Max(CommonFloor, CommonShare * passages);
        bool[] common = [.. slots.Select(slot => slot.Count >= from && slot.Count >= CommonRatio * Math.Max(1, rarest))];
        bool[] withYears = [.. common.Select((c, s) => c || FreeTextReader.YearForms(words[s].Text).Any())];

        // Where the years and the common words are all the words (1964年 建设), the common ones alone are not counted, as before:
        // counting none out (every word common) would count the 30,000 passages holding 建设.
        return withYears.All(c => c) ? common : withYears;
    }

    /// <summary>
    /// The passages holding at least <paramref name="minimum"/> of the words, their scores summed, with how many of the words
    /// each holds (none for one word, which each holds); with fewer than <see cref="FewResults"/>, the minimum is lowered until
    /// that many hold it or it is 1 (returned with the passages), unless <paramref name="lowers"/> is false. Below the minimum
    /// asked for, a passage must hold a word that is not <paramref name="common"/> (when some word is not): the common words
    /// not counted alone are returned (bit s for slot s, of the first 64; 0 when the rule left nothing out).
    /// </summary>
    internal static (ScoredDocs Docs, int Minimum, int[] WordsHeld, ulong NotCountedAlone) AtLeast(List<ScoredDocs> slots, int minimum, int asWritten,
        bool lowers = true, IReadOnlyList<bool>? common = null)
    {
        if (slots.Count == 0)
        {
            return (ScoredDocs.Empty, 0, [], 0);
        }

        if (slots.Count == 1)
        {
            // Every passage holds the one word: all count, as they are (and none is coordinated: no counts).
            return (slots[0], Math.Min(minimum, 1), [], 0);
        }

        // Two walks of the lists side by side: the first counts how many passages hold each number of words, the second
        // keeps those holding at least the minimum, in arrays of their exact size.
        var held = new int[slots.Count + 1];
        Union(slots, highest: false, (_, count, _) => held[count]++);

        // Too few passages hold that many words: lower the minimum (those holding more still rank higher by their sums).
        var requested = Math.Min(minimum, slots.Count);
        var atLeast = asWritten; // (a few passages may be counted twice: the threshold is a rough one)
        for (var m = slots.Count; m >= 1; m--)
        {
            atLeast += held[m];
            if (m <= minimum && (atLeast >= FewResults || m == 1 || !lowers))
            {
                minimum = m;
                break;
            }
        }

        var onlyCommon = minimum < requested ? CommonMask(common, slots.Count) : 0;
        bool Counts(int count, ulong mask) => count >= minimum && (count >= requested || onlyCommon == 0 || (mask & ~onlyCommon) != 0);
        var size = held.Skip(Math.Max(0, minimum)).Sum();
        if (onlyCommon != 0)
        {
            var before = size;
            size = 0;
            Union(slots, highest: false, (_, count, _, mask) => size += Counts(count, mask) ? 1 : 0);
            onlyCommon = size < before ? onlyCommon : 0;
        }

        var kept = ScoredDocs.Exactly(size);
        var wordsHeld = new int[kept.Count];
        var n = 0;
        Union(slots, highest: false, (doc, count, score, mask) =>
        {
            if (Counts(count, mask))
            {
                wordsHeld[n] = count;
                (kept.Docs[n], kept.Scores[n++]) = (doc, score);
            }
        });

        return (kept, minimum, wordsHeld, onlyCommon);
    }

    /// <summary>The common slots as bits (slot s as bit s), or 0 when none is, all are, or there are more than 64.</summary>
    private static ulong CommonMask(IReadOnlyList<bool>? common, int slots)
    {
        if (common is null || slots > 64)
        {
            return 0;
        }

        var mask = 0UL;
        for (var s = 0; s < slots; s++)
        {
            mask |= common[s] ? 1UL << s : 0;
        }

        return mask == (slots == 64 ? ulong.MaxValue : (1UL << slots) - 1) ? 0 : mask;
    }

    /// <summary>
    /// Each passage in any of <paramref name="slots"/>, ascending, with how many hold it and their scores summed in the slots'
    /// order (with <paramref name="highest"/>, the highest of them instead).
    /// </summary>
    private static void Union(List<ScoredDocs> slots, bool highest, Action<int, int, double> each) =>
        Union(slots, highest, (doc, count, score, _) => each(doc, count, score));

    /// <summary>From how many slots <see cref="Union(List{ScoredDocs}, bool, Action{int, int, double, ulong})"/> keeps its heads in a heap rather than scanning them all for each passage.</summary>
    private const int HeapFrom = 9;

    /// <summary>As above, with which of the slots hold each passage (bit s for slot s, of the first 64).</summary>
    private static void Union(List<ScoredDocs> slots, bool highest, Action<int, int, double, ulong> each)
    {
        if (slots.Count >= HeapFrom)
        {
            UnionByHeap(slots, highest, each);
            return;
        }

        var heads = new int[slots.Count];
        while (true)
        {
            var doc = int.MaxValue;
            for (var s = 0; s < slots.Count; s++)
            {
                if (heads[s] < slots[s].Count && slots[s].Docs[heads[s]] < doc)
                {
                    doc = slots[s].Docs[heads[s]];
                }
            }

            if (doc == int.MaxValue)
            {
                return;
            }

            var (count, score, mask) = (0, highest ? double.MinValue : 0.0, 0UL);
            for (var s = 0; s < slots.Count; s++)
            {
                if (heads[s] < slots[s].Count && slots[s].Docs[heads[s]] == doc)
                {
                    count++;
                    mask |= s < 64 ? 1UL << s : 0;
                    var next = slots[s].Scores[heads[s]++];
                    score = highest ? Math.Max(score, next) : score + next;
                }
            }

            each(doc, count, score, mask);
        }
    }

    /// <summary>
    /// <see cref="Union(List{ScoredDocs}, bool, Action{int, int, double, ulong})"/> for many slots (a pasted paragraph read as
    /// 250 words): the slots' heads in a heap keyed by passage, then slot, so each passage's slots come out in their order and
    /// its score is summed as the scan sums it, in time of the postings times the log of the slots rather than the passages
    /// times the slots (0.6 s for 254 words over the shared corpus).
    /// </summary>
    private static void UnionByHeap(List<ScoredDocs> slots, bool highest, Action<int, int, double, ulong> each)
    {
        static long Key(int doc, int slot) => ((long)doc << 32) | (uint)slot;
        var heads = new int[slots.Count];
        var queue = new PriorityQueue<int, long>(slots.Count);
        for (var s = 0; s < slots.Count; s++)
        {
            if (slots[s].Count > 0)
            {
                queue.Enqueue(s, Key(slots[s].Docs[0], s));
            }
        }

        while (queue.TryPeek(out _, out var first))
        {
            var doc = (int)(first >> 32);
            var (count, score, mask) = (0, highest ? double.MinValue : 0.0, 0UL);
            while (queue.TryPeek(out var s, out var key) && (int)(key >> 32) == doc)
            {
                count++;
                mask |= s < 64 ? 1UL << s : 0;
                var next = slots[s].Scores[heads[s]++];
                score = highest ? Math.Max(score, next) : score + next;
                if (heads[s] < slots[s].Count)
                {
                    queue.DequeueEnqueue(s, Key(slots[s].Docs[heads[s]], s));
                }
                else
                {
                    queue.Dequeue();
                }
            }

            each(doc, count, score, mask);
        }
    }

    /// <summary>From how many passages their credits or alignments are shared between cores (<see cref="Cores"/>): few are not worth it.</summary>
    private const int ApartFrom = 16;

    /// <summary>The best score below the near tier (the best word score; 0 when none).</summary>
    private static double BestBelowNear(ScoredDocs scored)
    {
        var best = 0.0;
        foreach (var score in scored.Scores)
        {
            best = score < NearTier ? Math.Max(best, score) : best;
        }

        return best;
    }

    /// <summary>The similarity from which a passage holding only one of the query's words joins the near tier (<see cref="HoldsTwoWords"/>).</summary>
    internal const double NearWithOneWord = 0.85;

    /// <summary>
    /// Whether a passage holds two of the query's words (of <paramref name="slots"/>; any passage when it asks for one):
    /// what the near tier asks beside the alignment, which one long word alone can reach (领导干部 is 4 of 领导干部收红包's 7
    /// characters, and every passage holding it ranked above those holding 领导干部 and 受贿). <paramref name="counted"/> and
    /// <paramref name="held"/> are the words' join and how many words each of its passages holds (<see cref="AtLeast"/>).
    /// </summary>
    private static Func<int, bool> HoldsTwoWords(ScoredDocs counted, int[] held, int slots) => slots < 2 || held.Length != counted.Count ? _ => true
        : doc => Array.BinarySearch(counted.Docs, doc) is var i && i >= 0 && held[i] >= 2;

    /// <summary>
    /// Whether the part of a passage the query aligns with (<paramref name="start"/>..<paramref name="end"/> of its match text)
    /// holds two of the query's words, a word counted through one of its components of two characters or more: a passage that
    /// says the query with its last word changed (以人民为中心的发展思想 for 以人民为中心的发展理念: 发展 of 发展理念 is aligned)
    /// holds one word whole, yet says the query nearly as written; one holding a word and a character of the next (领导干部收入
    /// for 领导干部收红包) does not.
    /// </summary>
    private static bool AlignedHoldsTwoWords(FreeTextQuery query, string passage, int start, int end) =>
        query.Slots.Count >= 2 && start >= 0 && end > start && end <= passage.Length
        && AlignedHoldsTwoWords(passage.AsSpan(start, end - start), query.Slots.Select(s => (s.Text, s.Components.Select(c => c.MatchForm))));

    /// <summary>
    /// Whether <paramref name="aligned"/> holds two of <paramref name="words"/> (each with its components), a word counted
    /// through one of its components of two characters or more: the near tier's test, and the reader's (<c>Searcher.AlignedSpans</c>).
    /// </summary>
    internal static bool AlignedHoldsTwoWords(ReadOnlySpan<char> aligned, IEnumerable<(string Word, IEnumerable<string> Components)> words)
    {
        var held = 0;
        foreach (var (word, components) in words)
        {
            var holds = aligned.Contains(word, StringComparison.Ordinal);
            foreach (var component in components)
            {
                holds |= component.Length >= 2 && aligned.Contains(component, StringComparison.Ordinal);
            }

            held += holds ? 1 : 0;
        }

        return held >= 2;
    }

    /// <summary>
    /// The near tier's floor for a probe of <paramref name="probeLength"/> characters: the near matches' minimum, and where the
    /// query has two words or more, a character more than the longest of <paramref name="words"/> (<see cref="RewardOrder"/>).
    /// </summary>
    internal static double NearFloor(NearMatchOptions options, int probeLength, IReadOnlyCollection<string> words) =>
        Math.Max(options.MinSimilarity, words.Count < 2 ? 0 : (words.Max(w => w.Length) + 1.0) / probeLength);

    /// <summary>The query's runs as one string, without their breaks: what near matching aligns.</summary>
    private static string Probe(FreeTextQuery query) =>
        string.Concat(query.Runs.Select(r => r.MatchForm.Replace(Analysis.MatchText.Break.ToString(), "", StringComparison.Ordinal)));

    /// <summary>Whether the near matcher looks for <paramref name="probe"/> too (a clause), beside the order of the best word matches.</summary>
    private static bool IsClause(string probe) => probe.Length >= ClauseLength && probe.Length <= QueryParser.MaxLength / 4;

    /// <summary>
    /// Of the best passages below the as-written tier, those that hold the query nearly in order (its runs aligned with the
    /// passage, characters missing or added allowed) rise: those holding at least <see cref="NearMatchOptions.MinSimilarity"/>
    /// of it form the near tier (a half-remembered clause finds its passage), the others gain by the square of the share.
    /// </summary>
    private static Dictionary<int, double> RewardOrder(IndexSnapshot index, ScoredDocs scored, FreeTextQuery query, NearMatchOptions options, Thesaurus? thesaurus,
        bool exhaustive, NearAhead? ahead, Func<int, bool> holdsTwoWords)
    {
        var near = new Dictionary<int, double>();
        var probe = Probe(query);
        if (scored.Count == 0 || probe.Length < 3)
        {
            return near;
        }

        // The near tier asks more of the query than its longest word: a passage holding 领导干部 reaches 4 of 领导干部收红包's 7
        // characters, more than the minimum similarity, and is no nearer the query as written than any other holding it.
        // Nor does a passage holding one word of the query and a character of the next (领导干部收入 for 领导干部收红包) join it
        // unless it holds nearly all of it (改善经营管理 for 持续改善经营管理, read as 持续 | 改善经营管理).
        var floor = NearFloor(options, probe.Length, [.. query.Slots.Select(s => s.Text)]);
        bool Near(double similarity, int doc, int start, int end) => similarity >= floor
            && (similarity >= NearWithOneWord || holdsTwoWords(doc) || AlignedHoldsTwoWords(query, index.Passages[doc].MatchText, start, end));

        if (IsClause(probe))
        {
            // A clause: the near matcher's own candidates (passages sharing the most of its rarer bigrams) are aligned too,
            // so a half-remembered clause finds its passage even where common words crowd it out of the word ranking.
            bool Counted(int doc)
            {
                var i = Array.BinarySearch(scored.Docs, doc);
                return i >= 0 && scored.Scores[i] < AsWrittenTier;
            }

            var found = ahead?.Found(scored, AsWrittenTier)
                ?? NearMatcher.Find(index, probe, thesaurus?.Substitutions(probe, options.MaxVariants) ?? [], Counted, options, exhaustive, within: scored.Docs);
            foreach (var m in found.Where(m => Near(m.Similarity, m.Doc, m.MatchStart, m.MatchEnd)))
            {
                var i = Array.BinarySearch(scored.Docs, m.Doc);
                near[m.Doc] = m.Similarity;
                scored.Scores[i] = NearTier + (m.Similarity * 1000) + scored.Scores[i];
            }
        }

        // The best hundred aligned apart, shared between the cores; the best score scales the gain.
        var ordered = BestScores.Below(scored.Scores, scored.Count, NearTier, FreeTextOrderDepth);
        var best = BestBelowNear(scored);

        var scorer = NearMatcher.For(probe);
        var similarities = new (double Similarity, int Start, int End)[ordered.Length];
        Cores.For(ordered.Length, ApartFrom, j =>
        {
            var doc = scored.Docs[ordered[j]];
            similarities[j] = near.ContainsKey(doc) ? default : scorer.Score(index.Passages[doc].MatchText, double.NegativeInfinity) is var a ? (a.Similarity, a.Start, a.End) : default;
        });

        for (var j = 0; j < ordered.Length; j++)
        {
            var i = ordered[j];
            if (near.ContainsKey(scored.Docs[i]))
            {
                continue;
            }

            var (similarity, start, end) = similarities[j];
            if (probe.Length >= options.MinLengthAlongsideStrict && Near(similarity, scored.Docs[i], start, end))
            {
                near[scored.Docs[i]] = similarity;
                scored.Scores[i] = NearTier + (similarity * 1000) + scored.Scores[i];
            }
            else
            {
                scored.Scores[i] += similarity * similarity * best;
            }
        }

        return near;
    }
}
