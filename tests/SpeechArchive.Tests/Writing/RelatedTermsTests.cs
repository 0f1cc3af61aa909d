using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

public sealed class RelatedTermsTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    /// <summary>Paragraphs on other matters, which every test's archive holds beside its own.</summary>
    private static readonly string[] Background = ["要推动经济发展。", "经济运行总体平稳。", "扩大国内需求。", "促进就业增收。", "稳定经济增长。", "保障改善民生。"];

    /// <summary>An archive of <paramref name="foreground"/> and <see cref="Background"/>, each paragraph a speech of its own (with a <c>lexicon.txt</c> of <paramref name="lexicon"/>).</summary>
    private static IndexSnapshot IndexOf(TempFolder temp, string[] foreground, string? lexicon = null) =>
        TinyCorpus.Index(temp, lexicon, [.. foreground.Concat(Background).Select((text, i) => ($"s{i}.md", $"20{10 + i}-01-01", $"讲话{i}", text + "各项工作稳步推进。"))]);

    [Fact]
    public void WhenATermGoesWithTheQuery_ShouldRankItFirst()
    {
        using var temp = new TempFolder();
        string[] foreground =
        [
            "要加强作风建设，坚决纠治形式主义。", "作风建设的重点是反对形式主义官僚主义。", "持续推进作风建设，整治形式主义突出问题。",
            "作风建设永远在路上，形式主义必须纠治。", "抓好作风建设，力戒形式主义。", "以作风建设为抓手，破除形式主义。",
        ];
        var index = IndexOf(temp, foreground);

        var result = RelatedTerms.Find(index, "作风建设");

        Assert.Equal(6, result.Foreground);
        Assert.Equal("形式主义", result.Terms[0].Term);
        Assert.Equal((6, 6), (result.Terms[0].Foreground, result.Terms[0].Background));
        Assert.DoesNotContain(result.Terms, t => t.Term.Contains("稳步推进", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenNoPassageHoldsAQuestionAsWritten_ShouldReadItAsTheSearchDoesAndRelateTheSearchsPassages()
    {
        const string question = "怎样防止干部腐败";
        Assert.Equal(0, RelatedTerms.Find(seeds.Snapshot, question).Foreground); // as written, in no passage

        var result = RelatedTerms.Find(seeds.Snapshot, question, understood: seeds.Searcher);

        var search = seeds.Search(question, limit: RelatedTerms.FreeTextForeground, near: false);
        Assert.Equal(search.Hits.Select(h => h.PassageId).Distinct().Count(), result.Foreground);
        Assert.Contains("腐败", result.ReadAs);
        Assert.DoesNotContain("怎样", result.ReadAs);
        Assert.NotEmpty(result.Terms);
        Assert.DoesNotContain(result.Terms, t => result.ReadAs.Any(w => t.Term.Contains(w, StringComparison.Ordinal) || w.Contains(t.Term, StringComparison.Ordinal)));
    }

    [Fact]
    public void WhenPassagesHoldTheQueryAsWritten_ShouldRelateThoseAndReadNothing()
    {
        var strict = RelatedTerms.Find(seeds.Snapshot, "作风建设");

        var withSearcher = RelatedTerms.Find(seeds.Snapshot, "作风建设", understood: seeds.Searcher);

        Assert.Empty(withSearcher.ReadAs);
        Assert.Equal(strict.Foreground, withSearcher.Foreground);
        Assert.Equal(strict.Terms, withSearcher.Terms);
    }

    [Fact]
    public void WhenAStringCrossesTheWordsItSitsIn_ShouldNotListItAsATerm()
    {
        // 党成为 has no one character before most of it (使党成为, 让党成为) and passes as complete, but where it occurs it is
        // cut 使党 / 成 / 为: it begins inside a word.
        using var temp = new TempFolder();
        string[] foreground =
        [
            "庆祝中国共产党成立一百周年，回顾百年奋斗。", "在中国共产党成立一百周年之际，总结百年经验。", "中国共产党成立以来，百年征程波澜壮阔。",
            "百年来，我们使党成为坚强领导核心。", "百年奋斗使党成为世界最大的政党。", "百年历程让党成为人民的主心骨。",
        ];
        var index = IndexOf(temp, foreground);

        var result = RelatedTerms.Find(index, "百年");

        Assert.Equal(6, result.Foreground);
        Assert.NotEmpty(result.Terms);
        Assert.Contains(result.Terms, t => t.Term == "中国共产党成立");
        Assert.DoesNotContain(result.Terms, t => t.Term is "党成" or "党成为");
    }

    [Fact]
    public void WhenAStringIsCutFromANumbersSide_ShouldNotListItAsATerm()
    {
        // 届三中全会精神 follows a different numeral each time (十一, 十二, 十八 …), so no one character stands before most of it;
        // read as numerals, one does: it is cut from 十一届三中全会精神, not a term of its own. 党的十 likewise before 八大, 九大.
        using var temp = new TempFolder();
        string[] foreground =
        [
            "十一届三中全会精神开启了改革开放。", "学习十二届三中全会精神，推进改革开放。", "十三届三中全会精神要求深化改革开放。",
            "贯彻十八届三中全会精神，全面深化改革开放。", "落实十九届三中全会精神，扩大改革开放。", "十四届三中全会精神推动改革开放。",
            "党的十八大以来，改革开放迈出新步伐。", "党的十九大对改革开放作出部署。", "党的十七大强调改革开放。", "党的十六大以来，改革开放继续推进。",
        ];
        var index = IndexOf(temp, foreground);

        var result = RelatedTerms.Find(index, "改革开放");

        Assert.Equal(10, result.Foreground);
        Assert.DoesNotContain(result.Terms, t => t.Term.StartsWith('届') || t.Term.StartsWith("中全会", StringComparison.Ordinal) || t.Term.EndsWith('十'));
    }

    [Fact]
    public void WhenAStringIsAPrepositionCutOffBesideAWord_ShouldNotListItAsATerm()
    {
        // 以党 stands on word edges wherever it occurs (以 / 党 / 的, 以 / 党 / 为核心), with different characters on either side,
        // but 以 is a word of its own there: a preposition beside a word, not a term. (Six times in so few lines, the archive
        // would learn 以党 as a word: lexicon.txt bans it, as the larger archives' learning leaves it out.)
        using var temp = new TempFolder();
        string[] foreground =
        [
            "抚养子女，要以党的要求教育子女。", "离婚后抚养子女，应当以党为核心给予帮扶。", "抚养老人，始终以党的宗旨服务群众。",
            "抚养孤儿，坚持以党领导一切工作。", "抚养费用，一律以党为先发放。", "抚养工作，必须以党带群做好。",
        ];
        var index = IndexOf(temp, foreground, lexicon: "-以党\n");

        var result = RelatedTerms.Find(index, "抚养");

        Assert.Equal(6, result.Foreground);
        Assert.DoesNotContain(result.Terms, t => t.Term.StartsWith('以'));
    }

    [Fact]
    public void WhenATermIsMostlyHeldInsideALongerLearnedWord_ShouldListItAsAWordOfItsOwn()
    {
        // The archive learns long compounds (lexicon.txt adds 严格执法 here), so 执法 is mostly not on the segmenter's word
        // edges (严格执法 is one word); it is one of the words 严格执法 is made of, which stand on word edges too.
        using var temp = new TempFolder();
        string[] foreground =
        [
            "依法治国，必须严格执法。", "推进依法治国，做到严格执法。", "依法治国要求严格执法、公正司法。", "全面依法治国，坚持严格执法。",
            "依法治国离不开规范执法。", "依法治国，加强执法监督。", "依法治国，提高执法水平。",
        ];
        var index = IndexOf(temp, foreground, lexicon: "严格执法\n");

        var result = RelatedTerms.Find(index, "依法治国");

        Assert.Equal(7, result.Foreground);
        Assert.Contains(result.Terms, t => t.Term == "执法");
    }

    [Fact]
    public void WhenAStringEndsInsideTheNextWordAtOneOfItsComponents_ShouldNotListItAsATerm()
    {
        // 在贫困 begins on a word edge (在 / 贫困地区) and ends where 贫困地区, 贫困人口 and 贫困群众 are cut into their
        // components, but it is no whole component of one word: a seam of 在 and a piece of the next word.
        using var temp = new TempFolder();
        string[] foreground =
        [
            "扶贫要聚焦在贫困地区。", "扶贫资金用在贫困地区。", "扶贫政策落实在贫困人口身上。", "扶贫力量集中在贫困人口中。",
            "扶贫干部扎根在贫困群众中间。", "扶贫成效体现在贫困群众增收。",
        ];
        var index = IndexOf(temp, foreground, lexicon: "贫困地区\n贫困人口\n贫困群众\n");

        var result = RelatedTerms.Find(index, "扶贫");

        Assert.Equal(6, result.Foreground);
        Assert.DoesNotContain(result.Terms, t => t.Term.StartsWith('在'));
    }

    [Fact]
    public void WhenAWordIsAFunctionOrFillerWord_ShouldNotListItAsATerm()
    {
        // 进一步 goes with 脱贫 in every passage here, on word edges, between different characters, but it names no topic.
        using var temp = new TempFolder();
        string[] foreground =
        [
            "要进一步巩固脱贫成果。", "进一步推动脱贫地区发展。", "必须进一步做好脱贫工作。", "我们进一步加强脱贫攻坚。", "各地进一步提高脱贫质量。",
        ];
        var index = IndexOf(temp, foreground);

        var result = RelatedTerms.Find(index, "脱贫");

        Assert.Equal(5, result.Foreground);
        Assert.DoesNotContain(result.Terms, t => t.Term == "进一步");
    }

    [Fact]
    public void WhenListingRelatedTerms_ShouldAlsoListWordsNearInMeaningThatPassagesHold()
    {
        var result = RelatedTerms.Find(seeds.Snapshot, "作风建设", limit: 8);

        Assert.InRange(result.NearInMeaning.Count, 1, 8);
        Assert.All(result.NearInMeaning, n =>
        {
            Assert.DoesNotContain(n.Word, "作风建设", StringComparison.Ordinal);
            Assert.DoesNotContain("作风建设", n.Word, StringComparison.Ordinal);
            Assert.True(n.Passages > 0);
        });
        Assert.Equal(result.NearInMeaning.OrderByDescending(n => n.Cosine).Select(n => n.Word), result.NearInMeaning.Select(n => n.Word));
    }

    [Fact]
    public void WhenAStringIsHeldMostlyInsideLongerWords_ShouldNotCountAsAWordTheTextsSay()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, ("a.md", "2021-01-10", "甲", "深化科技体制改革。\n\n推进行政体制改革。\n\n深化医药卫生体制改革。\n\n推进财税体制改革。"));

        var said = Neighbours.WordsSaid(index);

        Assert.False(said("制改革")); // a fragment the vectors of a large archive list near 国企改革
        Assert.True(said("体制改革"));
    }

    [Fact]
    public void WhenListingRelatedTerms_ShouldNeitherRepeatTheQueryNorCountBeyondTheArchive()
    {
        var result = RelatedTerms.Find(seeds.Snapshot, "作风建设");

        Assert.NotEmpty(result.Terms);
        Assert.All(result.Terms, t =>
        {
            Assert.DoesNotContain("作风建设", t.Term, StringComparison.Ordinal);
            Assert.InRange(t.Foreground, 3, t.Background);
            Assert.True(t.Score > 0);
        });
        Assert.Equal(result.Terms.OrderByDescending(t => t.Score).Select(t => t.Term), result.Terms.Select(t => t.Term));
    }

    [Theory]
    [InlineData(10, 100, 100, 10000, 0.9)]
    [InlineData(1, 100, 100, 10000, 0)]
    [InlineData(0, 100, 5, 10000, 0)]
    public void WhenScoringJlh_ShouldMultiplyTheDifferenceByTheRatio(int fg, int fgSize, int bg, int bgSize, double expected)
    {
        Assert.Equal(expected, RelatedTerms.Jlh(fg, fgSize, bg, bgSize), 6);
    }
}
