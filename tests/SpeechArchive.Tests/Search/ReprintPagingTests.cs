using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// Paging through a search with reprints folded lists every counted passage exactly once, as a hit or under its text's hit,
/// however far below that hit its twins rank: beyond the passages the collect stage keeps for folding, the twins were listed
/// on no page (a product review: 同文另见 lost xi_00047:1, whose twin ranked 156 places above it). Each page is also what the
/// exhaustive pass gives, the twins' order included.
/// </summary>
public sealed class ReprintPagingTests(ReprintPagingTests.Archive archive) : IClassFixture<ReprintPagingTests.Archive>
{
    /// <summary>
    /// One text on 共同富裕 printed in three speeches — a, whose title names the word (so it ranks first by relevance) and which
    /// is the newest; b, the oldest (2018); c (2019) — and one speech printed twice (d and e, 2019), whose passage on 四风 e
    /// prints with a sentence more (a near twin: longer, so it ranks lower); and 150 texts of their own, each saying 共同富裕
    /// twice and 四风 once, which rank between a and its twins, and between d's passage and e's, by relevance and by date.
    /// </summary>
    public sealed class Archive : IDisposable
    {
        public const string Reprinted = "要坚持以人民为中心的发展思想，扎实推进共同富裕，把人民群众对美好生活的向往作为我们的奋斗目标，让改革发展成果更多更公平惠及全体人民。";
        public const string OnTheFourWinds = "作风建设永远在路上，要锲而不舍纠治四风，坚决整治形式主义，把党中央的要求不折不扣落到实处，以优良作风凝聚党心民心。";
        public const int Fillers = 150;
        private readonly TempFolder temp = new();

        public Archive()
        {
            temp.Write("corpus/a.md", $"---\ntitle: 在共同富裕工作会议上的讲话\ndate: 2021-12-01\n---\n\n{Reprinted}\n");
            temp.Write("corpus/b.md", $"---\ntitle: 转载的讲话\ndate: 2018-01-02\n---\n\n{Reprinted}\n");
            temp.Write("corpus/c.md", $"---\ntitle: 又一次转载的讲话\ndate: 2019-01-01\n---\n\n{Reprinted}\n");
            const string opening = "同志们：今天我们召开这次会议，主要任务是总结去年的工作，部署今年的任务。";
            const string closing = "最后，我强调一点，各地区各部门要结合实际，认真抓好贯彻落实，确保各项任务落地见效。";
            temp.Write("corpus/d.md", $"---\ntitle: 在作风建设会议上的讲话\ndate: 2019-06-01\n---\n\n{opening}\n\n{OnTheFourWinds}\n\n{closing}\n");
            temp.Write("corpus/e.md", $"---\ntitle: 作风建设会议讲话\ndate: 2019-06-02\n---\n\n{opening}\n\n{OnTheFourWinds}各级党组织要担负起主体责任，一级抓一级，层层抓落实。\n\n{closing}\n");
            for (var i = 0; i < Fillers; i++)
            {
                temp.Write($"corpus/own{i:000}.md", $"---\ntitle: 第{i + 1}篇讲话\ndate: {2019 + (i % 2)}-{2 + (i % 10):00}-{1 + (i % 28):00}\n---\n\n"
                    + $"第{i + 1}条：要推进共同富裕，让共同富裕惠及全体人民；要持续纠治四风，重点整治形式主义，为基层减负松绑，让干部把精力用在抓落实上，多为群众办实事、解难事。\n");
            }

            Assert.Empty(Indexer.Run(new IndexOptions { CorpusDirectory = temp.Combine("corpus"), IndexDirectory = temp.Combine("index") }).Failed);
            Snapshot = IndexSnapshot.Load(temp.Combine("index"));
        }

        public IndexSnapshot Snapshot { get; }

        public void Dispose() => temp.Dispose();
    }

    [Theory]
    [InlineData("共同富裕", false, "a", "c b")] // c and b score alike: the newer first
    [InlineData("共同富裕", true, "a", "c b")]
    [InlineData("四风", false, "d", "e")]
    [InlineData("四风", true, "d", "e")] // widened by its terms (形式主义…), its top k from the word as typed
    public void WhenATwinRanksBeyondThePassagesKeptForFolding_ShouldListItUnderItsTextsHit(string query, bool understood, string shown, string twins)
    {
        var searcher = new Searcher(archive.Snapshot, understood ? QueryUnderstanding.Default : null);
        var unfolded = searcher.Search(new SearchRequest { Query = query, Limit = 1000, FoldReprints = false, NearMatches = false });
        var ranks = unfolded.Hits.Select((h, i) => (h.SpeechId, Rank: i)).Where(h => h.SpeechId.Length == 1).ToList();
        Assert.Equal(shown, ranks[0].SpeechId); // first of its text (ordered topically, d is 49th)
        Assert.All(ranks.Skip(1), r => Assert.True(r.Rank > Archive.Fillers, $"{r.SpeechId} ranks {r.Rank}")); // beyond the page and the 100 kept below it

        var page = searcher.Search(new SearchRequest { Query = query, Limit = 10, Offset = ranks[0].Rank / 10 * 10, NearMatches = false });

        var hit = Assert.Single(page.Hits, h => h.SpeechId == shown);
        Assert.Equal(twins, string.Join(" ", hit.Reprints.Select(r => r.SpeechId)));
        Assert.Equal((unfolded.Total, ranks.Count - 1), (page.Total, page.Folded));
    }

    [Theory]
    [InlineData("共同富裕")]
    [InlineData("四风")]
    [InlineData("共同富裕 OR 四风")]
    [InlineData("怎样推进共同富裕")]
    [InlineData("")]
    public void WhenPagingThroughEveryPage_ShouldListEveryCountedPassageOnceAsAHitOrUnderOne(string query)
    {
        var index = archive.Snapshot;
        var searchers = new[]
        {
            (Fast: new Searcher(index), Reference: new Searcher(index) { Exhaustive = true }),
            (Fast: new Searcher(index) { BroadFrom = 16 }, Reference: new Searcher(index) { Exhaustive = true }),
            (Fast: new Searcher(index, QueryUnderstanding.Default), Reference: new Searcher(index, QueryUnderstanding.Default) { Exhaustive = true }),
        };
        foreach (var (fast, reference) in searchers)
        {
            foreach (var sort in new[] { SearchSort.Relevance, SearchSort.DateDescending, SearchSort.DateAscending })
            {
                foreach (var filter in new[] { null, "year:2019..2021" }) // the second leaves b out
                {
                    foreach (var grouped in new[] { false, true })
                    {
                        SearchRequest Request(int limit, int offset = 0, bool fold = true) => new()
                        {
                            Query = query, Filters = filter is null ? [] : [filter], Sort = sort, GroupBySpeech = grouped,
                            Limit = limit, Offset = offset, FoldReprints = fold, NearMatches = false,
                        };

                        var unfolded = fast.Search(Request(1000, fold: false));
                        Assert.Equal(unfolded.Total, unfolded.Hits.Count);
                        var rank = unfolded.Hits.Select((h, i) => (h.PassageId, i)).ToDictionary();
                        var pages = new List<SearchResult>();
                        for (var offset = 0; pages.Count == 0 || pages[^1].Hits.Count > 0; offset += 10)
                        {
                            pages.Add(fast.Search(Request(10, offset)));
                            Assert.Equal(FastPathPropertyTests.Answer(reference, Request(10, offset)), FastPathPropertyTests.Answer(fast, Request(10, offset)));
                        }

                        var context = $"{query} sort {sort} filter {filter} grouped {grouped}";
                        var listed = pages.SelectMany(p => p.Hits).Select(h => (string[])[h.PassageId, .. h.Reprints.Select(r => r.PassageId)]).ToList();
                        Assert.True(unfolded.Hits.Select(h => h.PassageId).Order(StringComparer.Ordinal).SequenceEqual(listed.SelectMany(l => l).Order(StringComparer.Ordinal)), context);
                        Assert.All(pages, p => Assert.Equal((unfolded.Total, pages[0].Folded), (p.Total, p.Folded)));
                        Assert.Equal(unfolded.Total - pages[0].Folded, listed.Count);
                        Assert.All(listed, l => Assert.True(l.Select(id => rank[id]).Order().SequenceEqual(l.Select(id => rank[id])), $"{context}: {string.Join(" ", l)} not in rank order"));
                    }
                }
            }
        }
    }
}
