namespace SpeechArchive.Search;

public sealed partial class Searcher
{
    /// <summary>
    /// Lists under each hit of <paramref name="page"/> whose text is printed elsewhere too the counted passages of that text that
    /// rank below every passage the collect stage kept (beyond the fold margin: a twin speech's passage worded a little otherwise,
    /// or without the title's boost, can rank hundreds of places lower), after those folded among the kept, in rank order. No
    /// other page lists them: a page that keeps one folds it under this hit, which ranks above it. Each is looked up among its
    /// group's members (<see cref="Reprints.Members"/>), counted where the ranking matches it and it passes the filters, as
    /// <see cref="Reprints.RepeatsAmong"/> counts them, so the passages listed over all pages, as hits or under one, are the
    /// counted ones, each once, and <see cref="SearchResult.Folded"/> is what the pages list under their hits.
    /// </summary>
    private void ListTwinsRankedBelow(List<(int Doc, double Score, int? InSpeech, List<int>? Reprints)> page, Reprints reprints,
        Ranking ranking, ResolvedFilters filters, SearchSort sort)
    {
        List<(int Doc, double Score, int Date)>? below = null;
        using var scores = new TwinScores(Index, ranking);
        foreach (var (doc, _, _, listed) in page)
        {
            if (listed is null)
            {
                continue; // printed once
            }

            below?.Clear();
            int[]? known = null; // the members listed already (folded among the kept), sorted
            foreach (var twin in reprints.Members(doc))
            {
                if (twin == doc || !Matches(ranking, twin) || filters.Failures(Index, twin) != 0)
                {
                    continue;
                }

                if (known is null)
                {
                    known = [.. listed];
                    Array.Sort(known);
                }

                if (Array.BinarySearch(known, twin) < 0)
                {
                    (below ??= []).Add((twin, 0, Index.PassageDate[twin]));
                }
            }

            if (below is not { Count: > 0 })
            {
                continue;
            }

            for (var i = 0; i < below.Count; i++)
            {
                below[i] = below[i] with { Score = scores.Of(below[i].Doc) };
            }

            below.Sort((a, b) => TopK.Compare(a, b, sort));
            listed.AddRange(below.Select(b => b.Doc));
        }
    }

    /// <summary>Whether the ranking matches passage <paramref name="doc"/> (before filters); browsing, every passage.</summary>
    private static bool Matches(Ranking ranking, int doc) =>
        ranking.Expanded is { } clause ? clause.Holds(doc) : ranking.Docs is not { } docs || Array.BinarySearch(docs, doc) >= 0;

    /// <summary>
    /// The score the collect stage gives a passage the ranking matches, where it was not kept: read from the scores, or for one
    /// word (and one widened by its terms) scored as the collect stage scores it, the word's scorers made once, when first
    /// needed, for every passage asked about; browsing, 0. Dispose it to return the scorers' buffers.
    /// </summary>
    private sealed class TwinScores(IndexSnapshot index, Ranking ranking) : IDisposable
    {
        private WordScorer? single;
        private ExpandedClause.PassageScorer? expanded;

        public double Of(int doc)
        {
            if (ranking.Expanded is { } clause)
            {
                return (expanded ??= clause.Scorer()).Score(doc);
            }

            if (ranking.Single is { } word)
            {
                single ??= new Bm25(index).Scorer(word);
                return new WordCandidates(word, single, ranking.Raised).Score(Array.BinarySearch(word.Docs, doc), doc);
            }

            return ranking.Scored is { } scored ? scored.Scores[Array.BinarySearch(scored.Docs, doc)] : 0;
        }

        public void Dispose()
        {
            single?.Dispose();
            expanded?.Dispose();
        }
    }
}
