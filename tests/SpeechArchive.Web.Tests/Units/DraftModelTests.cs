using SpeechArchive.Web.Pages.Writing;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Tests.Units;

public sealed class DraftModelTests
{
    [Theory]
    [InlineData("", null)]
    [InlineData("4", "第 4 句")]
    [InlineData("3 5 6 7 9", "第 3、5–7、9 句")]
    public void WhenTheBudgetCutSomeSentences_ShouldNameThemAsRanges(string cut, string? named)
    {
        // The page said only that "later sentences" were cut, though sentences are checked in parallel and any may be.
        var numbers = cut.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToHashSet();
        var sentences = Enumerable.Range(1, 10).Select(n => new DraftSentence
        {
            Number = n, Text = "句", Start = n, End = n + 1, Precedents = [], Runs = [], ClauseLookupsCut = numbers.Contains(n),
        });

        Assert.Equal(named, DraftModel.Named(sentences, s => s.ClauseLookupsCut));
    }
}
