using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

public sealed class CompletionsTests
{
    private static readonly (string File, string Date, string Title, string Body)[] Speeches =
    [
        ("a.md", "2016-01-10", "甲", "全面从严治党永远在路上。\n\n我们要坚持全面从严治党，驰而不息。\n\n严格落实八项规定精神。"),
        ("b.md", "2018-02-10", "乙", "全面从严治党永远在路上，一刻不能停。\n\n推动全面从严治党向纵深发展。\n\n其中第八、项目资金管理制度。"),
        ("c.md", "2020-03-10", "丙", "必须清醒看到，全面从严治党永远在路上。\n\n中华人民共和国成立以来。\n\n中华人民共和国宪法。\n\n中华人民共和国各族人民。"),
        ("d.md", "2021-04-10", "丁", "作风建设永远在路上。\n\n全面从严治党是党永葆生机活力的法宝。\n\n违反中央八项规定。\n\n让人民共享改革发展成果。\n\n人民共同富裕。"),
    ];

    [Fact]
    public void WhenTheStartOfAWordIsTyped_ShouldCompleteTheWordAndTheClausesTwoPassagesSayMostSaidFirst()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, Speeches);

        var result = Completions.Complete(index, "全面从严", null, 8);

        var passagesHolding = Speeches.SelectMany(s => s.Body.Split("\n\n")).Count(p => p.Contains("全面从严治党", StringComparison.Ordinal));
        Assert.Equal(passagesHolding, result.Passages);
        Assert.False(result.Approximate);
        var first = result.Completions[0];
        Assert.Equal(("全面从严治党", CompletionKind.Word, passagesHolding), (first.Said, first.Kind, first.Passages));
        var clause = Assert.Single(result.Completions, c => c.Kind == CompletionKind.Clause);
        Assert.Equal(("全面从严治党永远在路上", 3), (clause.Said, clause.Passages)); // said as a clause three times, the third after a comma
        Assert.DoesNotContain(result.Completions, c => c.Said.StartsWith("全面从严治党向", StringComparison.Ordinal)); // one passage only
        Assert.All(result.Completions, c => Assert.StartsWith("全面从严", c.Query, StringComparison.Ordinal));
        Assert.Equal(result.Completions.Select(c => c.Passages).OrderDescending(), result.Completions.Select(c => c.Passages));
    }

    [Fact]
    public void WhenAClauseRunsOnAfterAnEnumerationComma_ShouldOfferItWholeWithTheComma()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
        [
            ("a.md", "2019-06-10", "甲", "我们要始终做到不忘初心、牢记使命。"),
            ("b.md", "2019-07-10", "乙", "要不忘初心、牢记使命，继续前进。"),
            ("c.md", "2020-01-10", "丙", "不忘初心，方得始终。"),
        ]);

        var result = Completions.Complete(index, "不忘初", null, 8);

        var word = Assert.Single(result.Completions, c => c.Kind == CompletionKind.Word);
        Assert.Equal(("不忘初心", 3), (word.Said, word.Passages)); // the word ends at the comma
        var clause = Assert.Single(result.Completions, c => c.Kind == CompletionKind.Clause);
        Assert.Equal(("不忘初心、牢记使命", "不忘初心、牢记使命", 2), (clause.Said, clause.Query, clause.Passages));
        var whole = Completions.Complete(index, "不忘初心", null, 8); // the word typed whole: the comma comes first
        var only = Assert.Single(whole.Completions);
        Assert.Equal(("不忘初心、牢记使命", 2), (only.Said, only.Passages));
    }

    [Fact]
    public void WhenWordsAreTypedBeforeTheLast_ShouldKeepThemAndCompleteTheLastOnly()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, Speeches);

        var result = Completions.Complete(index, "作风建设 全面从严", null, 8);

        Assert.Equal("全面从严", result.Typed);
        Assert.Equal("作风建设 全面从严治党", result.Completions[0].Query);
    }

    [Fact]
    public void WhenTheTypedTextIsHeldOnlyAcrossPunctuation_ShouldNotCompleteFromThere()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, Speeches);

        var result = Completions.Complete(index, "八项", null, 8);

        Assert.Equal(3, result.Passages); // 第八、项目 matches 八项 as a phrase, as search reads in-sentence punctuation
        Assert.DoesNotContain(result.Completions, c => c.Said.StartsWith("八项目", StringComparison.Ordinal));
        Assert.Contains(result.Completions, c => c.Said == "八项规定");
    }

    [Fact]
    public void WhenTheLexiconCutsAWordShort_ShouldCompleteItToWhereTheTextsGoApart()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, Speeches);

        var result = Completions.Complete(index, "人民", null, 8);

        Assert.Contains(result.Completions, c => c.Said == "人民共和国" && c.Passages == 3); // not counting 人民 | 共享, 人民 | 共同
        Assert.DoesNotContain(result.Completions, c => c.Said == "人民共"); // 人民共同 and 人民共享 do not keep it from going on
    }

    [Fact]
    public void WhenFiltersAreTypedOrGiven_ShouldCountOnlyThePassagesTheyKeep()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, Speeches);

        var typed = Completions.Complete(index, "year:2016..2018 全面从严", null, 8);
        var given = Completions.Complete(index, "全面从严", ["year:2016..2018"], 8);

        var kept = Speeches.Where(s => s.Date[..4] is "2016" or "2017" or "2018").SelectMany(s => s.Body.Split("\n\n")).Count(p => p.Contains("全面从严治党", StringComparison.Ordinal));
        Assert.Equal(kept, typed.Passages);
        Assert.Equal(kept, given.Passages);
        Assert.Equal("year:2016..2018 全面从严治党", typed.Completions[0].Query);
    }

    [Fact]
    public void WhenTraditionalCharactersAreTyped_ShouldKeepThemAndCompleteAsTheFoldedTextGoesOn()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, Speeches);

        var result = Completions.Complete(index, "全面從嚴", null, 8);

        Assert.Equal("全面从严", result.Typed);
        Assert.Equal(("全面從嚴治党", "全面从严治党"), (result.Completions[0].Query, result.Completions[0].Said));
    }

    [Theory]
    [InlineData("全")] // one character
    [InlineData("作风 year:2022")] // a filter
    [InlineData("作风 OR")] // an operator
    [InlineData("\"全面从严")] // a quote
    [InlineData("全面，从严")] // punctuation
    [InlineData("abc")]
    [InlineData("")]
    public void WhenTheLastWordIsNoChineseText_ShouldCompleteNothing(string text)
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, Speeches);

        Assert.Empty(Completions.Complete(index, text, null, 8).Completions);
    }

    [Fact]
    public void WhenMorePassagesHoldItThanAreRead_ShouldSayTheCountsAreASamplesScaled()
    {
        using var temp = new TempFolder();
        var many = Completions.MaxSampled + 300;
        var body = string.Join("\n\n", Enumerable.Range(0, many).Select(i => i % 3 == 0 ? "全面推进依法治国。" : "全面推进依法行政，建设法治政府。"));
        var index = TinyCorpus.Index(temp, ("many.md", "2019-01-01", "多段", body));

        var result = Completions.Complete(index, "全面推进", null, 8);

        Assert.Equal(many, result.Passages);
        Assert.True(result.Approximate);
        var governing = (many + 2) / 3;
        var state = Assert.Single(result.Completions, c => c.Said.StartsWith("全面推进依法治", StringComparison.Ordinal));
        Assert.InRange(state.Passages, governing * 0.9, governing * 1.1); // every third passage, read in a sample
    }
}
