using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

public sealed class MeaningWeightTests
{
    private static ScoredDocs Words(params int[] docs) => new(docs, [.. docs.Select(_ => 1.0)]);

    private static List<(int Passage, float Cosine)> Nearest(params int[] docs) => [.. docs.Select((d, i) => (d, 1f - (i * 0.01f)))];

    [Fact]
    public void WhenTheWordsCountEveryNearestPassage_ShouldGiveMeaningItsFullWeight()
    {
        var weight = Ranker.MeaningWeightFor(Words(1, 3, 5, 7), Nearest(7, 3, 1));

        Assert.Equal(Ranker.MeaningWeight, weight, 10);
    }

    [Fact]
    public void WhenTheWordsCountNoneOfTheNearestPassages_ShouldGiveMeaningNoWeight()
    {
        Assert.Equal(0, Ranker.MeaningWeightFor(Words(1, 3, 5), Nearest(2, 4, 6)));
        Assert.Equal(0, Ranker.MeaningWeightFor(Words(1, 3, 5), Nearest()));
    }

    [Fact]
    public void WhenTheNearestPassagesHoldTheQuerysMostSpecificWord_ShouldCountThemAsAgreeing()
    {
        // The words count none of them (too few of the query's other words), but each holds its rarest word.
        var words = Words(1, 3, 5);
        var nearest = Nearest(2, 4, 6);

        Assert.Equal(0, Ranker.MeaningWeightFor(words, nearest, specific: null));
        Assert.Equal(0, Ranker.MeaningWeightFor(words, nearest, specific: [1, 8, 9]));
        Assert.Equal(Ranker.MeaningWeight, Ranker.MeaningWeightFor(words, nearest, specific: [2, 4, 6, 10]), 10);
    }

    [Fact]
    public void WhenSomeNearestPassagesAreCountedAndOthersHoldTheMostSpecificWord_ShouldCountEachOnce()
    {
        // Of 30 nearest: 3 counted by the words, 3 holding the specific word, 1 both: 5 agree, a share of 1/6.
        var nearest = Nearest([.. Enumerable.Range(100, 30)]);
        var words = Words(100, 101, 102);
        int[] specific = [102, 103, 104, 500];

        var weight = Ranker.MeaningWeightFor(words, nearest, specific);

        Assert.Equal(Ranker.MeaningWeight * (5.0 / 30) / Ranker.MeaningAgreement, weight, 10);
    }

    [Fact]
    public void WhenTheWordsCountSomeOfTheNearestPassages_ShouldScaleTheWeightByThatShare()
    {
        // 6 of 30 counted: a share of 0.2, half the share at which meaning has its full weight.
        var nearest = Nearest([.. Enumerable.Range(100, 30)]);
        var words = Words([.. Enumerable.Range(0, 106)]);

        var weight = Ranker.MeaningWeightFor(words, nearest);

        Assert.Equal(Ranker.MeaningWeight * 0.2 / Ranker.MeaningAgreement, weight, 10);
    }

    [Fact]
    public void WhenMoreOfTheNearestPassagesAreCounted_ShouldNeverLowerTheWeight()
    {
        var nearest = Nearest([.. Enumerable.Range(0, 30).Select(i => i * 2)]);
        var previous = -1.0;
        for (var counted = 0; counted <= 30; counted++)
        {
            var weight = Ranker.MeaningWeightFor(Words([.. Enumerable.Range(0, counted).Select(i => i * 2)]), nearest);
            Assert.True(weight >= previous, $"{counted} counted: {weight} < {previous}");
            Assert.InRange(weight, 0, Ranker.MeaningWeight);
            previous = weight;
        }
    }

    [Fact]
    public void TheMostSpecificWord_ShouldBeTheSearchedWordTheFewestPassagesHold()
    {
        var held = new Dictionary<string, int[]> { ["政府"] = [1, 2, 3, 4, 5], ["高校毕业生"] = [2, 9], ["就业"] = [2, 3, 9], ["无人"] = [] };
        WordMatch Match(QueryWord w) => new(w, held[w.Text], null);
        static QueryWord Word(string text) => new(text, false, text);
        static WordSlot Slot(string text, params string[] words) => new(text, [.. words.Select(Word)], []);

        // The rarest searched word wins; a word no passage holds, and a slot searched only through its terms, are passed over.
        Assert.Equal([2, 9], Ranker.MostSpecific([Slot("政府", "政府"), Slot("就业", "就业"), Slot("高校毕业生", "高校毕业生"), Slot("无人", "无人"), Slot("穷人")], Match)!);

        // A slot's first word stands for it (its parts after it are not read).
        Assert.Equal([1, 2, 3, 4, 5], Ranker.MostSpecific([Slot("政府机关", "政府", "高校毕业生"), Slot("政府", "政府")], Match)!);

        // One word: its passages are already the words' own.
        Assert.Null(Ranker.MostSpecific([Slot("高校毕业生", "高校毕业生")], Match));
    }
}
