using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// The query path's shortcuts — facet tables for browsing, one word scored while collecting, joins from the rarest word,
/// counting by label set and speech, title and heading boosts from char-pair postings — give exactly what the general
/// pass gives: the same hits in the same order with the same scores, the same totals and the same facet counts.
/// </summary>
public sealed partial class FastPathPropertyTests(FastPathPropertyTests.RealIndexFixture fixture) : IClassFixture<FastPathPropertyTests.RealIndexFixture>
{
    private static readonly string[] Words =
    [
        "依法", "加强", "建设", "发展", "工作", "人民", "监督", "作风", "纪律", "改革", "全面从严治党", "党风廉政建设", "一岗双责",
        "八项规定", "四风", "群众", "治理", "责任", "制度", "腐败", "不存在的词语", "党", "的", "法", "中国共产党",
    ];

    [Fact]
    public void WhenSearchingAnything_ShouldGiveWhatTheExhaustivePassGives()
    {
        var fast = new Searcher(fixture.Snapshot);
        var reference = new Searcher(fixture.Snapshot) { Exhaustive = true };

        PropertyRuns.Check(Requests(fixture.Snapshot), request =>
        {
            Assert.Equal(Answer(reference, request), Answer(fast, request));
        }, cases: 400);
    }

    [Fact]
    public void WhenSearchingFreeText_ShouldGiveWhatTheExhaustivePassGives()
    {
        var fast = new Searcher(fixture.Snapshot, QueryUnderstanding.Default);
        var reference = new Searcher(fixture.Snapshot, QueryUnderstanding.Default) { Exhaustive = true };
        var questions = Gen.Elements("怎样防止干部腐败", "如何加强作风建设", "老百姓买房难", "公款大吃大喝", "为什么要全面从严治党", "农民收入怎么提高", "全面从严治党永远在路上", "穷人当兵的怎么办", "当官的收钱办事");

        PropertyRuns.Check(Requests(fixture.Snapshot, questions), request =>
        {
            Assert.Equal(Answer(reference, request), Answer(fast, request));
        }, cases: 200);
    }

    [Fact]
    public void WhenEveryWordIsBroad_ShouldGiveWhatTheExhaustivePassGives()
    {
        // Every one-term word is broad here: its top k skips blocks, its counts are kept and taken again on repeats.
        var fast = new Searcher(fixture.Snapshot) { BroadFrom = 1 };
        var reference = new Searcher(fixture.Snapshot) { Exhaustive = true };
        var requests = Gen.Elements(Words).Zip(Gen.Elements(0, 0, 3, 40, 300).Zip(Gen.Elements(10, 1, 0, 25, 200)),
            (word, page) => new SearchRequest { Query = word, Offset = page.Item1, Limit = page.Item2 });

        PropertyRuns.Check(requests, request =>
        {
            Assert.Equal(Answer(reference, request), Answer(fast, request));
        }, cases: 300);
    }

    [Fact]
    public void WhenEveryWordIsBroadAndOrderedTopically_ShouldGiveWhatTheExhaustivePassGives()
    {
        // The main search: a strict word's best fifty, found by skipping blocks, are ordered again before the page is cut.
        var fast = new Searcher(fixture.Snapshot, QueryUnderstanding.Default) { BroadFrom = 1 };
        var reference = new Searcher(fixture.Snapshot, QueryUnderstanding.Default) { Exhaustive = true };
        var requests = Gen.Elements(Words).Zip(Gen.Elements(0, 0, 3, 45, 49, 50, 60).Zip(Gen.Elements(10, 1, 0, 7, 200)),
            (word, page) => new SearchRequest { Query = word, Offset = page.Item1, Limit = page.Item2 });

        PropertyRuns.Check(requests, request =>
        {
            Assert.Equal(Answer(reference, request), Answer(fast, request));
        }, cases: 200);
    }

    [Fact]
    public void WhenFilteringOneWord_ShouldGiveWhatTheExhaustivePassGives()
    {
        // Filters read from the speech and label-set columns, a word's top k from the blocks that can enter it.
        var snapshot = fixture.Snapshot;
        var fast = new Searcher(snapshot);
        var reference = new Searcher(snapshot) { Exhaustive = true };
        var filters = YearThemeOrTypeFilters(snapshot);
        var requests = Gen.Elements(Words).Zip(Gen.Choose(1, 3).SelectMany(n => filters.ListOf(n)))
            .Zip(Gen.Elements(SearchSort.Relevance, SearchSort.Relevance, SearchSort.DateDescending).Zip(Gen.Elements(0, 0, 5, 40)),
                (r, s) => new SearchRequest { Query = r.Item1, Filters = r.Item2.ToList(), Sort = s.Item1, Offset = s.Item2, Limit = 10 });

        PropertyRuns.Check(requests, request =>
        {
            Assert.Equal(Answer(reference, request), Answer(fast, request));
        }, cases: 200);
    }

    [SkippableFact]
    public void WhenTheTopIsFull_ShouldScoreOnlyTheBlocksThatCanEnterIt()
    {
        SharedCorpus.Require("reports"); // the seeds alone hold too few passages per word to fill blocks
        var snapshot = fixture.Snapshot;
        var (scored, blocks) = (0, 0);
        foreach (var text in new[] { "依法", "加强", "建设", "发展", "工作", "人民", "监督", "改革" })
        {
            var match = Matcher.Match(snapshot, QueryParser.Parse(text).Required[0].Alternatives[0], headings: true);
            var wordBlocks = PostingBlocks.Of(match.Docs, match.TermFrequencies!, SearchStructures.Of(snapshot).Rows);
            using var scorer = new Bm25(snapshot).Scorer(match);
            var (skipping, everything) = (new TopK(10, SearchSort.Relevance), new TopK(10, SearchSort.Relevance));

            scored += wordBlocks.Offer(match, scorer, skipping, snapshot.PassageDate);
            for (var i = 0; i < match.Docs.Length; i++)
            {
                everything.Offer(match.Docs[i], scorer.Score(match.Docs[i], match.Frequency(i)), snapshot.PassageDate[match.Docs[i]]);
            }

            blocks += wordBlocks.Count;
            Assert.Equal(everything.Drain(), skipping.Drain());
        }

        Assert.True(blocks >= 40, $"{blocks} blocks");
        Assert.True(scored < blocks * 3 / 4, $"{scored} of {blocks} blocks scored");
    }

    [Fact]
    public void WhenLookingUpAFormInTitlesAndHeadings_ShouldFindExactlyTheStringsHoldingIt()
    {
        var titles = fixture.Snapshot.Speeches.Select(s => s.TitleMatch).ToArray();
        var postings = FieldPostings.Build(titles); // checks every title until its postings, started by the first lookup, are made
        var unprepared = FieldPostings.Unprepared(titles); // checks one title at a time
        var joined = FieldPostings.Unprepared(titles);
        joined.Join(); // checks them joined, in one pass
        var prepared = FieldPostings.Build(titles);
        prepared.Prepare();
        FieldPostings.SpanWriter copy = (i, destination) =>
        {
            titles[i].CopyTo(destination);
            return titles[i].Length;
        };
        var written = FieldPostings.Written(titles.Length, i => titles[i].Length + 3, copy); // room to spare, as a match form has
        var writtenUnprepared = FieldPostings.UnpreparedWritten(titles.Length, i => titles[i].Length, copy);
        var writtenPrepared = FieldPostings.Written(titles.Length, i => titles[i].Length, copy);
        writtenPrepared.Prepare();
        Assert.Equal(titles.Length, written.Count);
        Assert.All(Enumerable.Range(0, titles.Length), i => Assert.Equal(titles[i], written.Value(i).ToString()));
        var forms = Gen.Elements(titles.Where(t => t.Length > 0).ToArray())
            .SelectMany(t => Gen.Choose(0, t.Length - 1).SelectMany(start => Gen.Choose(0, Math.Min(6, t.Length - start)).Select(n => t.Substring(start, n))))
            .Zip(Gen.Elements(Words), (substring, word) => (substring, word))
            .SelectMany(p => Gen.Elements(p.substring, p.word));

        PropertyRuns.Check(forms, form =>
        {
            var expected = Enumerable.Range(0, titles.Length).Where(i => SpeechArchive.Analysis.MatchText.HoldsWhole(titles[i], form)).ToList();
            Assert.Equal(expected, postings.Matching(form));
            Assert.Equal(expected, prepared.Matching(form));
            Assert.Equal(expected, unprepared.Matching(form));
            Assert.Equal(expected, joined.Matching(form));
            Assert.Equal(expected, written.Matching(form));
            Assert.Equal(expected, writtenUnprepared.Matching(form));
            Assert.Equal(expected, writtenPrepared.Matching(form));
        }, cases: 500);
    }

    [Fact]
    public void WhenStringsWrittenIntoOneHoldTheSeparator_ShouldStillFindExactlyTheStringsHoldingAForm()
    {
        string[] values = ["依法治国", "", "依\uFFFF法", "法依法", "x", "依法\uFFFF"];
        FieldPostings.SpanWriter copy = (i, destination) =>
        {
            values[i].CopyTo(destination);
            return values[i].Length;
        };
        var written = FieldPostings.UnpreparedWritten(values.Length, i => values[i].Length, copy);
        written.Join();
        var prepared = FieldPostings.Written(values.Length, i => values[i].Length, copy);
        prepared.Prepare();
        foreach (var form in new[] { "依法", "法", "依", "\uFFFF", "法\uFFFF", "依\uFFFF法", "x", "", "法依" })
        {
            var expected = Enumerable.Range(0, values.Length).Where(i => SpeechArchive.Analysis.MatchText.HoldsWhole(values[i], form)).ToList();
            Assert.Equal(expected, written.Matching(form));
            Assert.Equal(expected, prepared.Matching(form));
        }
    }

    [SkippableFact]
    public void WhenListingHeadingTexts_ShouldGiveEachHeadingsMatchFormInSpeechThenSectionOrder()
    {
        SharedCorpus.Require("reports"); // the seeds alone hold fewer than fifty headings
        var snapshot = fixture.Snapshot;
        var expected = snapshot.Speeches
            .SelectMany((speech, s) => speech.Sections.Select((section, k) => (Speech: s, Section: k, Info: section)))
            .Where(h => h.Info.HeadingEnd > h.Info.HeadingStart)
            .ToList();
        var (texts, ids) = SearchStructures.Of(snapshot).HeadingTexts();

        Assert.True(expected.Count > 50, $"{expected.Count} headings");
        Assert.Equal(expected.Select(h => (h.Speech, h.Section)), ids);
        Assert.Equal(expected.Count, texts.Count);
        for (var h = 0; h < expected.Count; h++)
        {
            var speech = snapshot.Speeches[expected[h].Speech];
            Assert.Equal(SpeechArchive.Analysis.MatchText.Build(speech.TextSpan, expected[h].Info.HeadingStart, expected[h].Info.HeadingEnd), texts.Value(h).ToString());
        }
    }

    internal static string Answer(Searcher searcher, SearchRequest request)
    {
        try
        {
            return JsonSerializer.Serialize(searcher.Search(request) with { TookMs = 0 }, JsonDefaults.Options);
        }
        catch (QuerySyntaxException e)
        {
            return "refused: " + e.Message;
        }
    }

    /// <summary>A filter of a span of years, a theme or a directive type the snapshot holds.</summary>
    private static Gen<string> YearThemeOrTypeFilters(IndexSnapshot index)
    {
        var years = index.Speeches.Where(s => s.Year is not null).Select(s => s.Year!.Value).Distinct().Order().ToArray();
        return Gen.OneOf(
            Gen.Elements(years).Two().Select(p => $"year:{Math.Min(p.Item1, p.Item2)}..{Math.Max(p.Item1, p.Item2)}"),
            Gen.Elements(index.Themes.Select(t => t.Id).ToArray()).Select(t => $"theme:{t}"),
            Gen.Elements(index.DirectiveTypes.Select(t => t.Id).ToArray()).Select(t => $"type:{t}"));
    }

    /// <summary>Zero to three words (some excluded, some ORed), zero to three filters of any dimension, any sort, grouping and page.</summary>
    internal static Gen<SearchRequest> Requests(IndexSnapshot index, Gen<string>? questions = null)
    {
        var years = index.Speeches.Where(s => s.Year is not null).Select(s => s.Year!.Value).Distinct().Order().ToArray();
        var filters = Gen.OneOf(
            Gen.Elements(years).Select(y => $"year:{y}"),
            Gen.Elements(years).Two().Select(p => $"year:{Math.Min(p.Item1, p.Item2)}..{Math.Max(p.Item1, p.Item2)}"),
            Gen.Elements(index.Themes.Select(t => t.Id).ToArray()).Select(t => $"theme:{t}"),
            Gen.Elements(index.DirectiveTypes.Select(t => t.Id).ToArray()).Select(t => $"type:{t}"),
            Gen.Elements(index.Organizations.Where(o => !o.Any(char.IsWhiteSpace)).DefaultIfEmpty("国务院").ToArray()).Select(o => $"org:\"{o}\""));
        var word = Gen.Elements(Words).Zip(Gen.Elements("", "", "", "-", "OR "), (w, prefix) => prefix + w);
        var query = Gen.Choose(0, 3).SelectMany(n => word.ListOf(n)).Select(ws => string.Join(' ', ws).Trim())
            .Select(q => q.StartsWith("OR ", StringComparison.Ordinal) ? q[3..] : q);
        if (questions is not null)
        {
            query = Gen.OneOf(query, questions, questions.Zip(word, (q, w) => q + " " + (w.StartsWith("OR ", StringComparison.Ordinal) ? w[3..] : w)));
        }

        return query
            .Zip(Gen.Choose(0, 3).SelectMany(n => filters.ListOf(n)))
            .Zip(Gen.Elements(SearchSort.Relevance, SearchSort.Relevance, SearchSort.DateDescending, SearchSort.DateAscending).Zip(Gen.Elements(false, false, true)))
            .Zip(Gen.Elements(0, 0, 0, 7, 40).Zip(Gen.Elements(10, 10, 0, 3, 25)),
                (r, paging) => new SearchRequest
                {
                    Query = r.Item1.Item1,
                    Filters = r.Item1.Item2.ToList(),
                    Sort = r.Item2.Item1,
                    GroupBySpeech = r.Item2.Item2,
                    Offset = paging.Item1,
                    Limit = paging.Item2,
                });
    }

    /// <summary>The project's corpus and, when present, the shared reports (some 4 MB of text) indexed once.</summary>
    public sealed class RealIndexFixture : IDisposable
    {
        private readonly TempFolder folder = new();

        public RealIndexFixture()
        {
            var corpus = folder.Combine("corpus");
            Copy(Path.Combine(FixturePaths.RepoRoot, "corpus"), corpus);
            if (SharedCorpus.Find("reports") is { } reports)
            {
                Copy(reports, Path.Combine(corpus, "reports"));
            }

            Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = folder.Combine("index") });
            Snapshot = IndexSnapshot.Load(folder.Combine("index"));
        }

        public IndexSnapshot Snapshot { get; }

        public void Dispose() => folder.Dispose();

        private static void Copy(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
