using SpeechArchive.Tests.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>An org: or speaker: value no speech holds is refused with the nearest values the archive holds, never passed silently as a filter that finds nothing.</summary>
public sealed class FilterValueAdviceTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    [Theory]
    [InlineData("作风 org:人设局", "未知的单位 org:“人设局”", "市人社局")]
    [InlineData("作风 org:中共区委办公室", "未知的单位 org:“中共区委办公室”", "区委")]
    [InlineData("作风 speaker:县委书记", "未知的讲话人 speaker:“县委书记”", "区委书记、局党组书记")]
    public void WhenAValueIsNotTheArchives_ShouldRefuseItNamingTheFilterAndProposingTheNearestValues(string query, string head, string proposals)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => index.Search(query));

        Assert.StartsWith(head, e.Message, StringComparison.Ordinal);
        Assert.Contains($"相近的有：{proposals}。", e.Message, StringComparison.Ordinal);
        Assert.Contains("(unknown ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenNothingIsNear_ShouldSaySoAndProposeNothing()
    {
        var e = Assert.Throws<QuerySyntaxException>(() => index.Search("作风 org:government"));

        var speeches = index.Snapshot.Speeches.Where(s => s.Passages.Count > 0).ToList();
        var unrecorded = speeches.Count(s => string.IsNullOrWhiteSpace(s.Organization));
        Assert.InRange(unrecorded, 1, speeches.Count - 1); // the fixture: some speeches name no organisation
        Assert.Equal($"未知的单位 org:“government”：本库没有单位包含它，也没有相近的（本库 {speeches.Count} 篇讲话中有 {unrecorded} 篇没有记录单位，按单位筛选不到它们）。" +
            $"(unknown org 'government'; {unrecorded} of the {speeches.Count} speeches record no org)", e.Message);
    }

    [Fact]
    public void WhenSomeSpeechesRecordNoSpeaker_ShouldSayHowManySoTheRefusalIsNotReadAsNeverSaid()
    {
        using var temp = new TempFolder();
        var searcher = SearcherOver(temp, ("局长", "要抓好作风建设。"), (null, "要抓好纪律建设。"), (null, "要抓好廉政建设。"));

        var e = Assert.Throws<QuerySyntaxException>(() => searcher.Search(new SearchRequest { Query = "建设 speaker:书记" }));

        Assert.Contains("（本库 3 篇讲话中有 2 篇没有记录讲话人，按讲话人筛选不到它们）", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("; 2 of the 3 speeches record no speaker)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenASpeakerFilterPasses_ShouldNoteTheSpeechesItCannotReach()
    {
        using var temp = new TempFolder();
        var searcher = SearcherOver(temp, ("局长", "要抓好作风建设。"), (null, "要抓好作风建设。"), ("书记", "要抓好作风建设。"));

        var filtered = searcher.Search(new SearchRequest { Query = "作风建设 speaker:局长" });
        var plain = searcher.Search(new SearchRequest { Query = "作风建设" });

        Assert.Equal(1, filtered.Total);
        var note = Assert.Single(filtered.FilterNotes);
        Assert.StartsWith("按讲话人筛选只及记录了讲话人的讲话：本库 3 篇讲话中有 1 篇没有记录讲话人", note, StringComparison.Ordinal);
        Assert.Empty(plain.FilterNotes);
    }

    [Fact]
    public void WhenEverySpeechRecordsTheSpeaker_ShouldNoteNothing()
    {
        using var temp = new TempFolder();
        var searcher = SearcherOver(temp, ("局长", "要抓好作风建设。"));

        Assert.Empty(searcher.Search(new SearchRequest { Query = "作风建设 speaker:局长" }).FilterNotes);
    }

    [Fact]
    public void EveryProposal_ShouldItselfFindPassages()
    {
        foreach (var typed in new[] { "org:人设局", "org:中共区委办公室", "org:市委人社", "speaker:县委书记", "speaker:党委书记" })
        {
            var e = Assert.Throws<QuerySyntaxException>(() => index.Search(typed));
            var field = typed[..typed.IndexOf(':', StringComparison.Ordinal)];
            var listed = e.Message[(e.Message.IndexOf("相近的有：", StringComparison.Ordinal) + 5)..e.Message.IndexOf("。(", StringComparison.Ordinal)].Split('、');

            Assert.InRange(listed.Length, 1, FilterValueAdvice.MaxProposals);
            Assert.All(listed, p => Assert.NotEqual(0, index.Search($"{field}:\"{p}\"").Total));
        }
    }

    [Fact]
    public void WhenAKnownValueIsPartOfAName_ShouldStillMatchEveryNameHoldingIt()
    {
        Assert.Equal(["市人社局"], index.Search("作风 org:人社局").Hits.Select(h => h.Organization).Distinct());
        Assert.Equal(["区委", "市委"], index.Search("org:委", limit: 200).Hits.Select(h => h.Organization!).Distinct().Order(StringComparer.Ordinal));
        Assert.NotEmpty(index.Search("作风 speaker:书记").Hits);
    }

    /// <summary>A searcher over one speech for each of <paramref name="speeches"/> (its speaker, or none), dated a year apart, indexed in <paramref name="temp"/>.</summary>
    private static Searcher SearcherOver(TempFolder temp, params (string? Speaker, string Body)[] speeches)
    {
        var corpus = temp.Combine("corpus");
        Directory.CreateDirectory(corpus);
        for (var i = 0; i < speeches.Length; i++)
        {
            var speaker = speeches[i].Speaker is { } name ? $"speaker: {name}\n" : "";
            File.WriteAllText(Path.Combine(corpus, $"{(char)('a' + i)}.md"), $"---\ntitle: 讲话{i + 1}\ndate: {2020 + i}-01-01\n{speaker}---\n\n{speeches[i].Body}\n");
        }

        SpeechArchive.Indexing.Indexer.Run(new SpeechArchive.Indexing.IndexOptions { CorpusDirectory = corpus, IndexDirectory = temp.Combine("index") });
        return new Searcher(IndexSnapshot.Load(temp.Combine("index")));
    }
}
