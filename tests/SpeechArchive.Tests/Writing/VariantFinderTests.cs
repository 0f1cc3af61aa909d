using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

public sealed class VariantFinderTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public void WhenAFormulationIsWordedDifferently_ShouldListTheVariantAfterTheExactWording()
    {
        var result = VariantFinder.Find(seeds.Snapshot, new VariantRequest { Formulation = "全面从严治党永远在路上" });

        Assert.True(result.Variants[0].IsExact);
        Assert.Equal(CountInSpeeches("全面从严治党永远在路上"), result.Variants[0].Count);
        var variant = Assert.Single(result.Variants, v => v.Text == "全面从严治党一直在路上");
        Assert.Equal(1, variant.Count);
        Assert.False(variant.IsExact);
        Assert.InRange(variant.Similarity, 0.6, 0.99);
        Assert.Equal("2022", variant.FirstUsed);
        Assert.Contains("<mark>全面从严治党一直在路上</mark>", variant.Examples[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAVariantEndsInOtherWords_ShouldListItWithThemNotCutWhereTheCharactersStopAgreeing()
    {
        // A local alignment stops where the characters stop agreeing: 以人民为中心的发展理念 gave 以人民为中心的发展 for every
        // 以人民为中心的发展思想, a wording the texts never end on (a user trial found it).
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2016-01-10", "甲", "我们要坚持以人民为中心的发展思想，不断增进民生福祉。"),
            ("b.md", "2018-02-10", "乙", "始终坚持以人民为中心的发展思想，让改革发展成果更多惠及全体人民。"),
            ("c.md", "2020-03-10", "丙", "贯彻新发展理念，推动以人民为中心的发展，实现共同富裕。"),
            ("d.md", "2021-04-10", "丁", "树立全面发展理念，坚持以人民为中心的发展理念不动摇。"),
            ("e.md", "2019-05-10", "戊", "在全面建成小康社会进程中，要实现全面建成小康社会的目标，决胜全面建成小康社会。"),
            ("f.md", "2020-06-10", "己", "坚持以人民为中心的发展“思想解放”，推动高质量发展。"));

        var result = VariantFinder.Find(index, new VariantRequest { Formulation = "以人民为中心的发展理念" });
        var twoWords = VariantFinder.Find(index, new VariantRequest { Formulation = "全面建成小康社会的目标" });

        Assert.Equal("以人民为中心的发展理念", result.Variants[0].Text);
        Assert.True(result.Variants[0].IsExact);
        Assert.Equal(2, Assert.Single(result.Variants, v => v.Text == "以人民为中心的发展思想").Count);
        Assert.Equal(2, Assert.Single(result.Variants, v => v.Text == "以人民为中心的发展").Count); // a clause that ends there, and a quotation mark after 发展: as printed
        Assert.DoesNotContain(result.Variants, v => v.Text.Contains('“', StringComparison.Ordinal)); // never completed across a mark the match form leaves out
        // What is missing is two words (的 + 目标): the wording is not completed with whatever follows (进程中).
        Assert.DoesNotContain(twoWords.Variants, v => v.Text.Contains("进程", StringComparison.Ordinal));
        Assert.Contains(twoWords.Variants, v => v.Text == "全面建成小康社会");
    }

    [Fact]
    public void WhenVariantsAreUsedInDifferentYears_ShouldGiveFirstAndLastUseAndLeaveAnEnumeratedContinuationOut()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2016-01-10", "甲", "全面从严治党永远在路上。要坚持不懈。"),
            ("b.md", "2018-02-10", "乙", "我们要认识到，全面从严治党永远在路上、只有进行时，不能松劲。"),
            ("c.md", "2020-03-10", "丙", "全面从严治党一直在路上，我们要坚持。"),
            ("d.md", "2023-04-10", "丁", "全面从严治党一直在路上，绝不能停。"),
            ("e.md", "2021-04-10", "戊", "经济社会发展取得新成就。"));

        var result = VariantFinder.Find(index, new VariantRequest { Formulation = "全面从严治党永远在路上" });

        Assert.Equal(["全面从严治党永远在路上", "全面从严治党一直在路上"], result.Variants.Select(v => v.Text).ToList());
        Assert.Equal(2, result.Variants[0].Count);
        var later = result.Variants[1];
        Assert.Equal((2, "2020-03-10", "2023-04-10"), (later.Count, later.FirstUsed, later.LastUsed));
        Assert.Equal(4, result.Occurrences);
    }

    [Fact]
    public void WhenAWordingIsAlsoUsedInASpeechOfNoKnownDate_ShouldGiveTheFirstAndLastDatedUse()
    {
        // A review found 从严治党 (11 uses, most dated) listed as 首见 1980年 最近 年份不详: an undated use sorts after every
        // dated one, and the last use was taken from it.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2016-01-10", "甲", "全面从严治党一直在路上，我们要坚持。"),
            ("b.md", "2019-02-10", "乙", "全面从严治党一直在路上，绝不能停。"),
            ("c.md", "", "丙", "要认识到，全面从严治党一直在路上，不能松劲。"),
            ("d.md", "", "丁", "坚持全面从严治党永远在路上的态度，久久为功。"),
            ("e.md", "2021-04-10", "戊", "经济社会发展取得新成就。"));

        var result = VariantFinder.Find(index, new VariantRequest { Formulation = "全面从严治党永远在路上" });

        Assert.Equal(2, index.Speeches.Count(s => s.Year is null));
        var mixed = Assert.Single(result.Variants, v => v.Text == "全面从严治党一直在路上");
        Assert.Equal((3, "2016-01-10", "2019-02-10"), (mixed.Count, mixed.FirstUsed, mixed.LastUsed));
        var undated = Assert.Single(result.Variants, v => v.IsExact);
        Assert.Equal((1, null, null), (undated.Count, undated.FirstUsed, undated.LastUsed)); // 年份不详 only where no use is dated
    }

    [Fact]
    public void WhenAPassageUsesAWordingTwice_ShouldCountBothUsesButListThePassageOnce()
    {
        // A review found cpc_00083:148 listed twice among 从严治党's five earliest sources: four passages shown of five.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2016-01-10", "甲", "全面从严治党一直在路上，我们要坚持。认识到全面从严治党一直在路上，才能久久为功。"),
            ("b.md", "2019-02-10", "乙", "全面从严治党一直在路上，绝不能停。"),
            ("c.md", "2021-04-10", "丙", "经济社会发展取得新成就。"));

        var result = VariantFinder.Find(index, new VariantRequest { Formulation = "全面从严治党永远在路上" });
        var one = VariantFinder.Find(index, new VariantRequest { Formulation = "全面从严治党永远在路上", Examples = 1 });

        var variant = Assert.Single(result.Variants);
        Assert.Equal((3, 2, 2), (variant.Count, variant.Passages, variant.Speeches));
        Assert.Equal(variant.Passages, variant.Examples.Select(e => e.Source.PassageId).Distinct().Count());
        Assert.Equal(variant.Passages, variant.Examples.Count);
        Assert.Equal(2, variant.Examples[0].Snippet.Split("<mark>全面从严治党一直在路上</mark>").Length - 1); // both uses marked
        Assert.Equal(3, result.Occurrences);
        Assert.Single(Assert.Single(one.Variants).Examples);
    }

    [Fact]
    public void WhenAWordOfThePassageGoesOnPastTheAlignedCharacters_ShouldNotListTheCutOffWording()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2021-01-10", "甲", "要深刻领会两个确立的决定性意义。"),
            ("b.md", "2003-02-10", "乙", "当务之急仍然是落实两个确保，确保离退休人员基本养老金按时足额发放。"),
            ("c.md", "2015-03-10", "丙", "树立科技是核心战斗力的思想，全面从严治军，推动治军方式根本性转变。"));

        var established = VariantFinder.Find(index, new VariantRequest { Formulation = "两个确立" });
        var strict = VariantFinder.Find(index, new VariantRequest { Formulation = "全面从严治党" });

        Assert.Equal(["两个确立"], established.Variants.Select(v => v.Text).ToList()); // not 两个确 (of 两个确保)
        Assert.Equal(["全面从严治军"], strict.Variants.Select(v => v.Text).ToList()); // not 全面从严治
    }

    [Fact]
    public void WhenAClauseMarkFallsWhereTheFormulationDoesNotReadOn_ShouldKeepTheVariantWithinTheClause()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "1997-01-10", "甲", "坚持党要管党、从严治党，全面加强党的思想建设、组织建设、作风建设。"),
            ("b.md", "2019-02-10", "乙", "扎实开展主题教育，为群众办实事，求实效，坚持实事求是。"),
            ("c.md", "2020-03-10", "丙", "全面从严治党、党风廉政建设和反腐败工作取得新成效。"));

        var strict = VariantFinder.Find(index, new VariantRequest { Formulation = "全面从严治党" });
        var facts = VariantFinder.Find(index, new VariantRequest { Formulation = "实事求是" });

        Assert.Equal(["全面从严治党", "从严治党"], strict.Variants.Select(v => v.Text).ToList()); // not 从严治党，全面 (reordered) nor 全面从严治党、党风廉政建设
        Assert.Equal(["实事求是"], facts.Variants.Select(v => v.Text).ToList()); // not 实事，求
    }

    [Fact]
    public void WhenAClauseMarkFallsWhereTheFormulationReadsOnOrTheWriterTypedOne_ShouldCrossIt()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "1997-01-10", "甲", "坚持党要管党、从严治党，加强党的建设。"),
            ("b.md", "2016-02-10", "乙", "坚持党要管党、全面从严治党，推进党的建设新的伟大工程。"),
            ("c.md", "2018-03-10", "丙", "一体推进不敢腐、不能腐、不想腐。"));

        var unpunctuated = VariantFinder.Find(index, new VariantRequest { Formulation = "党要管党从严治党" });
        var typed = VariantFinder.Find(index, new VariantRequest { Formulation = "党要管党、从严治党" });
        var three = VariantFinder.Find(index, new VariantRequest { Formulation = "不敢腐不能腐不想腐" });

        Assert.Equal(["党要管党、从严治党"], unpunctuated.Variants.Select(v => v.Text).ToList());
        Assert.True(unpunctuated.Variants[0].IsExact);
        Assert.Equal(["党要管党、从严治党", "党要管党、全面从严治党"], typed.Variants.Select(v => v.Text).ToList());
        Assert.Equal(["不敢腐、不能腐、不想腐"], three.Variants.Select(v => v.Text).ToList());
    }

    [Fact]
    public void WhenAMaskedNameStandsInOrBesideAWording_ShouldLeaveItOutOfTheVariants()
    {
        // A writers' trial: 作风建设 listed 作风，**局党的建设 (a clause mark beside a mask did not end the clause).
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2022-01-10", "甲", "持之以恒强党建、建机制、严纪律、转作风，**局党的建设全面加强。"),
            ("b.md", "2021-02-10", "乙", "持续推进作风和**机关建设，营造风清气正的政治生态。"),
            ("c.md", "2020-03-10", "丙", "要加强作风建设，驰而不息纠治“四风”。"));

        var result = VariantFinder.Find(index, new VariantRequest { Formulation = "作风建设" });

        Assert.Equal(["作风建设"], result.Variants.Select(v => v.Text).ToList()); // not 作风，**局党的建设 nor 作风和**机关建设
    }

    [Fact]
    public void WhenTheTextChangesTheLastCharacterOfAWordTheLexiconDoesNotKnow_ShouldNotListTheWordCutInHalf()
    {
        // A writers' trial: 从严治党 listed 从严治 eleven times (从严治政, 从严治企, 从严治厂: the segmenter leaves 政, 企, 厂 alone).
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "1999-01-10", "甲", "全面推进依法行政，从严治政，建设廉洁、勤政、务实、高效政府。"),
            ("b.md", "2000-02-10", "乙", "所有企业都要从严治企，苦练内功，着力降低成本。"),
            ("c.md", "1995-03-10", "丙", "加强职工队伍建设，坚持从严治厂。改善财务管理。"),
            ("d.md", "1987-04-10", "丁", "仅仅靠教育不能完全解决问题，必须从严治党，严肃执行党的纪律。"));

        var strict = VariantFinder.Find(index, new VariantRequest { Formulation = "从严治党" });
        var loose = VariantFinder.Find(index, new VariantRequest { Formulation = "从严治党", MinSimilarity = 0.5 });

        Assert.Equal(["从严治党"], strict.Variants.Select(v => v.Text).ToList()); // not 从严治
        Assert.DoesNotContain(loose.Variants, v => v.Text == "从严治");
        Assert.Contains(loose.Variants, v => v.Text == "从严治政"); // the word whole, as printed
        Assert.Contains(loose.Variants, v => v.Text == "从严治厂");
    }

    [Fact]
    public void WhenTheFormulationsOwnEndStandsInsideAWordItDoesNotHoldWhole_ShouldNotListTheWordCutInHalf()
    {
        // 法治国 of 法治国家 for 依法治国, 高质量 of 提高质量 for 高质量发展: the formulation's own ends may stand inside a word only
        // for a wording that holds the formulation's word at that end whole.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2017-01-10", "甲", "全面依法治国是国家治理的一场深刻革命，基本建成法治国家、法治政府、法治社会。"),
            ("b.md", "2022-02-10", "乙", "推动高质量发展，生产企业要在提高质量的基础上降低消耗。"));

        var law = VariantFinder.Find(index, new VariantRequest { Formulation = "依法治国" });
        var quality = VariantFinder.Find(index, new VariantRequest { Formulation = "高质量发展" });

        Assert.Equal(["依法治国"], law.Variants.Select(v => v.Text).ToList()); // not 法治国
        Assert.Equal(["高质量发展"], quality.Variants.Select(v => v.Text).ToList()); // not 高质量
    }

    [Fact]
    public void WhenTheFormulationIsOneWordAndTheAlignmentEndsInsideAnother_ShouldNotListTheWordCutInHalf()
    {
        // A review found 依法治理能力健全国 listed for 依法治国 (at 0.5, second after the exact wording) from a title glued into one
        // line, …依法治理能力健全国家…: the segmenter reads 依法治国 as one word, so an alignment from 依 "held its last word"
        // though it ends inside 国家.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2014-10-10", "甲", "全面推进依法治国，建设中国特色社会主义法治体系。坚持依法治国、依法执政、依法行政共同推进。"),
            ("b.md", "2020-02-29", "乙", "全面提高依法防控依法治理能力健全国家公共卫生应急管理体系。依法治国是党领导人民治理国家的基本方略。"),
            ("c.md", "2020-11-12", "丙", "推动高质量发展。在更加开放的条件下实现更高质量的发展。"));

        var law = VariantFinder.Find(index, new VariantRequest { Formulation = "依法治国", MinSimilarity = 0.5 });
        var quality = VariantFinder.Find(index, new VariantRequest { Formulation = "高质量发展" });

        Assert.Equal("依法治国", law.Variants[0].Text);
        Assert.DoesNotContain(law.Variants, v => v.Text.EndsWith("全国", StringComparison.Ordinal)); // not 依法治理能力健全国
        // The word at that end is the compound's part: 高质量的发展 of 更高质量的发展 starts with 高质量 and is kept, though
        // the segmenter reads 高质量发展 as one word and the alignment starts inside 更高质量.
        Assert.Contains(quality.Variants, v => v.Text == "高质量的发展");
    }

    [Fact]
    public void WhenALooseWordingIsUsedMoreThanACloseOne_ShouldListTheCloseOneFirst()
    {
        // A writers' trial: the list was by count, so a frequent loose wording came before a near-identical one.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2017-01-10", "甲", "坚持全面从严治党，推进全面从严治军。"),
            ("b.md", "1992-02-10", "乙", "坚持党要管党和从严治党，加强和改进党的建设。"),
            ("c.md", "1997-03-10", "丙", "从严治党，是保持党的先进性和纯洁性的根本。"),
            ("d.md", "1987-04-10", "丁", "因此，从严治党，除了把少数腐败分子开除出党之外，还必须加强教育。"),
            ("e.md", "1954-05-10", "戊", "依靠重工业的建设，搞好农业的建设，加强交通的建设。"),
            ("f.md", "2018-06-10", "己", "把党的政治建设摆在首位，加强党的建设。"));

        var strict = VariantFinder.Find(index, new VariantRequest { Formulation = "全面从严治党" });
        var party = VariantFinder.Find(index, new VariantRequest { Formulation = "党的建设" });

        // 全面从严治军 (71%, once) before 从严治党 (67%, three times).
        Assert.Equal(["全面从严治党", "全面从严治军", "从严治党"], strict.Variants.Select(v => v.Text).ToList());
        // As close as shown (75%): 党的政治建设 holds every character of 党的建设, 的建设 three of them, though said three times.
        Assert.Equal(["党的建设", "党的政治建设", "的建设"], party.Variants.Select(v => v.Text).ToList());
        Assert.Equal(Math.Round(party.Variants[1].Similarity, 2), Math.Round(party.Variants[2].Similarity, 2));
        Assert.True(party.Variants[2].Count > party.Variants[1].Count);
    }

    [Fact]
    public void WhenTheHalvesAreReordered_ShouldMarkTheVariantReordered()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2019-01-10", "甲", "永远在路上的全面从严治党，需要我们持续用力。"));

        var result = VariantFinder.Find(index, new VariantRequest { Formulation = "全面从严治党永远在路上" });

        var variant = Assert.Single(result.Variants);
        Assert.True(variant.Reordered);
        Assert.Contains("全面从严治党", variant.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenWordsStandBetweenTheSwappedHalves_ShouldListNoVariant()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2022-01-10", "甲", "以永远在路上的执着把全面从严治党向纵深推进。"));

        var result = VariantFinder.Find(index, new VariantRequest { Formulation = "全面从严治党永远在路上" });

        Assert.Empty(result.Variants); // another sentence, not the formulation reordered
    }

    [Theory]
    [InlineData("要记住“永远在路上”“全面从严治党”这两句话。", "永远在路上”“全面从严治党")]
    [InlineData("党的自我革命永远在路上——全面从严治党，一刻不能停。", "永远在路上——全面从严治党")]
    public void WhenSwappedHalvesStandAcrossQuotesOrADash_ShouldListTheVariant(string text, string wording)
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, ("a.md", "2019-01-10", "甲", text));

        var result = VariantFinder.Find(index, new VariantRequest { Formulation = "全面从严治党永远在路上" });

        var variant = Assert.Single(result.Variants);
        Assert.True(variant.Reordered);
        Assert.Equal(wording, variant.Text);
    }

    [Fact]
    public void WhenTheHalvesAreReorderedAcrossAComma_ShouldStillFindTheVariant()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2019-01-10", "甲", "党的自我革命永远在路上，全面从严治党，必须一刻不停歇。"));

        var result = VariantFinder.Find(index, new VariantRequest { Formulation = "全面从严治党永远在路上" });

        var variant = Assert.Single(result.Variants);
        Assert.True(variant.Reordered);
        Assert.Equal("永远在路上，全面从严治党", variant.Text);
    }

    [Fact]
    public void WhenTheFormulationIsTooShort_ShouldRefuseIt()
    {
        Assert.Throws<SpeechArchive.Search.QuerySyntaxException>(() => VariantFinder.Find(seeds.Snapshot, new VariantRequest { Formulation = "作风" }));
    }

    private int CountInSpeeches(string phrase) => seeds.Snapshot.Speeches.Sum(s =>
    {
        var n = 0;
        for (var at = s.Text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = s.Text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    });
}
