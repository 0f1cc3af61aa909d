using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// How many passages folding takes out of a search's counted hits (<see cref="SearchResult.Folded"/>) is exact on every page,
/// whichever path counted the matches, and <see cref="Reprints.RepeatsAmong"/> agrees with counting every group by hand.
/// </summary>
public sealed class ReprintCountTests(ReprintCountTests.Archive archive) : IClassFixture<ReprintCountTests.Archive>
{
    /// <summary>
    /// Five texts printed 6 to 26 times each and 300 texts of their own, over 2018–2021; one reprinted text says 反腐倡廉, the
    /// thesaurus term of 反腐败, which 50 of the others say.
    /// </summary>
    public sealed class Archive : IDisposable
    {
        public static readonly string[] Texts =
        [
            "要坚持以人民为中心的发展思想，把人民群众对美好生活的向往作为我们的奋斗目标，扎实推进共同富裕。",
            "必须把促进全体人民共同富裕摆在更加重要的位置，脚踏实地，久久为功，向着这个目标更加积极有为地进行努力。",
            "共同富裕是社会主义的本质要求，是中国式现代化的重要特征，要在高质量发展中促进共同富裕。",
            "实现共同富裕不仅是经济问题，而且是关系党的执政基础的重大政治问题，我们决不能允许贫富差距越来越大。",
            "深入推进反腐倡廉建设，促进共同富裕，坚决惩治群众身边的不正之风和腐败问题，让人民群众有更多获得感。",
        ];

        private readonly TempFolder temp = new();

        public Archive()
        {
            var random = new Random(7);
            string Date() => $"{2018 + random.Next(4)}-0{1 + random.Next(9)}-1{random.Next(9)}";
            for (var g = 0; g < Texts.Length; g++)
            {
                for (var k = 0; k < 6 + (5 * g); k++)
                {
                    temp.Write($"corpus/g{g}c{k:00}.md", $"---\ntitle: 转载{g}-{k}\ndate: {Date()}\n---\n\n{Texts[g]}\n");
                }
            }

            for (var i = 0; i < 300; i++)
            {
                var topic = i % 6 == 0 ? "坚持反腐败，" : "";
                temp.Write($"corpus/own{i:000}.md", $"---\ntitle: 讲话{i}\ndate: {Date()}\n---\n\n第{i + 1}条，{topic}要推进共同富裕，办好第{i + 1}件民生实事，让群众看得见摸得着。\n");
            }

            Assert.Empty(Indexer.Run(new IndexOptions { CorpusDirectory = temp.Combine("corpus"), IndexDirectory = temp.Combine("index") }).Failed);
            Snapshot = IndexSnapshot.Load(temp.Combine("index"));
        }

        public IndexSnapshot Snapshot { get; }

        public void Dispose() => temp.Dispose();
    }

    private static readonly string?[] Filters = [null, "year:2020", "year:2019..2020", "year:1990"];

    [Fact]
    public void RepeatsAmong_ShouldCountEachGroupsPassagesButOneAmongThoseGivenThatPassTheFilters()
    {
        var index = archive.Snapshot;
        var structures = SearchStructures.Of(index);
        var reprints = structures.Reprints;
        Assert.Equal(Archive.Texts.Length, reprints.Groups);
        var random = new Random(3);
        foreach (var filter in Filters)
        {
            var filters = Resolve(filter);
            Assert.Equal(ByHand(reprints, Enumerable.Range(0, index.Passages.Count), filters), reprints.RepeatsAmong(null, filters, structures.Rows));

            // From a few passages (fewer than the grouped ones: each looked for among them) to all (the grouped ones looked for).
            foreach (var share in new[] { 0.0, 0.01, 0.05, 0.2, 0.5, 0.9, 1.0 })
            {
                for (var trial = 0; trial < 10; trial++)
                {
                    var docs = Enumerable.Range(0, index.Passages.Count).Where(_ => random.NextDouble() < share).ToArray();
                    var expected = ByHand(reprints, docs, filters);
                    Assert.Equal(expected, reprints.RepeatsAmong([docs], filters, structures.Rows));
                    int[][] halves = [[.. docs.Where(d => d % 2 == 0)], [.. docs.Where(d => d % 2 == 1)]]; // a text's passages in both
                    Assert.Equal(expected, reprints.RepeatsAmong(halves, filters, structures.Rows));
                }
            }
        }
    }

    [Theory]
    [InlineData("共同富裕")]
    [InlineData("共同富裕 -民生")]
    [InlineData("怎样推进共同富裕")]
    [InlineData("反腐败")]
    [InlineData("")]
    public void WhenAPageKeepsFewerThanTheCountedMatches_ShouldCountEveryFoldOnEveryPage(string query)
    {
        var index = archive.Snapshot;
        foreach (var filter in Filters)
        {
            SearchRequest Request(int limit, int offset = 0, bool fold = true) => new()
            {
                Query = query, Filters = filter is null ? [] : [filter], Limit = limit, Offset = offset, NearMatches = false, FoldReprints = fold,
            };

            // Every counted passage listed one by one, and the reprints among them counted by hand.
            var unfolded = new Searcher(index, QueryUnderstanding.Default).Search(Request(1000, fold: false));
            Assert.Equal(unfolded.Total, unfolded.Hits.Count);
            var reprints = SearchStructures.Of(index).Reprints;
            var expected = ByHand(reprints, unfolded.Hits.Select(h => index.FindPassage(h.PassageId)!.Value), null);

            foreach (var searcher in new[]
                     {
                         new Searcher(index, QueryUnderstanding.Default),
                         new Searcher(index, QueryUnderstanding.Default) { Exhaustive = true },
                         new Searcher(index, QueryUnderstanding.Default) { BroadFrom = 16 },
                     })
            {
                var pages = Enumerable.Range(0, 5).Select(p => searcher.Search(Request(3, 3 * p))).ToList();
                Assert.All(pages, page => Assert.Equal((unfolded.Total, expected), (page.Total, page.Folded)));
            }
        }
    }

    private ResolvedFilters Resolve(string? filter) =>
        ResolvedFilters.Resolve(archive.Snapshot, QueryParser.Parse("", filter is null ? [] : [filter]).Filters);

    /// <summary>Per group, the passages of <paramref name="docs"/> in it that pass the filters, but one.</summary>
    private int ByHand(Reprints reprints, IEnumerable<int> docs, ResolvedFilters? filters) =>
        docs.Where(d => reprints.GroupOf(d) >= 0 && (filters is null || filters.Failures(archive.Snapshot, d) == 0))
            .GroupBy(reprints.GroupOf).Sum(g => g.Count() - 1);
}
