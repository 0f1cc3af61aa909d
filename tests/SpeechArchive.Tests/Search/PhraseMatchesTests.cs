using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

public sealed class PhraseMatchesTests
{
    private static WordMatch Match(string form, int passages) =>
        new(new QueryWord(form, false, form), [.. Enumerable.Range(0, passages)], [.. Enumerable.Repeat(1, passages)]);

    [Fact]
    public void WhenAWordIsKept_ShouldGiveItsMatchForAnyWordOfThatForm()
    {
        var kept = new PhraseMatches(capacity: 100, from: 10);
        var match = Match("社会主义", 5);

        kept.Add(match, candidates: 10);
        var typed = new QueryWord("社会 主义", false, "社会主义");

        Assert.Same(match.Docs, kept.Get(typed)!.Docs);
        Assert.Same(typed, kept.Get(typed)!.Word);
    }

    [Fact]
    public void WhenAMatchWithHeadingsIsMade_ShouldKeepItApartFromTheWordsOwnMatch()
    {
        var kept = new PhraseMatches(capacity: 100, from: 10);
        var word = new QueryWord("社会主义", false, "社会主义");
        var withHeadings = new WordMatch(word, [.. Enumerable.Range(0, 12), 40], [.. Enumerable.Repeat(1, 12), 0]) { HeadingCoverage = new() { [40] = 1.0 } };
        var makings = 0;

        var first = kept.WithHeadings(word, () => { makings++; return withHeadings; });
        var again = kept.WithHeadings(word, () => { makings++; return withHeadings; });

        Assert.Equal(1, makings);
        Assert.Same(withHeadings.Docs, again.Docs);
        Assert.Same(first.Docs, again.Docs);
        Assert.Null(kept.Get(word)); // the word's own match is another entry
    }

    [Fact]
    public void WhenNoHeadingHoldsTheWord_ShouldNotKeepItsMatchTwice()
    {
        var kept = new PhraseMatches(capacity: 100, from: 10);
        var word = new QueryWord("社会主义", false, "社会主义");
        var makings = 0;

        kept.WithHeadings(word, () => { makings++; return Match("社会主义", 20); });
        kept.WithHeadings(word, () => { makings++; return Match("社会主义", 20); });

        Assert.Equal(2, makings);
        Assert.Equal(0, kept.Kept);
    }

    [Fact]
    public void WhenHeadingsAddNothingToAOneTermWord_ShouldNotKeepItsPostingsBesideTheirOwnBudget()
    {
        var kept = new PhraseMatches(capacity: 100, from: 10);
        var word = new QueryWord("依法", false, "依法");
        var postings = new WordMatch(word, [.. Enumerable.Range(0, 20)], null, new byte[20]) { HeadingCoverage = new() { [3] = 0.5 } };

        kept.WithHeadings(word, () => postings);

        Assert.Equal(0, kept.Kept);
    }

    [Fact]
    public void WhenFewCandidatesWereRead_ShouldNotKeepTheMatch()
    {
        var kept = new PhraseMatches(capacity: 100, from: 10);

        kept.Add(Match("社会主义", 5), candidates: 9);

        Assert.Null(kept.Get(new QueryWord("社会主义", false, "社会主义")));
    }

    [Fact]
    public void WhenFull_ShouldDropTheLeastRecentlyUsedFirst()
    {
        var kept = new PhraseMatches(capacity: 100, from: 0);
        kept.Add(Match("甲乙", 20), 20);
        kept.Add(Match("丙丁", 20), 20);
        kept.Add(Match("戊己", 20), 20);
        _ = kept.Get(new QueryWord("甲乙", false, "甲乙")); // used since: 丙丁 is now the least recently used

        kept.Add(Match("庚辛", 25), 25);
        kept.Add(Match("壬癸", 25), 25);

        Assert.Null(kept.Get(new QueryWord("丙丁", false, "丙丁"))); // 20 + 20 + 20 + 25 + 25 > 100: one dropped
        Assert.NotNull(kept.Get(new QueryWord("甲乙", false, "甲乙")));
        Assert.NotNull(kept.Get(new QueryWord("戊己", false, "戊己")));
        Assert.Equal(90, kept.Kept);
    }

    [Fact]
    public void WhenPassagesWereCountedUntilEnoughHeldAWord_ShouldKnowTheLargestCountForAnyWordOfThatForm()
    {
        var kept = new PhraseMatches(capacity: 100, from: 10);
        var word = new QueryWord("代表大会", false, "代表大会");

        kept.Held(word, 30);
        kept.Held(word, 12);
        var typed = new QueryWord("代表 大会", false, "代表大会");

        Assert.Equal(30, kept.HeldBy(typed));
        kept.Held(typed, 45);
        Assert.Equal(45, kept.HeldBy(word));
        Assert.Equal(0, kept.HeldBy(new QueryWord("常务委员会", false, "常务委员会")));
    }
}
