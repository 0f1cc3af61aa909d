using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// A text printed in several speeches (a speech two sources published) is one hit, with the other places listed under it;
/// totals and facets still count every passage, paging cuts the folded order, and the evaluation grades such a text once.
/// </summary>
public sealed class ReprintTests : IDisposable
{
    private const string Reprinted = "要坚持以人民为中心的发展思想，把人民群众对美好生活的向往作为我们的奋斗目标，扎实推进共同富裕。";
    private readonly TempFolder temp = new();
    private readonly Searcher searcher;

    public ReprintTests()
    {
        var corpus = temp.Combine("corpus");
        // The same speech from two sources (a wire copy with a dateline), and a third speech quoting the sentence in its own paragraph.
        temp.Write("corpus/a.md", "---\ntitle: 在座谈会上的讲话\nyear: 2020\ndate: 2020-11-12\n---\n\n同志们：\n\n" + Reprinted + "\n\n第二段讲改革开放，要全面深化改革，坚定不移扩大开放。\n");
        temp.Write("corpus/b.md", "---\ntitle: 新华社电 在座谈会上的讲话\nyear: 2020\ndate: 2020-11-13\n---\n\n同志们：\n\n" + Reprinted + "\n\n第二段讲改革开放，要全面深化改革，坚定不移扩大开放。\n");
        temp.Write("corpus/c.md", "---\ntitle: 在另一次会议上的讲话\nyear: 2021\n---\n\n我们说过，" + Reprinted + "这是一以贯之的。\n");
        for (var i = 0; i < 12; i++)
        {
            temp.Write($"corpus/other{i:00}.md", $"---\ntitle: 第{i + 1}篇讲话\nyear: {2000 + i}\n---\n\n第{i + 1}个问题，要推进共同富裕，在发展中保障和改善民生，办好第{i + 1}件实事。\n");
        }

        var run = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = temp.Combine("index") });
        Assert.Empty(run.Failed);
        searcher = new Searcher(IndexSnapshot.Load(temp.Combine("index")));
    }

    [Fact]
    public void WhenTwoSpeechesPrintTheSameParagraph_ShouldShowItOnceWithTheOtherUnderItAndCountBoth()
    {
        var folded = Search("以人民为中心的发展思想");
        var unfolded = Search("以人民为中心的发展思想", fold: false);

        Assert.Equal(3, folded.Total);
        Assert.Equal(folded.Total, unfolded.Total);
        Assert.Equal(unfolded.Facets.Year, folded.Facets.Year);
        Assert.Equal(3, unfolded.Hits.Count);
        Assert.Equal(2, folded.Hits.Count);
        Assert.Equal(1, folded.Folded);
        Assert.Equal(0, unfolded.Folded);
        var shown = Assert.Single(folded.Hits, h => h.Reprints.Count > 0);
        var reprint = Assert.Single(shown.Reprints);
        Assert.Equal(
            ["在座谈会上的讲话", "新华社电 在座谈会上的讲话"],
            new[] { shown.Title, reprint.Title }.Order(StringComparer.Ordinal));
        Assert.NotEqual(shown.PassageId, reprint.PassageId);
        Assert.Contains(folded.Hits, h => h.Title == "在另一次会议上的讲话" && h.Reprints.Count == 0); // quoting is not reprinting
        Assert.All(unfolded.Hits, h => Assert.Empty(h.Reprints));
    }

    [Fact]
    public void WhenPaging_ShouldCutPagesFromTheFoldedOrderSoNoTextShowsTwice()
    {
        var all = Search("共同富裕", limit: 50, near: false);
        var pages = Enumerable.Range(0, 6).SelectMany(p => Search("共同富裕", limit: 3, offset: 3 * p, near: false).Hits).ToList();

        Assert.Equal(15, all.Total); // a, b, c and the twelve others
        Assert.Equal(14, all.Hits.Count);
        Assert.Equal(all.Hits.Select(h => h.PassageId), pages.Select(h => h.PassageId));
        Assert.Equal(pages.Count, pages.Select(h => h.PassageId).Distinct().Count());
        Assert.Equal(all.Total - all.Folded, all.Hits.Count);
    }

    [Fact]
    public void WhenMoreFoldAwayThanTheMarginKept_ShouldStillReachEveryTextPageByPage()
    {
        using var many = ManyCopies();
        var archive = new Searcher(IndexSnapshot.Load(many.Combine("index")));
        SearchResult Page(int p) => archive.Search(new SearchRequest { Query = "共同富裕", Limit = 10, Offset = 10 * p, NearMatches = false });

        var pages = Enumerable.Range(0, 4).Select(Page).ToList();
        var hits = pages.SelectMany(p => p.Hits).ToList();

        Assert.Equal(155, pages[0].Total);
        Assert.Equal(26, hits.Count); // the reprinted text once, and the 25 others
        Assert.Equal(hits.Count, hits.Select(h => h.PassageId).Distinct().Count());
        Assert.Equal([10, 10, 6, 0], pages.Select(p => p.Hits.Count));
        Assert.All(pages, p => Assert.Equal(129, p.Folded)); // every page counts the copies ranked below it too
        Assert.Equal(26, pages[0].Total - pages[0].Folded); // so the first page's pager ends where the hits do
        Assert.Equal(129, Assert.Single(hits, h => h.Reprints.Count > 0).Reprints.Count);
        Assert.All(pages.SelectMany(p => p.Hits.Zip(p.Hits.Skip(1))), pair => Assert.True(pair.First.Score >= pair.Second.Score));
    }

    /// <summary>An archive of 130 copies of one text (2020) and 25 texts of their own (2019), all on 共同富裕.</summary>
    private static TempFolder ManyCopies()
    {
        var many = new TempFolder();
        for (var i = 0; i < 130; i++)
        {
            many.Write($"corpus/copy{i:000}.md", $"---\ntitle: 转载{i}\nyear: 2020\n---\n\n{Reprinted}\n");
        }

        for (var i = 0; i < 25; i++)
        {
            many.Write($"corpus/own{i:00}.md", $"---\ntitle: 讲话{i}\nyear: 2019\n---\n\n第{i + 1}条，要推进共同富裕，办好第{i + 1}件民生实事，让群众看得见摸得着。\n");
        }

        Assert.Empty(Indexer.Run(new IndexOptions { CorpusDirectory = many.Combine("corpus"), IndexDirectory = many.Combine("index") }).Failed);
        return many;
    }

    [Fact]
    public void WhenGroupedBySpeech_ShouldShowASpeechPrintedTwiceOnce()
    {
        // The user trial's case: one speech from two sources (with and without a 新华社 dateline) was two hits, grouped too.
        var grouped = searcher.Search(new SearchRequest { Query = "以人民为中心的发展思想", Limit = 10, GroupBySpeech = true });
        var unfolded = searcher.Search(new SearchRequest { Query = "以人民为中心的发展思想", Limit = 10, GroupBySpeech = true, FoldReprints = false });

        Assert.Equal(3, grouped.Total); // speeches
        Assert.Equal(1, grouped.Folded);
        Assert.Equal(2, grouped.Hits.Count);
        var shown = Assert.Single(grouped.Hits, h => h.Reprints.Count > 0);
        Assert.Equal(
            ["在座谈会上的讲话", "新华社电 在座谈会上的讲话"],
            new[] { shown.Title, Assert.Single(shown.Reprints).Title }.Order(StringComparer.Ordinal));
        Assert.Equal(3, unfolded.Hits.Count);
        Assert.Equal(0, unfolded.Folded);
        Assert.All(unfolded.Hits, h => Assert.Empty(h.Reprints));
    }

    [Fact]
    public void WhenGroupedBySpeech_ShouldNotFoldTwoSpeechesThatShareOneParagraph()
    {
        using var shared = new TempFolder();
        const string paragraph = "要坚持以人民为中心的发展思想，把人民群众对美好生活的向往作为我们的奋斗目标，扎实推进共同富裕。";
        shared.Write("corpus/a.md", "---\ntitle: 甲讲话\nyear: 2020\n---\n\n" + paragraph + "\n\n第二段讲农业农村，要全面推进乡村振兴，巩固拓展脱贫攻坚成果。\n\n第三段讲生态环境，要持续打好蓝天碧水净土保卫战。\n");
        shared.Write("corpus/b.md", "---\ntitle: 乙讲话\nyear: 2021\n---\n\n" + paragraph + "\n\n第二段讲科技创新，要加快实现高水平科技自立自强。\n\n第三段讲对外开放，要推进高水平对外开放，稳外贸稳外资。\n");
        Assert.Empty(Indexer.Run(new IndexOptions { CorpusDirectory = shared.Combine("corpus"), IndexDirectory = shared.Combine("index") }).Failed);
        var archive = new Searcher(IndexSnapshot.Load(shared.Combine("index")));

        var grouped = archive.Search(new SearchRequest { Query = "以人民为中心的发展思想", Limit = 10, GroupBySpeech = true });
        var passages = archive.Search(new SearchRequest { Query = "以人民为中心的发展思想", Limit = 10 });

        Assert.Equal(2, grouped.Hits.Count);
        Assert.Equal(0, grouped.Folded);
        Assert.Equal(1, passages.Folded); // the paragraph itself is still one text where passages are listed
    }

    [Fact]
    public void WhenTwoSpeechesPrintANearMatch_ShouldShowItOnceWithTheOtherUnderIt()
    {
        // One character changed (向 → 想): no passage holds it as typed, so all three come as near matches.
        const string changed = "把人民群众对美好生活的想往作为我们的奋斗目标";
        var understanding = new Searcher(searcher.Index, QueryUnderstanding.Default); // near matches need the understanding
        var folded = understanding.Search(new SearchRequest { Query = changed, Mode = SearchMode.Exact, Limit = 10 });
        var unfolded = understanding.Search(new SearchRequest { Query = changed, Mode = SearchMode.Exact, Limit = 10, FoldReprints = false });

        Assert.Equal(0, folded.Total);
        Assert.Equal(3, unfolded.NearTotal);
        Assert.Equal(2, folded.NearTotal);
        var shown = Assert.Single(folded.Hits, h => h.Reprints.Count > 0);
        Assert.Equal(HitMatch.Near, shown.Match);
        Assert.Equal(
            ["在座谈会上的讲话", "新华社电 在座谈会上的讲话"],
            new[] { shown.Title, Assert.Single(shown.Reprints).Title }.Order(StringComparer.Ordinal));
        Assert.All(unfolded.Hits, h => Assert.Empty(h.Reprints));
    }

    [Fact]
    public void WhenGroupedBySpeechAndPaged_ShouldShowEverySpeechOnceAndEndWhereTheCountSays()
    {
        var all = searcher.Search(new SearchRequest { Query = "共同富裕", Limit = 50, GroupBySpeech = true, NearMatches = false });
        var pages = Enumerable.Range(0, 6).SelectMany(p => searcher.Search(new SearchRequest { Query = "共同富裕", Limit = 3, Offset = 3 * p, GroupBySpeech = true, NearMatches = false }).Hits).ToList();

        Assert.Equal(15, all.Total);
        Assert.Equal(1, all.Folded);
        Assert.Equal(all.Total - all.Folded, all.Hits.Count);
        Assert.Equal(all.Hits.Select(h => h.PassageId), pages.Select(h => h.PassageId));
    }

    [Fact]
    public void WhenGrading_ShouldGiveAPassageItsTwinsGradeAndCountTheTextOnceInTheIdeal()
    {
        var hit = Assert.Single(Search("以人民为中心的发展思想").Hits, h => h.Reprints.Count > 0);
        var twin = hit.Reprints[0].PassageId;
        var other = Search("以人民为中心的发展思想").Hits.Single(h => h.Reprints.Count == 0).PassageId;
        var set = new TopicalSet(
            [new TopicalNeed("n1", "topic", "test", "以人民为中心的发展思想", "以人民为中心")],
            new Dictionary<string, IReadOnlyDictionary<string, int>> { ["n1"] = new Dictionary<string, int> { [twin] = 2, [hit.PassageId] = 1, [other] = 1 } });

        var folded = new TopicalGrades(set, searcher.Index, foldReprints: true);
        var unfolded = new TopicalGrades(set, searcher.Index, foldReprints: false);

        Assert.Equal(2, folded.Grade("n1", hit.PassageId));
        Assert.Equal(1, unfolded.Grade("n1", hit.PassageId));
        Assert.Equal([2, 1], folded.Ideal("n1"));
        Assert.Equal([2, 1, 1], unfolded.Ideal("n1"));
        Assert.Equal([hit.PassageId, other], folded.Fold([hit.PassageId, twin, other]));
        var result = TopicalEvaluator.Evaluate(searcher, set, [new TopicalMode("Hybrid", SearchMode.Understood)]).Runs[0].Results[0];
        Assert.Equal(new[] { hit.PassageId, other }.Order(StringComparer.Ordinal), result.Ranking.Order(StringComparer.Ordinal)); // the twin folded away
        Assert.Equal(0, result.Unjudged);
        // The text graded 2 through its twin and the quote graded 1; the ideal counts the text once, so the right order scores 1.
        var expected = result.Ranking[0] == hit.PassageId ? 1.0 : (1 + (3 / Math.Log2(3))) / (3 + (1 / Math.Log2(3)));
        Assert.Equal(expected, result.Ndcg, 6);
    }

    [Fact]
    public void WhenTwoSourcesCutOneSpeechAtOtherPlaces_ShouldShowEachParagraphOnce()
    {
        // xi-2020's 抗美援朝 speech from two sources: one with its 新华社 dateline, each cut into passages at other places, so no
        // passage of one prints a passage of the other as it is, and 52:7 and 53:7 were two hits side by side.
        using var cut = new TempFolder();
        string[] topics = ["党风廉政", "作风建设", "巡视整改", "基层减负", "安全生产", "乡村振兴", "营商环境", "生态保护", "教育培训", "社会保障", "科技创新", "文化建设", "民生实事", "应急管理", "统计监督", "审计整改", "信访工作", "人才引进"];
        string Sentence(int i, string done = "落到实处") => $"第{i + 1}，要抓好{topics[i]}工作，把{topics[i]}的各项要求{done}，坚决防止{topics[i]}流于形式。";
        string Paragraphs(params (int From, int To)[] cuts) => string.Join("\n\n", cuts.Select(c => string.Concat(Enumerable.Range(c.From, c.To - c.From).Select(i => Sentence(i)))));
        var amended = Paragraphs((0, 6)) + "\n\n" + string.Concat(Enumerable.Range(6, 6).Select(i => Sentence(i, i is 8 or 9 ? "落实到位" : "落到实处"))) + "\n\n" + Paragraphs((12, 18));
        cut.Write("corpus/a.md", "---\ntitle: 在工作会议上的讲话\nyear: 2020\ndate: 2020-10-24\n---\n\n" + Paragraphs((0, 6), (6, 12), (12, 18)) + "\n");
        cut.Write("corpus/b.md", "---\ntitle: 在工作会议上的讲话\nyear: 2020\ndate: 2020-10-23\n---\n\n新华社北京10月23日电 " + Paragraphs((0, 6), (6, 11), (11, 18)) + "\n");
        cut.Write("corpus/c.md", "---\ntitle: 在工作会议上的讲话\nyear: 2021\n---\n\n" + amended + "\n"); // a version worded otherwise inside
        var amendedAtTheEnd = Paragraphs((0, 6)) + "\n\n" + string.Concat(Enumerable.Range(6, 6).Select(i => Sentence(i, i == 11 ? "落实到位" : "落到实处"))) + "\n\n" + Paragraphs((12, 18));
        cut.Write("corpus/e.md", "---\ntitle: 在工作会议上的讲话\nyear: 2015\n---\n\n" + amendedAtTheEnd + "\n"); // an earlier version, years apart
        cut.Write("corpus/d.md", "---\ntitle: 在另一次会议上的讲话\nyear: 2021\n---\n\n我们说过，" + Sentence(6) + "这是一以贯之的，要长期坚持，久久为功，一刻也不能放松。\n");
        Assert.Empty(Indexer.Run(new IndexOptions { CorpusDirectory = cut.Combine("corpus"), IndexDirectory = cut.Combine("index") }).Failed);
        var archive = new Searcher(IndexSnapshot.Load(cut.Combine("index")));
        SearchResult Find(bool fold) => archive.Search(new SearchRequest { Query = "\"要抓好营商环境工作\"", Limit = 10, FoldReprints = fold, NearMatches = false });

        var folded = Find(fold: true);
        var unfolded = Find(fold: false);

        Assert.Equal(5, unfolded.Total);
        Assert.Equal(5, unfolded.Hits.Count);
        Assert.Equal(5, folded.Total);
        Assert.Equal(1, folded.Folded);
        Assert.Equal(4, folded.Hits.Count);
        var shown = Assert.Single(folded.Hits, h => h.Reprints.Count > 0);
        Assert.Equal(["a", "b"], new[] { shown.SpeechId, Assert.Single(shown.Reprints).SpeechId }.Order(StringComparer.Ordinal));
        Assert.Contains(folded.Hits, h => h.SpeechId == "c" && h.Reprints.Count == 0); // worded otherwise inside: another text
        Assert.Contains(folded.Hits, h => h.SpeechId == "d" && h.Reprints.Count == 0); // quoting is not reprinting
        Assert.Contains(folded.Hits, h => h.SpeechId == "e" && h.Reprints.Count == 0); // worded otherwise at the end, five years before
    }

    [Fact]
    public void WhenTwinSpeechesPrintAShortPassageAlike_ShouldShowItOnce()
    {
        // The user trial uploaded one speech four times (as UTF-8, with a BOM, UTF-16 and GBK): its passages of 20 characters
        // or more were one hit each, but 三是坚决整治雁过拔毛式的微腐败。 (15) was four, too short to count as a reprint anywhere.
        using var copies = new TempFolder();
        const string speech = "---\ntitle: 在作风建设会议上的讲话\nyear: 2022\n---\n\n一是坚决整治形式主义官僚主义问题，切实为基层减负松绑，让干部把精力用在抓落实上。\n\n二是严格执行中央八项规定精神，持之以恒纠治四风，坚决防止反弹回潮。\n\n三是坚决整治雁过拔毛式的微腐败。\n";
        copies.Write("corpus/讲话.md", speech);
        copies.Write("corpus/讲话(2).md", speech);
        copies.Write("corpus/另一篇.md", "---\ntitle: 在基层治理会议上的讲话\nyear: 2023\n---\n\n要把群众身边的事办好，提高基层治理能力和水平。\n\n三是坚决整治雁过拔毛式的微腐败。\n"); // another speech saying it
        Assert.Empty(Indexer.Run(new IndexOptions { CorpusDirectory = copies.Combine("corpus"), IndexDirectory = copies.Combine("index") }).Failed);
        var archive = new Searcher(IndexSnapshot.Load(copies.Combine("index")));
        SearchResult Find(bool fold) => archive.Search(new SearchRequest { Query = "\"雁过拔毛式的微腐败\"", Limit = 10, FoldReprints = fold, NearMatches = false });

        var folded = Find(fold: true);
        var unfolded = Find(fold: false);

        Assert.Equal(3, unfolded.Hits.Count);
        Assert.Equal((3, 1, 2), (folded.Total, folded.Folded, folded.Hits.Count));
        var shown = Assert.Single(folded.Hits, h => h.Reprints.Count > 0);
        Assert.Equal("在作风建设会议上的讲话", Assert.Single(shown.Reprints).Title);
        Assert.Contains(folded.Hits, h => h.Title == "在基层治理会议上的讲话" && h.Reprints.Count == 0); // saying it is not printing it
    }

    [Fact]
    public void WhenAnotherProcessLoadsTheGeneration_ShouldReadTheGroupsFromTheFileBesideTheIndex()
    {
        // The CLI's concordance built the reprints on every run (150–330 ms): they are written beside the index once.
        var built = Reprints.Build(searcher.Index);
        _ = SearchStructures.Of(searcher.Index).Reprints;
        var file = Assert.Single(Directory.GetFiles(temp.Combine("index"), "reprints-*.bin"));

        var again = IndexSnapshot.Load(temp.Combine("index"));
        var read = SearchStructures.Of(again).Reprints;

        Assert.True(built.Groups > 0);
        Assert.Equal(Layout(built, again), Layout(read, again));

        // What the file says is what is used: groups written there by hand (none, no twins) are what a new load reads.
        SpeechArchive.Storage.ReprintFile.Write(file, again.Generation, Path.GetFileName(file)[^20..^4], again.Passages.Count, new([], [0], [.. Enumerable.Repeat(-1, again.Speeches.Count)]));
        Assert.Equal(0, SearchStructures.Of(IndexSnapshot.Load(temp.Combine("index"))).Reprints.Groups);
    }

    [Fact]
    public void WhenTheReprintsFileIsDamaged_ShouldBuildTheGroupsAgainAndWriteItAnew()
    {
        _ = SearchStructures.Of(searcher.Index).Reprints;
        var file = Assert.Single(Directory.GetFiles(temp.Combine("index"), "reprints-*.bin"));
        var bytes = File.ReadAllBytes(file);
        bytes[70] ^= 0x5A;
        File.WriteAllBytes(file, bytes);

        var again = IndexSnapshot.Load(temp.Combine("index"));
        var read = SearchStructures.Of(again).Reprints;

        Assert.Equal(Layout(Reprints.Build(again), again), Layout(read, again));
        Assert.NotEqual(bytes, File.ReadAllBytes(file));
        Assert.Equal(Layout(read, again), Layout(SearchStructures.Of(IndexSnapshot.Load(temp.Combine("index"))).Reprints, again));
    }

    /// <summary>Each passage's group and fellow members, and each speech's first twin.</summary>
    private static string Layout(Reprints reprints, IndexSnapshot index) =>
        string.Join(" ", Enumerable.Range(0, index.Passages.Count).Select(d => $"{reprints.GroupOf(d)}:{string.Join(",", reprints.Members(d).ToArray())}"))
        + " | " + string.Join(" ", Enumerable.Range(0, index.Speeches.Count).Select(reprints.TwinsOf));

    private SearchResult Search(string query, bool fold = true, int limit = 10, int offset = 0, bool near = true) =>
        searcher.Search(new SearchRequest { Query = query, Limit = limit, Offset = offset, FoldReprints = fold, NearMatches = near });

    public void Dispose() => temp.Dispose();
}
