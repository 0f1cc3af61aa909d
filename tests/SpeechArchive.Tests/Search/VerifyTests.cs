using SpeechArchive.Analysis;
using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Search;

/// <summary>Reading candidates' text for a word (<see cref="Matcher.Verify"/>): the same counts as the kept match texts give, none kept.</summary>
public sealed class VerifyTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    [Theory]
    [InlineData("全面从严治党")]
    [InlineData("干部")]
    [InlineData("党风廉政建设")]
    [InlineData("2022")]
    public void WhenEveryPassageIsACandidate_ShouldCountAsTheMatchTextDoesWithoutKeepingOne(string form)
    {
        var fresh = IndexSnapshot.Load(seeds.IndexDirectory); // no match text kept yet
        var word = new QueryWord(form, false, MatchText.Build(form, 0, form.Length));
        var all = Enumerable.Range(0, fresh.Passages.Count).ToArray();

        var match = Matcher.Verify(fresh, word, all);
        var held = Matcher.VerifyUntil(fresh, word, all, int.MaxValue);

        Assert.Equal(0, fresh.Passages.KeptMatchTexts);
        var expected = all.Select(d => (Doc: d, Count: MatchText.CountOccurrences(seeds.Snapshot.Passages[d].MatchText, word.MatchForm))).Where(x => x.Count > 0).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(x => x.Doc), match.Docs);
        Assert.Equal(expected.Select(x => x.Count), Enumerable.Range(0, match.Docs.Length).Select(match.Frequency));
        Assert.Equal(match.Docs, held!.Docs);
    }
}
