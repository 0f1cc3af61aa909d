using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

public sealed class SimilarPassagesTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public void WhenATextIsPrintedTwice_ShouldListItOnceWithTheOtherFoldedUnderItAndNeverTheSourcesOwnReprint()
    {
        using var temp = new TempFolder();
        const string Shared = "要坚持把作风建设抓在日常、严在经常，驰而不息纠治“四风”，坚决防止形式主义、官僚主义反弹回潮，推动作风建设常态化长效化。";
        const string Source = "要坚持把作风建设抓在日常，驰而不息纠治“四风”，坚决防止形式主义和官僚主义，推动作风建设常态化、长效化，久久为功。";
        var index = TinyCorpus.Index(temp,
            ("a.md", "2021-03-01", "在作风建设会议上的讲话", Shared + "\n\n发展是第一要务，创新是第一动力，人才是第一资源。"),
            ("b.md", "2021-03-02", "新华社电 在作风建设会议上的讲话", Shared + "\n\n发展是第一要务，创新是第一动力，人才是第一资源。"),
            ("c.md", "2022-05-01", "在纪律教育大会上的讲话", Source + "\n\n要严明政治纪律和政治规矩。"),
            ("d.md", "2022-06-01", "转载 在纪律教育大会上的讲话", Source + "\n\n要严明政治纪律和政治规矩。"));
        string Id(string title) => index.Passages[Enumerable.Range(0, index.Passages.Count).First(d => index.Speeches[index.Passages[d].Speech].Title == title)].Id;

        var result = SimilarPassages.Find(index, Id("在纪律教育大会上的讲话"), limit: 10, meaningWeight: 0)!;

        var listed = result.Similar.Select(s => s.Source.PassageId).ToList();
        Assert.Equal([Id("转载 在纪律教育大会上的讲话")], result.Reprints.Select(r => r.PassageId)); // the source's own text elsewhere: named, not listed
        Assert.DoesNotContain(Id("转载 在纪律教育大会上的讲话"), listed);
        var first = result.Similar[0];
        Assert.Contains(first.Source.PassageId, new[] { Id("在作风建设会议上的讲话"), Id("新华社电 在作风建设会议上的讲话") });
        var folded = Assert.Single(first.Reprints);
        Assert.NotEqual(first.Source.PassageId, folded.PassageId);
        Assert.DoesNotContain(folded.PassageId, listed);
        Assert.Equal(listed.Distinct().Count(), listed.Count);
    }

    [Fact]
    public void WhenARequestIsDone_ShouldNotKeepItsSnapshotAlive()
    {
        // A thread that served a request must not hold the request's snapshot (after a reindex, a replaced generation: a
        // web app's whole index) until its next similar-passages request.
        var index = seeds.Snapshot;
        var source = Enumerable.Range(0, index.Passages.Count).First(i => index.Passages[i].End - index.Passages[i].Start > 150);

        Assert.NotEmpty(SimilarPassages.Find(index, index.Passages[source].Id, limit: 5, meaningWeight: 0.5)!.Similar);

        Assert.False(IdfMemo.HoldsSnapshot, "this thread's idf memo still holds the snapshot of a finished request");
    }

    [Fact]
    public void WhenWeighingEveryPassage_ShouldNotDecodeEveryTermsPostings()
    {
        // The norms of all passages need every bigram's idf: from the dictionary's counts, not from decoded postings kept
        // for the snapshot's life (four times the stored size).
        var index = IndexSnapshot.Load(seeds.IndexDirectory);

        PassageNorms.Prepare(index);

        Assert.True(index.TermCount > 1_000, $"{index.TermCount} terms");
        Assert.True(index.DecodedTermCount < index.TermCount / 100, $"{index.DecodedTermCount} of {index.TermCount} terms decoded");
    }

    [Fact]
    public void WhenRankingByMeaningAlone_ShouldListThePassagesOfOtherSpeechesNearestTheSourcesVector()
    {
        var index = seeds.Snapshot;
        var vectors = index.MeaningVectors!;
        var source = index.Passages.Select((p, i) => (p, i)).First(x => x.p.End - x.p.Start > 150).i;
        var own = vectors.VectorOf(source);
        var expected = Enumerable.Range(0, index.Passages.Count).Where(d => index.Passages[d].Speech != index.Passages[source].Speech)
            .Select(d => (Id: index.Passages[d].Id, Cosine: vectors.Similarity(own, d))).OrderByDescending(x => x.Cosine).Take(5).ToList();

        var result = SimilarPassages.Find(index, index.Passages[source].Id, limit: 5, meaningWeight: 1)!;

        Assert.Equal(expected.Select(x => x.Id), result.Similar.Select(s => s.Source.PassageId));
        Assert.All(result.Similar.Zip(expected), x => Assert.Equal(Math.Round(x.Second.Cosine, 3), x.First.Score, 3));
    }

    [Fact]
    public void WhenMixingMeaningIn_ShouldFindPassagesTheBigramsAloneDoNot()
    {
        var index = seeds.Snapshot;
        var mixedIn = 0;
        foreach (var source in Enumerable.Range(0, index.Passages.Count).Where(i => index.Passages[i].End - index.Passages[i].Start > 150).Take(10))
        {
            var words = SimilarPassages.Find(index, index.Passages[source].Id, limit: 5, meaningWeight: 0)!.Similar.Select(s => s.Source.PassageId).ToHashSet();
            var mixed = SimilarPassages.Find(index, index.Passages[source].Id, limit: 5)!.Similar;
            Assert.DoesNotContain(mixed, s => s.Source.SpeechId == index.Speeches[index.Passages[source].Speech].Id);
            mixedIn += mixed.Count(s => !words.Contains(s.Source.PassageId));
        }

        Assert.True(mixedIn > 0, "meaning brings in passages the shared bigrams did not rank");
    }

    [Fact]
    public void WhenAnotherSpeechReusesAPassage_ShouldRankItFirstWithTheSharedStrings()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2019-01-10", "甲", "要严格落实中央八项规定精神，坚决纠治形式主义官僚主义，锲而不舍抓好作风建设。\n\n经济工作要稳中求进。"),
            ("b.md", "2020-01-10", "乙", "各级党组织要严格落实中央八项规定精神，坚决纠治形式主义官僚主义，持之以恒抓好作风建设。"),
            ("c.md", "2021-01-10", "丙", "要抓好作风建设，推动经济工作稳中求进。"),
            ("d.md", "2022-01-10", "丁", "加快发展现代产业体系，推动经济体系优化升级。"));
        var source = index.Speeches.Single(s => s.Title == "甲").Passages[0];

        var result = SimilarPassages.Find(index, index.Passages[source].Id)!;

        Assert.Equal("乙", result.Similar[0].Source.Title);
        Assert.Contains(result.Similar[0].SharedTerms, t => t.Contains("严格落实中央八项规定精神", StringComparison.Ordinal));
        Assert.Contains("抓好作风建设", result.Similar[0].SharedTerms);
        Assert.Contains("<mark>", result.Similar[0].Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Similar, s => s.Source.Title == "甲");
        Assert.True(result.Similar.Zip(result.Similar.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.InRange(result.Similar[0].Score, 0.5, 1);
    }

    [Fact]
    public void WhenNamingTheSharedStrings_ShouldCutThemToWholeWordsAndListEachOnce()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2021-01-10", "甲", "2021年党风廉政建设工作的要点已经印发，各单位业务工作和党建工作同部署同落实同检查。"),
            ("b.md", "2022-01-10", "乙", "2022年党风廉政建设工作的重点更加明确，要做到同部署同落实同检查，推动党风廉政建设向纵深发展。"));
        var source = index.Speeches.Single(s => s.Title == "甲").Passages[0];

        var terms = SimilarPassages.Find(index, index.Passages[source].Id)!.Similar.Single().SharedTerms;

        // The runs both share are 年党风廉政建设工作的 and 同部署同落实同检查: the year's 年 and the particle 的 are not part of
        // the term, the parallel's first 同 is; 党风廉政建设, shared again on its own, is held in the longer term.
        Assert.Contains("党风廉政建设工作", terms);
        Assert.Contains("同部署同落实同检查", terms);
        Assert.DoesNotContain(terms, t => t.StartsWith('年') || t.EndsWith('的'));
        Assert.DoesNotContain("党风廉政建设", terms);
    }

    [Fact]
    public void WhenScoringJudgedPairs_ShouldGiveTheRankingWhoseTopFiveAreAllJudgedBestAnNdcgOfOne()
    {
        using var temp = new TempFolder();
        var index = seeds.Snapshot;
        List<string> Top(string id, double weight) => [.. SimilarPassages.Find(index, id, SimilarEvaluator.K, weight)!.Similar.Select(s => s.Source.PassageId)];
        var source = index.Passages.Select(p => p.Id).First(id => Top(id, 0).Count == SimilarEvaluator.K);
        var byBigrams = Top(source, 0);
        var byMeaning = Top(source, 1);
        var path = temp.Combine("judgments.tsv");
        File.WriteAllLines(path, ["source_id\tcandidate_id\tgrade",
            .. byBigrams.Select(c => $"{source}\t{c}\t2"), .. byMeaning.Except(byBigrams).Select(c => $"{source}\t{c}\t0")]);

        var scores = SimilarEvaluator.Evaluate(index, SimilarEvaluator.LoadJudgments(path));

        var bigramsAlone = scores.Single(s => s.MeaningWeight == 0);
        Assert.Equal((1, 1.0, 1.0, 1.0, 0), (bigramsAlone.Sources, bigramsAlone.Ndcg, bigramsAlone.Precision, bigramsAlone.Strong, bigramsAlone.Unjudged));
        var meaningAlone = scores.Single(s => s.MeaningWeight == 1);
        Assert.Equal((double)byMeaning.Count(byBigrams.Contains) / SimilarEvaluator.K, meaningAlone.Precision, 3);
    }

    [Fact]
    public void WhenThePassageIsUnknown_ShouldReturnNull()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, ("a.md", "2019-01-10", "甲", "要抓好作风建设。"));

        Assert.Null(SimilarPassages.Find(index, "nowhere:1"));
    }
}
