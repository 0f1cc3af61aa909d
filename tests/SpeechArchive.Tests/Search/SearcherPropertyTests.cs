using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck.Fluent;
using SpeechArchive.Search;
using SpeechArchive.Tests.Indexing;

namespace SpeechArchive.Tests.Search;

/// <summary>Any query string — random code units, lone surrogates, controls, unbalanced quotes and operators, 100,000 characters — gets a result or a one-line QuerySyntaxException, nothing else.</summary>
public sealed partial class SearcherPropertyTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    [Fact]
    public void WhenTheQueryIsAnything_ShouldAnswerOrRefuseWithAOneLineMessage()
    {
        PropertyRuns.Check(HostileText.Query, query => AnswerOrRefuse(new SearchRequest { Query = query, Limit = 20 }), cases: 5000, endSize: 60);
    }

    [Fact]
    public void WhenFiltersPagingAndSortAreAnything_ShouldAnswerOrRefuseWithAOneLineMessage()
    {
        var requests = HostileText.Query.Zip(HostileText.Query.ArrayOf().Resize(3))
            .Zip(Gen.Choose(-5, 2000).Two(), (qf, paging) => (qf.Item1, qf.Item2, paging.Item1, paging.Item2))
            .Zip(Gen.Elements(SearchSort.Relevance, SearchSort.DateDescending, SearchSort.DateAscending).Zip(Gen.Elements(true, false)),
                (r, s) => new SearchRequest { Query = r.Item1, Filters = r.Item2, Offset = r.Item3, Limit = r.Item4, Sort = s.Item1, GroupBySpeech = s.Item2 });

        PropertyRuns.Check(requests, AnswerOrRefuse, cases: 1500, endSize: 60);
    }

    [Fact]
    public void WhenAQueryIsOneHundredThousandCharacters_ShouldRefuseItAsTooLong()
    {
        var query = HostileText.Repeat("作风建设 ", 100_000);

        var e = Assert.Throws<QuerySyntaxException>(() => index.Searcher.Search(new SearchRequest { Query = query }));

        Assert.Contains("100000", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("year:\"20\n22\"")]
    [InlineData("theme:\"廉政\r\n建设\"")]
    [InlineData("org:x type:\"a\u2028b\"")]
    public void WhenTheMessageEchoesALineBreak_ShouldStillBeOneLine(string query)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => index.Searcher.Search(new SearchRequest { Query = query }));

        Assert.Single(e.Message.Split(["\r\n", "\n", "\r", "\u2028"], StringSplitOptions.None));
    }

    private void AnswerOrRefuse(SearchRequest request)
    {
        SearchResult result;
        try
        {
            result = index.Searcher.Search(request);
        }
        catch (QuerySyntaxException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            Assert.Equal(e.Message, e.Message.ReplaceLineEndings(" "));
            return;
        }

        Assert.InRange(result.Hits.Count, 0, Math.Max(0, request.Limit));
        Assert.InRange(result.Total, result.Hits.Count, index.Snapshot.Passages.Count);
        foreach (var hit in result.Hits)
        {
            // The snippet is the one piece of HTML the hosts write raw: escaped text with <mark> only.
            Assert.DoesNotContain('<', Marks().Replace(hit.Snippet, ""));
        }

        Assert.NotEmpty(JsonSerializer.Serialize(result, JsonDefaults.Options));
    }

    [GeneratedRegex("</?mark>")]
    private static partial Regex Marks();
}
