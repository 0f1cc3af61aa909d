using System.Diagnostics;
using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// "More like this": for a passage, the most similar passages of other speeches — candidates from the postings of its most
/// distinctive bigrams (tf·idf) and the passages nearest it by meaning, ranked by a mix of the cosine of their bigram tf·idf
/// vectors and of their meaning vectors — with the strings both share.
/// </summary>
public static class SimilarPassages
{
    private const int QueryTerms = 40;
    private const int Candidates = 300;

    /// <summary>
    /// Builds what makes the comparisons cheaper (the passages' vector norms) now, instead of in the background on the first
    /// request; the results are the same either way.
    /// </summary>
    public static void Prepare(IndexSnapshot index)
    {
        ArgumentNullException.ThrowIfNull(index);
        PassageNorms.Prepare(index);
    }

    /// <summary>
    /// The share of a candidate's score that is the cosine of the passages' meaning vectors (the rest is the bigram tf·idf
    /// cosine); passages nearest by meaning are candidates too. Chosen by reading (docs/writers.md).
    /// </summary>
    public const double DefaultMeaningWeight = 0.3;

    /// <summary>Candidates nearest the source by meaning, beside those sharing its bigrams.</summary>
    private const int MeaningCandidates = 50;

    /// <summary>
    /// Null when there is no passage with that id. <paramref name="meaningWeight"/>: 0 ranks by shared bigrams alone, 1 by
    /// meaning alone (for comparisons), default <see cref="DefaultMeaningWeight"/>.
    /// </summary>
    public static SimilarResult? Find(IndexSnapshot index, string passageId, int limit = 10, double meaningWeight = DefaultMeaningWeight)
    {
        ArgumentNullException.ThrowIfNull(index);
        var clock = Stopwatch.StartNew();
        if (index.FindPassage(passageId) is not int source)
        {
            return null;
        }

        var speech = index.Passages[source].Speech;
        var text = index.Passages[source].MatchText;
        var vector = TermVector.Of(index, text);
        var keys = vector.Weights.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(QueryTerms).Select(kv => kv.Key).ToList();
        var speechOf = index.PassageSpeech;
        var weight = Math.Clamp(meaningWeight, 0, 1);
        var vectors = weight > 0 ? index.MeaningVectors : null;
        var meaning = vectors?.VectorOf(source);
        using var idf = IdfMemo.Begin(index);
        var norms = PassageNorms.TryGet(index);
        var reprints = SearchStructures.Of(index).Reprints;
        var ownGroup = reprints.GroupOf(source);
        bool Other(int d) => speechOf[d] != speech && (ownGroup < 0 || reprints.GroupOf(d) != ownGroup); // the source's own reprints are it

        List<(int Doc, double Score)> Scored(int pool, int near)
        {
            var candidates = weight >= 1 ? [] : BigramCandidates.Top(index, keys, pool, 0.1, Other).Select(c => c.Doc).ToList();
            if (vectors is not null && meaning is not null)
            {
                // The nearest of other speeches (a few more are asked for: the source's own speech is often nearest).
                candidates = [.. candidates.Union(vectors.Nearest(meaning, near * 2).Select(n => n.Passage).Where(Other).Take(near))];
            }

            var scored = new List<(int Doc, double Score)>(candidates.Count);
            foreach (var doc in candidates)
            {
                var words = weight >= 1 ? 0 : vector.CosineWith(idf, index.Passages[doc].MatchText, norms is null ? double.NaN : norms[doc]);
                var nearness = meaning is null ? 0 : Math.Max(0, vectors!.Similarity(meaning, doc));
                scored.Add((doc, meaning is null ? words : ((1 - weight) * words) + (weight * nearness)));
            }

            return scored;
        }

        // The texts printed more than once are listed once, as the search lists them, under the best of them. Where the folded
        // ones leave the list short (a clause fifty reports repeat fills the candidates), more candidates are taken, once.
        var wanted = Math.Clamp(limit, 0, 100);
        var (listed, folded) = Folded(reprints, Scored(Candidates, MeaningCandidates), wanted);
        if (listed.Count < wanted && folded > 0)
        {
            (listed, _) = Folded(reprints, Scored(Candidates + folded, MeaningCandidates + folded), wanted);
        }

        var bounds = listed.Count == 0 ? [] : WordBounds(index, text);
        var described = listed.Select(s => Describe(index, source, bounds, s.Doc, s.Score) with { Reprints = [.. s.Folded.Select(d => PassageSource.Of(index, d))] }).ToList();
        return new SimilarResult
        {
            Source = PassageSource.Of(index, source),
            Text = index.PassageText(source),
            Similar = described,
            Reprints = [.. reprints.Members(source).ToArray().Where(d => d != source && speechOf[d] != speech).Select(d => PassageSource.Of(index, d))],
            TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
        };
    }

    /// <summary>
    /// The best <paramref name="wanted"/> of <paramref name="scored"/>, each text printed more than once listed at its best with
    /// the others under it, and how many were folded so.
    /// </summary>
    private static (List<(int Doc, double Score, List<int> Folded)> Listed, int Folded) Folded(Search.Reprints reprints, List<(int Doc, double Score)> scored, int wanted)
    {
        var listed = new List<(int Doc, double Score, List<int> Folded)>();
        var groupAt = new Dictionary<int, int>();
        var folded = 0;
        foreach (var (doc, score) in scored.OrderByDescending(s => s.Score).ThenBy(s => s.Doc))
        {
            var group = reprints.GroupOf(doc);
            if (group >= 0 && groupAt.TryGetValue(group, out var at))
            {
                listed[at].Folded.Add(doc);
                folded++;
                continue;
            }

            if (listed.Count == wanted)
            {
                continue; // a later one may still fold under one listed
            }

            if (group >= 0)
            {
                groupAt[group] = listed.Count;
            }

            listed.Add((doc, score, []));
        }

        return (listed, folded);
    }

    private static SimilarPassage Describe(IndexSnapshot index, int source, bool[] bounds, int doc, double score)
    {
        var sourceText = index.Passages[source].MatchText;
        var otherText = index.Passages[doc].MatchText;
        var runs = SharedStrings.Runs(sourceText, otherText, 2);
        var terms = SharedTerms(index, sourceText, runs, bounds);
        var p = index.Passages[doc];
        var text = p.SourceText;
        var marks = SnippetBuilder.FindHits(text, p.Start, p.End,
            runs.Where(r => r.Length >= 4).Select(r => sourceText.Substring(r.Start, r.Length)).Distinct(StringComparer.Ordinal));
        return new SimilarPassage
        {
            Source = PassageSource.Of(index, doc),
            Score = Math.Round(score, 3),
            SharedTerms = terms,
            Snippet = MarkedSnippet.Build(text, p.Start, p.End, marks, 200),
        };
    }

    /// <summary>
    /// The strings both passages share, as a reader would name them: each run cut back to whole words of the source passage
    /// (年党风廉政建设工作 → 党风廉政建设工作, 落实党 → 落实), of three characters or more, or two rare ones; one held in a longer
    /// one left out; longest first, at most twelve.
    /// </summary>
    private static List<string> SharedTerms(IndexSnapshot index, string text, List<(int Start, int Length, int OtherStart)> runs, bool[] bounds)
    {
        var trimmed = new List<string>();
        foreach (var (start, length, _) in runs)
        {
            var from = start;
            var to = start + length;
            while (from < to && !bounds[from])
            {
                from++;
            }

            while (to > from && !bounds[to])
            {
                to--;
            }

            (from, to) = WithoutEdgeParticles(text, from, to, bounds);
            var term = text[from..to];
            if (term.Length >= 3 || (term.Length == 2 && BigramCandidates.Idf(index, TermKey.Bigram(term[0], term[1])) > 3))
            {
                trimmed.Add(term);
            }
        }

        var kept = new List<string>();
        foreach (var term in trimmed.Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal))
        {
            if (!kept.Exists(k => k.Contains(term, StringComparison.Ordinal)))
            {
                kept.Add(term);
            }
        }

        return kept.Count > 12 ? kept.GetRange(0, 12) : kept;
    }

    /// <summary>
    /// The run without a one-character function word at either edge (的, 和, 与, 对, 年…: 和党风廉政建设 → 党风廉政建设), unless
    /// the character comes again inside the run, where it begins a parallel (同检查同考核).
    /// </summary>
    private static (int From, int To) WithoutEdgeParticles(string text, int from, int to, bool[] bounds)
    {
        while (to - from >= 3 && bounds[from + 1] && IsParticle(text[from]) && text.IndexOf(text[from], from + 1, to - from - 1) < 0)
        {
            from++;
        }

        while (to - from >= 3 && bounds[to - 1] && IsParticle(text[to - 1]) && text.IndexOf(text[to - 1], from, to - from - 1) < 0)
        {
            to--;
        }

        return (from, to);
    }

    private static bool IsParticle(char c) => c is '年' or '月' or '日' || QueryStopWords.Contains(c.ToString());

    /// <summary>Where a word of <paramref name="text"/> may start or end: its segmentation's word edges, and every edge of a non-word stretch.</summary>
    private static bool[] WordBounds(IndexSnapshot index, string text)
    {
        var bounds = new bool[text.Length + 1];
        Array.Fill(bounds, true);
        foreach (var word in SearchStructures.Of(index).Segmenter.Segment(text))
        {
            for (var i = word.Start + 1; i < word.End; i++)
            {
                bounds[i] = false;
            }
        }

        return bounds;
    }
}
