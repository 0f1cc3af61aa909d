using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

public sealed partial class FastPathPropertyTests
{
    /// <summary>
    /// A phrase of four characters or more matches across in-sentence punctuation; of its best matches, those holding it as
    /// written rise. The fast path finds them without scoring every match up front and raises them while collecting: the
    /// same page, scores, totals and facets as the general pass, filtered or not.
    /// </summary>
    [Fact]
    public void WhenAPhraseAlsoMatchesAcrossPunctuation_ShouldRaiseThePassagesHoldingItAsTheGeneralPassDoes()
    {
        var snapshot = fixture.Snapshot;
        var fast = new Searcher(snapshot, QueryUnderstanding.Default);
        var reference = new Searcher(snapshot, QueryUnderstanding.Default) { Exhaustive = true };
        var years = snapshot.Speeches.Where(s => s.Year is not null).Select(s => s.Year!.Value).Order().ToArray();
        string[] filters = [$"theme:{snapshot.Themes[0].Id}", $"type:{snapshot.DirectiveTypes[0].Id}", $"year:{years[0]}..{years[years.Length / 2]}"];
        var phrases = AcrossEnumerationComma(snapshot).Take(160).ToList();
        var mixed = 0;

        foreach (var phrase in phrases)
        {
            var whole = reference.Search(new SearchRequest { Query = phrase, Limit = 200, NearMatches = false });
            var asWritten = whole.Hits.Count(h => snapshot.PassageText(snapshot.FindPassage(h.PassageId)!.Value).Contains(phrase, StringComparison.Ordinal));
            mixed += asWritten > 0 && asWritten < whole.Hits.Count ? 1 : 0;
            foreach (var request in new[]
            {
                new SearchRequest { Query = phrase },
                new SearchRequest { Query = phrase, Offset = 10, Limit = 20 },
                new SearchRequest { Query = phrase, Filters = [filters[0]] },
                new SearchRequest { Query = phrase, Filters = [filters[1], filters[2]], Sort = SearchSort.DateDescending },
            })
            {
                Assert.Equal(Answer(reference, request), Answer(fast, request));
            }
        }

        Assert.True(phrases.Count >= 100, $"{phrases.Count} phrases");
        Assert.True(mixed >= 10, $"only {mixed} of {phrases.Count} phrases have best matches both as written and across punctuation");
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
