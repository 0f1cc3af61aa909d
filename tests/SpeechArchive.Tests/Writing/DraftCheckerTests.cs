using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

public sealed class DraftCheckerTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public void WhenADraftReusesTwoSentencesLightlyEdited_ShouldFindBothPrecedentsFirst()
    {
        // Two sentences of the project's speeches, each edited a little: quotes dropped, a character added or changed, a word swapped.
        const string first = "党风廉政建设没有“完成时”，全面从严治党一直在路上，严以自律是一项终身课，我们必须常抓不懈，永葆共产党人政治本色。";
        const string second = "要严格考核问责，加大考核力度，以刚性问责推动党内政治生活的制度化、规范化。";
        var draft = "同志们：\n"
            + "党风廉政建设没有完成时，全面从严治党一直在路上，严以自律是一项终身课题，我们必须长抓不懈，永葆共产党人的政治本色。"
            + "要严肃考核问责，加大考核力度，以刚性问责推进党内政治生活的制度化、规范化。";

        var result = DraftChecker.Check(seeds.Snapshot, new DraftCheckRequest { Text = draft });

        var sentences = result.Sentences.Where(s => s.Precedents.Count > 0 && s.Text.Length > 20).ToList();
        Assert.Equal(2, sentences.Count);
        Assert.Equal(PassageHolding(first), sentences[0].Precedents[0].Source.PassageId);
        Assert.Equal(PassageHolding(second), sentences[1].Precedents[0].Source.PassageId);
        Assert.All(sentences, s => Assert.InRange(s.Precedents[0].Similarity, 0.8, 1));
        Assert.All(sentences, s => Assert.NotEmpty(s.Runs));
    }

    [Fact]
    public void WhenASentenceSharesALongRunVerbatim_ShouldReportTheRunWithItsDraftOffsets()
    {
        const string draft = "我们要深刻认识到全面从严治党永远在路上，绝不能松劲。";

        var result = DraftChecker.Check(seeds.Snapshot, new DraftCheckRequest { Text = draft });

        var run = Assert.Single(Assert.Single(result.Sentences).Runs);
        Assert.Contains("全面从严治党永远在路上", run.Text, StringComparison.Ordinal);
        Assert.Equal(run.Text, draft[run.Start..run.End]);
        Assert.True(run.Text.Length >= 8);
        Assert.Equal(1, result.SentencesWithRuns);
    }

    [Fact]
    public void WhenALongSentenceSharesOneClauseVerbatim_ShouldStillReportTheRunAndCiteItsPassage()
    {
        // Too few of the sentence's bigrams are the passage's for it to be a candidate by shared bigrams.
        const string draft = "去年秋天我们走访了三个城市的十几家工厂，大家一致认为应当抓好党内政治生活的制度化。";

        var result = DraftChecker.Check(seeds.Snapshot, new DraftCheckRequest { Text = draft });

        var sentence = Assert.Single(result.Sentences);
        Assert.All(sentence.Precedents, p => Assert.NotNull(p.Clause)); // none of the whole sentence
        var run = Assert.Single(sentence.Runs);
        Assert.Equal("党内政治生活的制度化", run.Text);
        Assert.Equal(PassageHolding("以刚性问责推动党内政治生活的制度化"), run.PassageId);
        Assert.Equal(run.PassageId, run.Source.PassageId);
    }

    [Fact]
    public void WhenAMisquotedFormulationOpensASentenceThatRunsOn_ShouldListItsClausePrecedent()
    {
        // 坚持正确政治方向 with 的 added, then a clause the archive never says: too little of the sentence is the passage's
        // for it to be the sentence's precedent, and no run of eight characters is shared.
        const string draft = "坚持正确的政治方向，今年秋天我们还要走访三个城市的十几家工厂和农村合作社。";

        var result = DraftChecker.Check(seeds.Snapshot, new DraftCheckRequest { Text = draft });

        var sentence = Assert.Single(result.Sentences);
        Assert.Empty(sentence.Runs);
        var precedent = Assert.Single(sentence.Precedents);
        Assert.NotNull(precedent.Clause);
        Assert.Equal("坚持正确的政治方向", precedent.Clause.Text);
        Assert.Equal(precedent.Clause.Text, draft[precedent.Clause.Start..precedent.Clause.End]);
        Assert.Equal(PassageHolding("坚持正确政治方向"), precedent.Source.PassageId);
        Assert.Contains("坚持正确政治方向", precedent.Matched, StringComparison.Ordinal);
        Assert.InRange(precedent.Similarity, 0.5, 0.99);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void WhenAClauseIsSaidMoreNearlyThanItsSentenceInAPassage_ShouldCiteThePassageForTheClauseOnceWhateverThePrecedentsAsked(int asked)
    {
        // The passage was the sentence's third precedent (0.32), and listed there it took the clause's place (0.55): asking
        // for three precedents lost what asking for two showed (a user trial).
        const string draft = "要以钉钉子精神抓好各项工作落实，确保党风廉政建设各项任务落到实处。";

        var result = DraftChecker.Check(seeds.Snapshot, new DraftCheckRequest { Text = draft, PrecedentsPerSentence = asked });

        var precedents = Assert.Single(result.Sentences).Precedents;
        var clause = Assert.Single(precedents, p => p.Clause?.Text == "确保党风廉政建设各项任务落到实处");
        Assert.Contains("落到实处", clause.Matched, StringComparison.Ordinal);
        Assert.Equal(precedents.Count, precedents.Select(p => p.Source.PassageId).Distinct().Count());
    }

    [Fact]
    public void WhenTheClosestPassageOnlyCutsAClauseShort_ShouldListTheNextThatSaysItInOtherWords()
    {
        // 定不移推进作风建设 of 确定不移… is the clause cut short (0.9), and it hid 坚定不懈地推进作风建设 behind it (a review).
        using var temp = new TempFolder();
        temp.Write("corpus/a.md", "---\ntitle: 甲\nyear: 2021\n---\n\n各单位要确定不移推进作风建设的各项措施。\n");
        temp.Write("corpus/b.md", "---\ntitle: 乙\nyear: 2022\n---\n\n今年各单位要坚定不懈地推进作风建设，这是大家的共同任务。\n");
        var index = temp.IndexAndSearch().Index;

        var result = DraftChecker.Check(index, new DraftCheckRequest { Text = "坚定不移推进作风建设，纪检监察干部要带头严守纪律。" });

        var sentence = Assert.Single(result.Sentences);
        var clause = Assert.Single(sentence.Precedents, p => p.Clause is not null);
        Assert.Equal("坚定不移推进作风建设", clause.Clause!.Text);
        Assert.Equal("b:1", clause.Source.PassageId[^3..]);
        // The sentence's own precedent was that passage (0.38), listed for the clause: the page must not say none is near.
        Assert.True(sentence.SaidNearly);
        Assert.DoesNotContain(sentence.Precedents, p => p.Clause is null && p.Source.PassageId == clause.Source.PassageId);
    }

    [Fact]
    public void WhenTheBudgetIsSpentOnAClause_ShouldLookUpNoFurtherClauseAndSaySo()
    {
        // Each clause's lookup is charged to the draft's budget, as a window's is (until the sixty-third session it was not,
        // and a long draft's clauses took as long again as the rest, unbounded). No window is looked up here (runs of 100).
        using var temp = new TempFolder();
        var index = TwoWordings(temp);
        var request = new DraftCheckRequest { Text = "坚定不移推进作风建设，打铁还需自身硬，纪检监察干部要带头严守纪律。", MinRun = 100 };

        var whole = Assert.Single(DraftChecker.Check(index, request).Sentences);
        var result = DraftChecker.Check(index, request, maxWork: 1);

        Assert.Equal(["坚定不移推进作风建设", "打铁还需自身硬"], whole.Precedents.Select(p => p.Clause?.Text).OfType<string>());
        Assert.False(whole.ClauseLookupsCut);
        var sentence = Assert.Single(result.Sentences);
        Assert.Equal(["坚定不移推进作风建设"], sentence.Precedents.Select(p => p.Clause?.Text).OfType<string>());
        Assert.True(sentence.ClauseLookupsCut);
        Assert.True(result.ClauseLookupsCut);
        Assert.False(sentence.RunLookupsCut);
        Assert.False(result.RunLookupsCut);
    }

    [Fact]
    public void WhenTheBudgetIsSpentBeforeASentence_ShouldSayItsRunsAndClausesWereNotLookedUp()
    {
        using var temp = new TempFolder();
        var index = TwoWordings(temp);

        var result = DraftChecker.Check(index, new DraftCheckRequest { Text = "坚定不移推进作风建设，打铁还需自身硬，纪检监察干部要带头严守纪律。" }, maxWork: -1);

        var sentence = Assert.Single(result.Sentences);
        Assert.DoesNotContain(sentence.Precedents, p => p.Clause is not null);
        Assert.True(sentence.RunLookupsCut && sentence.ClauseLookupsCut);
        Assert.True(result.RunLookupsCut && result.ClauseLookupsCut);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("3", "3-3")]
    [InlineData("3 5 6 7 9", "3-3 5-7 9-9")]
    public void WhenNamingTheSentencesABudgetCut_ShouldJoinConsecutiveNumbers(string numbers, string ranges) =>
        Assert.Equal(ranges, string.Join(" ", DraftChecker.Ranges(numbers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)).Select(r => $"{r.First}-{r.Last}")));

    private static IndexSnapshot TwoWordings(TempFolder temp)
    {
        temp.Write("corpus/a.md", "---\ntitle: 甲\nyear: 2021\n---\n\n今年各单位要坚定不懈地推进作风建设，这是大家的共同任务。\n");
        temp.Write("corpus/b.md", "---\ntitle: 乙\nyear: 2022\n---\n\n我们常说打铁必须自身硬，这是对大家的要求。\n");
        return temp.IndexAndSearch().Index;
    }

    [Fact]
    public void WhenAClauseIsSaidExactlyOrOnlyAcrossAPassagesClauses_ShouldListNoPrecedentForIt()
    {
        // 加强党的建设 said exactly is an everyday phrase, not a precedent (a draft of the texts' clauses listed hundreds), and
        // 推动各项工作，把深化改革同落实 aligns 推动各项工作落实 only across the passage's comma (a review).
        using var temp = new TempFolder();
        temp.Write("corpus/a.md", "---\ntitle: 甲\nyear: 2021\n---\n\n要加强党的建设，提高党的执政能力。\n\n要推动各项工作，把深化改革同落实责任结合起来。\n");
        var index = temp.IndexAndSearch().Index;

        var result = DraftChecker.Check(index, new DraftCheckRequest { Text = "我们要坚持全面从严治党，加强党的建设，推动各项工作落实。" });

        Assert.DoesNotContain(Assert.Single(result.Sentences).Precedents, p => p.Clause?.Text is "加强党的建设" or "推动各项工作落实");
    }

    [Fact]
    public void WhenASentenceMisquotesASetFormulationByACharacter_ShouldSaySoAndGiveTheArchivesWording()
    {
        // 永远再路上 for 永远在路上, which several of the project's speeches say as it is.
        var result = DraftChecker.Check(seeds.Snapshot, new DraftCheckRequest { Text = "全面从严治党永远再路上。" });

        var precedents = Assert.Single(result.Sentences).Precedents;
        Assert.NotEmpty(precedents);
        Assert.All(precedents, p => Assert.Equal("全面从严治党永远在路上", p.MisquoteOf));
    }

    [Theory]
    [InlineData("全面从严治党永远在路上。")] // quoted right
    [InlineData("全面从严治党始终都在路上。")] // three characters changed: a wording of its own, not a slip
    [InlineData("坚持正确的政治方向，今年秋天我们还要走访三个城市的十几家工厂和农村合作社。")] // 坚持正确政治方向: one passage says it
    public void WhenADraftQuotesRightOrSaysItsOwnWording_ShouldCallNothingAMisquote(string draft)
    {
        var result = DraftChecker.Check(seeds.Snapshot, new DraftCheckRequest { Text = draft });

        Assert.All(result.Sentences.SelectMany(s => s.Precedents), p => Assert.Null(p.MisquoteOf));
    }

    [Fact]
    public void WhenASentenceHasOneClause_ShouldListNoClausePrecedent()
    {
        var result = DraftChecker.Check(seeds.Snapshot, new DraftCheckRequest { Text = "坚持正确的政治方向。" });

        Assert.All(Assert.Single(result.Sentences).Precedents, p => Assert.Null(p.Clause));
    }

    [Theory]
    [InlineData("好作风建设", "抓好作风建设", true)]
    [InlineData("各级领导干部要以", "各级领导干部要以钉钉子的精神", true)]
    [InlineData("打铁必须自身硬", "打铁还需自身硬", false)]
    [InlineData("旗帜鲜明讲政治", "旗帜鲜明地讲政治", false)]
    [InlineData("作风建设永远在路上", "作风建设", false)]
    public void WhenTellingAShorterPhraseFromAnotherWording_ShouldOnlyCallAClauseCutShortShortened(string aligned, string clause, bool shortened) =>
        Assert.Equal(shortened, DraftChecker.IsShortened(aligned, clause));

    [Theory]
    [InlineData("打铁还需自身硬，纪检监察干部要带头、严守纪律：做到忠诚干净担当。", "打铁还需自身硬|纪检监察干部要带头|严守纪律|做到忠诚干净担当")]
    [InlineData("一句话。", "一句话")]
    public void WhenCuttingASentenceIntoClauses_ShouldCutAtClauseMarksAndLeaveOutTheEnd(string sentence, string clauses) =>
        Assert.Equal(clauses.Split('|'), DraftChecker.Clauses(sentence, 0, sentence.Length).Select(c => sentence[c.Start..c.End]));

    [Fact]
    public void WhenNothingIsSharedVerbatim_ShouldReportNoRuns()
    {
        var result = DraftChecker.Check(seeds.Snapshot, new DraftCheckRequest { Text = "今天天气晴朗，我们去公园散步。" });

        Assert.All(result.Sentences, s => Assert.Empty(s.Runs));
    }

    [Fact]
    public void WhenTheDraftIsTooLong_ShouldRefuseIt()
    {
        var draft = new string('党', DraftCheckRequest.MaxCharacters + 1);

        Assert.Throws<QuerySyntaxException>(() => DraftChecker.Check(seeds.Snapshot, new DraftCheckRequest { Text = draft }));
    }

    [Theory]
    [InlineData("一。二！三？", 3)]
    [InlineData("要加强“作风建设。”然后呢", 2)]
    [InlineData("第一行\n第二行；第三句", 3)]
    [InlineData("  \n ", 0)]
    public void WhenSplittingADraft_ShouldEndSentencesAtHardPunctuationAndLineBreaks(string draft, int sentences)
    {
        var spans = DraftChecker.Sentences(draft).ToList();

        Assert.Equal(sentences, spans.Count);
        Assert.All(spans, s => Assert.False(string.IsNullOrWhiteSpace(draft[s.Start..s.End])));
    }

    private string PassageHolding(string text)
    {
        var docs = Enumerable.Range(0, seeds.Snapshot.Passages.Count).Where(d => seeds.Snapshot.PassageText(d).Contains(text, StringComparison.Ordinal)).ToList();
        return seeds.Snapshot.Passages[Assert.Single(docs)].Id; // the precedent is one passage, so "first" means that one
    }
}
