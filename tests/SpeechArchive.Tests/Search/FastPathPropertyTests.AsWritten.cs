using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

public sealed partial class FastPathPropertyTests
{
    /// <summary>
    /// A phrase of four characters or more matches across in-sentence punctuation; of its best matches, those holding it as
    /// written rise. The fast path finds them without scoring every match up front and raises them while collecting
    /// (<see cref="Ranking.Raised"/>): the same page, scores, totals and facets as the general pass, filtered or not, paged,
    /// grouped by speech and sorted by date. (Only a phrase of several terms can be raised: a one-term word of four
    /// characters is a run of letters or digits, which never spans punctuation, so the block-max paths never see a raise.)
    /// </summary>
    [SkippableFact]
    public void WhenAPhraseAlsoMatchesAcrossPunctuation_ShouldRaiseThePassagesHoldingItAsTheGeneralPassDoes()
    {
        SharedCorpus.Require("reports"); // the seeds alone hold too few such phrases to say anything
        var snapshot = fixture.Snapshot;
        var fast = new Searcher(snapshot, QueryUnderstanding.Default);
        var reference = new Searcher(snapshot, QueryUnderstanding.Default) { Exhaustive = true };
        var years = snapshot.Speeches.Where(s => s.Year is not null).Select(s => s.Year!.Value).Order().ToArray();
        string[] filters = [$"theme:{snapshot.Themes[0].Id}", $"type:{snapshot.DirectiveTypes[0].Id}", $"year:{years[0]}..{years[years.Length / 2]}"];
        var phrases = AcrossEnumerationComma(snapshot).Take(1_000).ToList();
        var raised = phrases.Where(p => RankingOf(snapshot, p).Raised is not null).Take(40).ToList();

        Assert.True(raised.Count >= 20, $"only {raised.Count} of {phrases.Count} phrases raise some of their best matches");
        foreach (var phrase in raised.Concat(phrases.Except(raised).Take(20)))
        {
            foreach (var request in new[]
            {
                new SearchRequest { Query = phrase },
                new SearchRequest { Query = phrase, Offset = 10, Limit = 20 },
                new SearchRequest { Query = phrase, GroupBySpeech = true },
                new SearchRequest { Query = phrase, Filters = [filters[0]] },
                new SearchRequest { Query = phrase, Filters = [filters[1], filters[2]], Sort = SearchSort.DateDescending },
            })
            {
                Assert.Equal(Answer(reference, request), Answer(fast, request));
            }
        }
    }

    /// <summary>The ranking a search makes of <paramref name="query"/> (the stages before it, as <see cref="Searcher.Search"/> runs them).</summary>
    private static Ranking RankingOf(IndexSnapshot snapshot, string query)
    {
        var request = new SearchRequest { Query = query };
        var matches = new WordMatches(snapshot);
        var understood = QueryUnderstanding.Default.Understand(snapshot, QueryParser.Parse(request.Query, request.Filters), request, matches);
        return Ranker.Rank(snapshot, understood, matches, exhaustive: false);
    }

    /// <summary>Phrases a passage holds only across an enumeration comma (改革、发展 → 改革发展), two characters on each side, in text order.</summary>
    private static IEnumerable<string> AcrossEnumerationComma(IndexSnapshot snapshot)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < snapshot.Passages.Count; d++)
        {
            var text = snapshot.PassageText(d);
            for (var at = text.IndexOf('、'); at >= 0; at = text.IndexOf('、', at + 1))
            {
                if (at >= 2 && at + 3 <= text.Length - 1 && IsHan(text[at - 2]) && IsHan(text[at - 1]) && IsHan(text[at + 1]) && IsHan(text[at + 2])
                    && seen.Add(string.Concat(text.AsSpan(at - 2, 2), text.AsSpan(at + 1, 2))))
                {
                    yield return string.Concat(text.AsSpan(at - 2, 2), text.AsSpan(at + 1, 2));
                }
            }
        }

        static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';
    }
}
