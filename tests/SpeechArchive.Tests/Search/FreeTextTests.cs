using SpeechArchive.Analysis;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Search;

public sealed class FreeTextTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    /// <summary>How the seeds' search cuts text into words (the segmenter it reads queries with).</summary>
    private Segmenter Segmenter => SearchStructures.Of(seeds.Snapshot).Segmenter;

    /// <summary>How the main search reads <paramref name="query"/> over the seeds, with the built-in thesaurus.</summary>
    private FreeTextQuery? Read(string query) =>
        FreeTextReader.Read(QueryParser.Parse(query), SearchMode.Understood, Segmenter, Thesaurus.Default, new WordMatches(seeds.Snapshot));

    [Fact]
    public void WhenAQuestionIsAsked_ShouldDropTheQuestionWordsAndFindPassagesAboutIt()
    {
        var result = seeds.Search("怎样防止干部腐败");

        Assert.NotNull(result.Reading);
        Assert.Contains("怎样", result.Reading!.Dropped);
        Assert.Contains(result.Reading.Words, w => w.Word == "腐败");
        Assert.True(result.Total > 0);
        Assert.True(result.Hits.Take(5).Count(h => h.Text.Contains("腐败", StringComparison.Ordinal)) >= 3);
    }

    [Theory]
    [InlineData("廉政建设有哪些举措", "举措")]
    [InlineData("整治形式主义采取了哪些办法", "办法")]
    public void WhenAQuestionNamesWhatItAsksFor_ShouldDropThatWordAndSearchWhatItIsAbout(string question, string answerWord)
    {
        // The passages answering 乡村振兴有哪些举措 tell the measures without calling them 举措 (sixty-sixth session).
        var asked = Assert.IsType<FreeTextQuery>(Read(question));
        Assert.Contains(answerWord, asked.Dropped);
        Assert.DoesNotContain(asked.Slots, s => s.Text == answerWord);
        Assert.NotEmpty(asked.Slots);

        // Said without a question it is a word like any other, and so is it asked alone.
        var said = Assert.IsType<FreeTextQuery>(Read(question.Replace("有哪些", "", StringComparison.Ordinal).Replace("采取了哪些", "", StringComparison.Ordinal) + " 的"));
        Assert.Contains(said.Slots, s => s.Text == answerWord);
        var alone = Assert.IsType<FreeTextQuery>(Read("有什么" + answerWord));
        Assert.Contains(alone.Slots, s => s.Text == answerWord);
    }

    [Fact]
    public void WhenAQuestionNamesWhatItAsksForInAWordNoPassageHolds_ShouldDropItNotSearchItsCharacters()
    {
        Assert.Equal(0, seeds.Search("对策", limit: 0, near: false, exact: true).Total); // the seeds never write it

        var asked = Assert.IsType<FreeTextQuery>(Read("廉政建设有哪些对策"));
        var said = Assert.IsType<FreeTextQuery>(Read("廉政建设对策 的"));

        Assert.Contains("对策", asked.Dropped);
        Assert.DoesNotContain(asked.Slots, s => s.Text == "对策"); // not searched through 策
        Assert.Contains(said.Slots, s => s.Text == "对策"); // said, it is: through the characters the seeds hold
    }

    [Fact]
    public void WhenAQuestionNamesWhatItAsksForInCharactersNoPassageHolds_ShouldDropItNotCallItMissing()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, ("a.md", "2021-01-01", "甲", "加强廉政建设。\n\n廉政建设要落实。")); // neither 对 nor 策 of 对策
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var asked = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "廉政建设有哪些对策" }).Reading);
        var said = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "廉政建设对策 的" }).Reading);

        Assert.Contains("对策", asked.Dropped);
        Assert.DoesNotContain("对策", asked.Missing); // not "not found": the question does not ask for the word
        Assert.Contains("对策", said.Missing);
    }

    [Fact]
    public void WhenAWordTheArchiveLacksIsCutIntoCharacters_ShouldCallItNotFoundRatherThanIgnored()
    {
        // 站位 of 提高政治站位: no passage holds it, and its characters alone (车站, 座位) were listed as left out (已忽略：站、位),
        // which read as words judged unimportant (a review, sixty-eighth session).
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, ("a.md", "2021-01-01", "甲", "要提高政治能力。\n\n车站里的座位不够，要加强管理。\n\n提高政治判断力。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);
        Assert.Equal(0, searcher.Search(new SearchRequest { Query = "站位", Mode = SearchMode.Exact, NearMatches = false }).Total);

        var reading = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "提高政治站位" }).Reading);

        Assert.Contains("站位", reading.Missing);
        Assert.DoesNotContain("站", reading.Dropped);
        Assert.DoesNotContain("位", reading.Dropped);
        Assert.Equal(["提高", "政治"], reading.Words.Select(w => w.Word));

        // Characters left out that the archive holds side by side stay left out: 座位 is held.
        var held = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "提高政治座位" }).Reading);
        Assert.DoesNotContain("座位", held.Missing);
    }

    [Fact]
    public void WhenTheOnlyPassageHoldingAKeyHoldsItWithACharacter_ShouldKeepTheKeyAndItsTerms()
    {
        // A review (sixty-eighth session): one uploaded speech saying 年轻人找工作难 made 找工作 + 难 one word (every passage
        // holding 找工作 held 找工作难), and 年轻人找工作难怎么办 lost 就业, the thesaurus key 找工作's term.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2023-05-04", "甲", "要千方百计解决年轻人找工作难的问题。"),
            ("b.md", "2022-03-01", "乙", "实施就业优先政策，促进高校毕业生等青年就业。\n\n稳就业是最基本的民生。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var reading = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "年轻人找工作难怎么办" }).Reading);

        var key = Assert.Single(reading.Words, w => w.Word.StartsWith("找工作", StringComparison.Ordinal));
        Assert.Equal("找工作", key.Word);
        Assert.Contains("就业", key.Expansions);
        Assert.Contains("难", reading.Dropped);
    }

    [Fact]
    public void WhenANegationStandsBeforeAKey_ShouldStillJoinIt()
    {
        // 不 + 买房, held together by three passages: dropped, 不 would search the opposite of what is asked (a second review
        // of KeepsKey, sixty-eighth session). The lexicon is told not to know 不买房, as the base lexicon does not.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, "-不买房\n",
            ("a.md", "2021-01-01", "甲", "有的年轻人不买房，选择租房。\n\n不买房的年轻人越来越多。\n\n年轻人不买房也能安居。"),
            ("b.md", "2021-02-01", "乙", string.Join("\n\n", Enumerable.Range(1, 12).Select(i => $"第{i}条 支持居民买房需求。"))));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var reading = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "年轻人不买房", ByMeaning = false }).Reading);

        Assert.Contains(reading.Words, w => w.Word == "不买房");
        Assert.DoesNotContain("不", reading.Dropped);
    }

    [Fact]
    public void WhenAQuotedPhraseStandsBesideMarkup_ShouldReadItAsRequiredNotIgnored()
    {
        // A user trial: 已忽略 x beside a quoted "x" the search required (the x left out was that of src=x), and 1 searched.
        var result = seeds.Search("<img src=x onerror=alert(1)> \"x\" 干部", near: false);

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Equal(["x"], reading.Phrases);
        Assert.DoesNotContain("x", reading.Dropped);
        Assert.Contains("x", reading.Missing); // no passage holds it: why nothing is found
        Assert.Equal(["干部"], reading.Words.Select(w => w.Word));
        Assert.Equal(0, result.Total);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)> \"干部\"")]
    [InlineData("onerror=alert(1)>")]
    public void WhenOnlyALoneDigitOfMarkupIsHeld_ShouldNotSearchIt(string query)
    {
        // Where nothing else is held, the single characters are searched after all (河里的水又黑又臭); not the 1 of alert(1).
        var result = seeds.Search(query, near: false);

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Empty(reading.Words);
        Assert.Contains("1", reading.Dropped);
        Assert.Equal(0, result.Total);
    }

    [Fact]
    public void WhenADigitIsTypedAlone_ShouldStillSearchIt()
    {
        Assert.Equal(seeds.Search("1", limit: 0, near: false).Total, seeds.Search("1 xyzzy", limit: 0, near: false).Total);
        Assert.True(seeds.Search("1", limit: 0, near: false).Total > 0);
    }

    [Fact]
    public void WhenARareWordIsAlwaysHeldWithTheCharacterAfterIt_ShouldKeepTheCharacterAndNotCountTheCommonWordAlone()
    {
        // A user trial: 钉钉子的精神 was read as 钉钉 精神, 子 dropped (two passages hold 钉钉子, fewer than a join asks, though
        // they are all of 钉钉's), and with too few passages holding both words the minimum fell to one: 精神 alone, 711 passages.
        using var temp = new TempFolder();
        temp.Write("corpus/a.md", "---\ntitle: 在整改落实工作会议上的讲话\nyear: 2023\n---\n\n我们要以钉钉子精神抓好整改落实，一件一件抓。\n\n各级干部要以钉钉子精神推动各项任务落实落地。\n");
        temp.Write("corpus/b.md", "---\ntitle: 在学习贯彻会议上的讲话\nyear: 2022\n---\n\n"
            + string.Join("\n\n", new[] { "弘扬伟大建党精神", "贯彻落实会议精神", "严格落实八项规定精神", "发扬斗争精神", "弘扬劳模精神", "传达学习文件精神", "大力弘扬科学家精神", "发扬艰苦奋斗精神", "弘扬改革创新精神", "发扬团结协作精神", "弘扬工匠精神", "学习领会讲话精神" }
                .Select(c => $"我们要{c}，扎实做好各项工作。")) + "\n");
        var searcher = temp.IndexAndSearch();

        var result = searcher.Search(new SearchRequest { Query = "钉钉子的精神", Limit = 20, NearMatches = false, ByMeaning = false });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Equal(["钉钉子", "精神"], reading.Words.Select(w => w.Word));
        Assert.Equal(["的"], reading.Dropped);
        Assert.Equal(2, reading.MinimumMatch);
        Assert.Equal(2, result.Total);
        Assert.All(result.Hits, h => Assert.Contains("钉钉子精神", h.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void WhenANegationStandsBeforeAWord_ShouldSearchThemTogetherNotTheWordAlone()
    {
        // 不作为 is in four seed passages, 作为 in far more: dropped as a function character, 不 left the opposite of the question.
        var result = seeds.Search("干部不作为怎么办");

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Contains(reading.Words, w => w.Word == "不作为");
        Assert.DoesNotContain(reading.Words, w => w.Word == "作为");
        Assert.DoesNotContain("不", reading.Dropped);
        Assert.Contains("不作为", result.Hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenASeparableWordHoldsAnAspectParticle_ShouldSearchTheWordWithoutIt()
    {
        var result = seeds.Search("违了纪的干部怎么处理");

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Contains(reading.Words, w => w.Word == "违纪");
        Assert.DoesNotContain("违纪", reading.Dropped);
        Assert.Contains("违纪", result.Hits[0].Text, StringComparison.Ordinal);
        Assert.True(result.Hits.Take(10).Count(h => h.Text.Contains("违纪", StringComparison.Ordinal)) >= 3);
    }

    [Fact]
    public void WhenAVerbAndItsObjectHoldAnAspectParticle_ShouldSearchTheEverydayWordTheyMakeOnlyWhereTheThesaurusKnowsItAndNoPassageHoldsIt()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, ("a.md", "2021-01-01", "甲", "完善失业保险制度。\n\n做好工作。\n\n工作要落实。\n\n不得代签合同。\n\n订立合同要慎重。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var lost = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "丢了工作怎么办" }).Reading);
        var found = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "有了工作以后" }).Reading);
        var signed = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "签了合同能反悔吗" }).Reading);

        var job = Assert.Single(lost.Words); // 丢 + 了 + 工作: the key 丢工作, not 工作 with 丢 and 了 dropped
        Assert.Equal("丢工作", job.Word);
        Assert.Contains("失业", job.Expansions);
        var justLost = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "刚丢了工作怎么办" }).Reading);
        Assert.Equal(["丢工作"], justLost.Words.Select(w => w.Word)); // a loose character before the verb does not take it into a run
        Assert.Contains("刚", justLost.Dropped);
        Assert.Equal(["工作"], found.Words.Select(w => w.Word)); // 有工作 is no key: a verb and its object as they are
        Assert.Contains(signed.Words, w => w.Word == "合同"); // the key 签合同 is held, across 代签 | 合同: not joined
        Assert.DoesNotContain(signed.Words, w => w.Word == "签合同");
    }

    [Fact]
    public void WhenAnEverydayKeyIsSaidWithAPotentialComplement_ShouldReadTheKeyAsPeopleComplainOfIt()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, ("a.md", "2021-01-01", "甲",
            "进一步缓解群众看病难、看病贵问题，完善医疗保障制度。\n\n资助家庭经济困难学生，不让一个学生因贫困失学。\n\n"
            + "看不到问题，看不清方向，对不起群众，鼓起勇气。\n\n为经济困难的当事人提供法律援助，律师要尽责。\n\n做好工作。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);
        QueryReading Reading(string query) => Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = query }).Reading);

        // 看得 | 起 | 病: the key the thesaurus lists is 看不起病 (看病贵, 医疗保障); read as 看得 and 病, it had matched 看得见.
        var afford = searcher.Search(new SearchRequest { Query = "怎么让老百姓看得起病" });
        var reading = Assert.IsType<QueryReading>(afford.Reading);
        var sick = Assert.Single(reading.Words, w => w.Word == "看不起病");
        Assert.Contains("看病贵", sick.Expansions);
        Assert.DoesNotContain(reading.Words, w => w.Word == "看得");
        Assert.Contains("看病贵", afford.Hits[0].Text, StringComparison.Ordinal);
        Assert.Contains(Reading("孩子上得起学吗").Words, w => w.Word == "上不起学"); // 上 | 得起 | 学

        // A word no passage holds is searched by its parts, never by a negation cut off from its word (看不 of 看不到) nor
        // by the complement alone (不起 of 对不起).
        foreach (var query in (string[])["看不起病怎么办", "看得起病吗", "买不起房怎么办"])
        {
            var parts = Reading(query).Words.SelectMany(w => w.Parts).ToList();
            Assert.DoesNotContain(parts, p => p is "看不" or "不起" or "得起" or "不" or "起" or "得"); // 起 of 鼓起 matched 买不起房
        }

        var lawyer = Assert.Single(Reading("穷人请不起律师").Words, w => w.Word == "请不起律师");
        Assert.DoesNotContain("不起", lawyer.Parts);
        Assert.Contains("法律援助", lawyer.Expansions);
    }

    [Fact]
    public void WhenAThesaurusKeyIsSaidWithAnAspectParticleOr完Inside_ShouldReadTheKeyWithoutIt()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, ("a.md", "2021-01-01", "甲",
            "鼓励留学人员回国创业。\n\n加强煤矿安全生产，防范安全事故，防止出事故，减少人员伤亡。\n\n反对形式主义。\n\n做好工作。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);
        QueryReading Reading(string query) => Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = query }).Reading);

        var studied = searcher.Search(new SearchRequest { Query = "在国外念完书的人回来" });

        var abroad = Assert.Single(Assert.IsType<QueryReading>(studied.Reading).Words, w => w.Word == "在国外念书"); // 在 | 国外 | 念 | 完 | 书
        Assert.Contains("留学人员", abroad.Expansions);
        Assert.Contains("留学人员", studied.Hits[0].Text, StringComparison.Ordinal);
        Assert.Contains(Reading("在国外念完了书").Words, w => w.Word == "在国外念书"); // 完了 left out as one
        // 出事 is held as written (出事故), but its object is one character: 事 alone is no word to search.
        Assert.Contains("事故", Assert.Single(Reading("井下出了事").Words, w => w.Word == "出事").Expansions);
        Assert.Contains(Reading("丢了性命").Words, w => w.Word == "丢性命"); // an object of two characters, the key held nowhere
        Assert.Contains(Reading("开会走了过场").Words, w => w.Word == "走过场"); // the key's own 过 is not the particle left out
        Assert.DoesNotContain(Reading("井下出了了事").Words, w => w.Word == "出事"); // one particle inside a key, not two
    }

    [Fact]
    public void WhenAThesaurusKeyTheLexiconDoesNotKnowRunsIntoAWordBesideIt_ShouldCutAgainAndReadTheKey()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, "货运\t50000\n下来\t50000\n电线\t50000\n退赔\t50000\n账户\t50000\n马路边\t50000\n股市\t50000\n", // as the shared corpus's lexicon cuts them: 洋 | 货运, 乡 | 下来
            ("a.md", "2021-01-01", "甲", "严厉打击走私进口商品。\n\n铁路货运量稳步增长。\n\n大力发展农村教育。\n\n把情况调查下来。\n\n盗窃电线的，依法处理。\n\n责令退赔违法所得。\n\n冻结失信被执行人的银行账户。\n\n不得在马路边摆摊，行人走人行横道。\n\n证券市场平稳，股票交易活跃。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);
        QueryReading Reading(string query) => Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = query }).Reading);

        var smuggled = searcher.Search(new SearchRequest { Query = "偷偷把洋货运进来倒卖" });

        var foreignGoods = Assert.Single(Assert.IsType<QueryReading>(smuggled.Reading).Words, w => w.Word == "洋货"); // 洋 | 货运 → 洋货 | 运
        Assert.Contains("进口商品", foreignGoods.Expansions);
        Assert.DoesNotContain(smuggled.Reading!.Words, w => w.Word == "货运");
        Assert.Contains("进口商品", smuggled.Hits[0].Text, StringComparison.Ordinal);
        Assert.Contains(Reading("从乡下来城里打工").Words, w => w.Word == "乡下"); // the key runs from a loose character into the word after it
        Assert.DoesNotContain(Reading("从乡下来城里打工").Words, w => w.Word == "下来");
        Assert.Contains(Reading("偷电线被抓了").Words, w => w.Word == "电线"); // 偷 is read alone (a key of its own): not 偷电 | 线
        Assert.Contains(Reading("没退赔钱能减刑吗").Words, w => w.Word == "退赔"); // a word is not cut from its other end: not 退 | 赔钱
        var debtor = Reading("老赖账户被冻结了").Words; // 老 + 赖 make a key of their own (JoinKeys): not 老 | 赖账 | 户
        Assert.Contains(debtor, w => w.Word == "老赖");
        Assert.DoesNotContain(debtor, w => w.Word == "赖账");
        var roadside = Reading("过马路边要小心").Words; // 过 is a function word, not loose: not 过马路 | 边
        Assert.Contains(roadside, w => w.Word == "马路边");
        Assert.DoesNotContain(roadside, w => w.Word == "过马路");
        Assert.DoesNotContain(Reading("爱炒股市").Words, w => w.Word == "炒股"); // 股市 is a key itself: not cut into 炒股 | 市

        // A key the lexicon knows was weighed by the segmenter, which cut 洋 | 货运 all the same: that cut stands.
        using var other = new TempFolder();
        var weighed = new Searcher(TinyCorpus.Index(other, "货运\t50000\n洋货\t2\n", ("a.md", "2021-01-01", "甲", "严厉打击走私进口商品。\n\n铁路货运量稳步增长。")),
            QueryUnderstanding.Default);
        Assert.Contains(Assert.IsType<QueryReading>(weighed.Search(new SearchRequest { Query = "偷偷把洋货运进来倒卖" }).Reading).Words, w => w.Word == "货运");
    }

    [Fact]
    public void WhenAThesaurusKeyIsCutIntoSeveralWords_ShouldLendItsTermsToEachAndNameTheKeyOnce()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, "双倍\t50000\n工资\t50000\n", // cut as the shared corpus's lexicon cuts it
            ("a.md", "2021-01-01", "甲", "用人单位未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。\n\n工资应当按月发放。\n\n双倍努力，加倍工作。\n\n按时足额发放工资。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var result = searcher.Search(new SearchRequest { Query = "能不能要双倍工资" });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Contains("二倍的工资", Assert.Single(reading.Words, w => w.Word == "双倍").Expansions); // 双倍 | 工资: two words, as before
        Assert.Contains("二倍的工资", Assert.Single(reading.Words, w => w.Word == "工资").Expansions); // each counts the key's terms
        Assert.Contains("二倍的工资", Assert.Single(result.Expansions, e => e.Term == "双倍工资").Alternatives); // named once, by the key
        Assert.DoesNotContain(result.Expansions, e => e.Term is "双倍" or "工资" && e.Alternatives.Contains("二倍的工资"));
        Assert.Contains("二倍的工资", result.Hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenASingleCharacterStandsAloneAsAWordTheThesaurusKnows_ShouldSearchItThroughItsTermsOnly()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, ("a.md", "2021-01-01", "甲", "违反规定停放车辆的，处二百元罚款。\n\n车辆停放要规范。\n\n惩罚不是目的。\n\n停车场要公开收费标准。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var result = searcher.Search(new SearchRequest { Query = "乱停车辆会被罚吗" });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        var fine = Assert.Single(reading.Words, w => w.Word == "罚"); // not dropped: the thesaurus says what 罚 means alone
        Assert.True(fine.TermsOnly); // searched as 罚款 and 处罚, not as the character (惩罚)
        Assert.Contains("罚款", fine.Expansions);
        Assert.DoesNotContain("罚", reading.Dropped);
        Assert.Contains("会", reading.Dropped); // a single character the thesaurus does not know is dropped as before
        Assert.Contains("罚款", result.Hits[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Hits, h => h.Text.StartsWith("惩罚", StringComparison.Ordinal) && h.Match == "words" && h.Snippet.Contains("<mark>罚", StringComparison.Ordinal));

        var baseline = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "乱停车辆会被罚吗", Mode = SearchMode.Words }).Reading);
        Assert.Contains("罚", baseline.Dropped); // the plain BM25 baseline reads no thesaurus: single characters are dropped there
        var strict = searcher.Search(new SearchRequest { Query = "罚" });
        Assert.Null(strict.Reading); // one character alone is matched as typed, not widened to its terms
        Assert.Empty(strict.Expansions);
        var workshop = Assert.Single(Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "车间怎么处罚" }).Reading).Words, w => w.Word == "车间");
        Assert.Equal(["车"], workshop.Parts); // no passage holds 车间: its character 车 is searched, as before
        Assert.Empty(workshop.Expansions); // but not widened to 车辆 and 机动车, which 车 means only alone
    }

    [Fact]
    public void WhenASingleCharacterIsARunBesideAnother_ShouldStillBeReadAsFreeText()
    {
        using var temp = new TempFolder();
        var fines = Enumerable.Range(1, 12).Select(i => $"违规停放第{i}类车辆的，处罚款。");
        var index = TinyCorpus.Index(temp, ("a.md", "2021-01-01", "甲", string.Join("\n\n", fines)));

        var result = new Searcher(index, QueryUnderstanding.Default).Search(new SearchRequest { Query = "罚 停放" });

        var reading = Assert.IsType<QueryReading>(result.Reading); // not two runs found together as written, matched strictly
        Assert.True(Assert.Single(reading.Words, w => w.Word == "罚").TermsOnly);
    }

    [Fact]
    public void WhenTheQueryIsFoundAsWritten_ShouldRankThosePassagesFirst()
    {
        var result = seeds.Search("全面从严治党永远在路上", limit: 50);

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.True(reading.AsWritten > 0);
        Assert.True(result.Total > reading.AsWritten, "words apart should find more than the phrase");
        Assert.All(result.Hits.Take(reading.AsWritten), h => Assert.Contains("全面从严治党永远在路上", h.Text, StringComparison.Ordinal));
        Assert.All(result.Hits.Skip(reading.AsWritten), h => Assert.DoesNotContain("全面从严治党永远在路上", h.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void WhenExactModeIsAsked_ShouldMatchOnlyAsTyped()
    {
        var free = seeds.Search("全面从严治党永远在路上");
        var exact = seeds.Searcher.Search(new SearchRequest { Query = "全面从严治党永远在路上", Mode = SearchMode.Exact, NearMatches = false, Limit = 50 });

        Assert.Null(exact.Reading);
        Assert.Equal(free.Reading!.AsWritten, exact.Total);
        Assert.All(exact.Hits, h => Assert.Contains("全面从严治党永远在路上", h.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void WhenCountingFreeTextMatches_ShouldCountExactlyThePassagesTheReadingStates()
    {
        foreach (var query in new[] { "怎样防止干部腐败", "如何加强作风建设和纪律建设", "群众反映强烈的问题怎么解决", "党风廉政建设怎么抓" })
        {
            var result = seeds.Searcher.Search(new SearchRequest { Query = query, Limit = 0, Expand = false, NearMatches = false });
            var reading = result.Reading!;
            var words = reading.Words.Select(w => (Alternatives: w.Parts.Count > 0 ? w.Parts : [w.Word], w.Components)).ToList();
            var runs = QueryParser.Parse(query).Required.Select(c => c.Alternatives[0].MatchForm).ToList();
            bool Holds(string text, (IReadOnlyList<string> Alternatives, IReadOnlyList<string> Components) word) =>
                word.Alternatives.Any(w => text.Contains(w, StringComparison.Ordinal))
                || (word.Components.Count > 0 && word.Components.All(c => text.Contains(c, StringComparison.Ordinal)));
            // A passage holding only common words the reading names counts when it holds as many as the query asked.
            bool Enough(string text)
            {
                var held = reading.Words.Where((w, i) => Holds(text, words[i])).Select(w => w.Word).ToList();
                return held.Count >= reading.MinimumMatch
                    && (held.Count >= reading.AskedMinimum || held.Any(w => !reading.NotCountedAlone.Contains(w)));
            }

            var expected = seeds.Snapshot.Passages.Count(p =>
                runs.Any(r => words.Count > 1 && p.MatchText.Contains(r, StringComparison.Ordinal)) || Enough(p.MatchText));

            Assert.Equal(expected, result.Total);
            Assert.Equal(expected, result.Facets.Year.Sum(y => y.Count));
        }
    }

    [Fact]
    public void WhenTooFewPassagesHoldEnoughWords_ShouldNotCountPassagesHoldingOnlyACommonWord()
    {
        // 管理 in 1,200 passages, 网约车 in five, both in one: the minimum is lowered to one word, and the passages holding
        // 管理 alone (a common word, held by far more than the rarest) do not flood the count.
        using var temp = new TempFolder();
        var common = string.Join("\n\n", Enumerable.Range(1, 1200).Select(n => $"第{n}项管理制度要落实到位。"));
        var rare = string.Join("\n\n", Enumerable.Range(1, 4).Select(n => $"网约车平台第{n}次接受检查。")) + "\n\n网约车的管理要规范。";
        var index = TinyCorpus.Index(temp, ("a.md", "2021-01-10", "甲", common), ("b.md", "2022-01-10", "乙", rare));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var result = searcher.Search(new SearchRequest { Query = "网约车管理", Limit = 100, NearMatches = false, ByMeaning = false });
        var plain = searcher.Search(new SearchRequest { Query = "管理", Limit = 0, NearMatches = false, ByMeaning = false });

        var reading = result.Reading!;
        Assert.Equal(1, reading.MinimumMatch);
        Assert.Equal(2, reading.AskedMinimum);
        Assert.Equal(["管理"], reading.NotCountedAlone);
        Assert.Equal(5, result.Total);
        Assert.All(result.Hits, h => Assert.Contains("网约车", h.Text, StringComparison.Ordinal));
        Assert.Equal("网约车的管理要规范。", result.Hits[0].Text);
        Assert.Equal(result.Total, result.Facets.Year.Sum(y => y.Count));
        Assert.True(plain.Total > 1000); // what the count would have been
    }

    [Fact]
    public void WhenTooFewPassagesHoldAYearAndATopic_ShouldNotCountPassagesHoldingOnlyTheYear()
    {
        // 2022年 作风建设, held together by one passage: the minimum is lowered to one word, and a passage holding the year alone
        // (a year is when, not what) is not counted, however few hold it (the user trial's third hit held 2022年 and 党建 only).
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2022-01-10", "甲", "2022年党建工作要点已经印发。\n\n2022年是关键之年。\n\n2022年作风建设要持续深化。"),
            ("b.md", "2021-01-10", "乙", "作风建设永远在路上。\n\n加强作风建设，密切联系群众。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var result = searcher.Search(new SearchRequest { Query = "2022年 作风建设", Limit = 100, NearMatches = false, ByMeaning = false });

        var reading = result.Reading!;
        Assert.Equal((1, 2), (reading.MinimumMatch, reading.AskedMinimum));
        Assert.Equal(["2022年"], reading.NotCountedAlone);
        Assert.Equal(3, result.Total);
        Assert.All(result.Hits, h => Assert.Contains("作风建设", h.Text, StringComparison.Ordinal));
        Assert.Contains(result.Hits, h => h.Text == "2022年作风建设要持续深化。");
    }

    [Fact]
    public void WhenTooFewPassagesHoldAYearAndACommonWord_ShouldStillNotCountPassagesHoldingOnlyTheCommonWord()
    {
        // 1964年 建设: the year and the common word are all the words, so the year is counted alone and 建设 is not (counting
        // neither out, a review found, counted the 30,218 passages of the shared corpus holding 建设).
        using var temp = new TempFolder();
        var common = string.Join("\n\n", Enumerable.Range(1, 1200).Select(n => $"第{n}项建设任务要落实到位。"));
        var rare = string.Join("\n\n", Enumerable.Range(1, 4).Select(n => $"1964年第{n}季度工业生产稳步增长。")) + "\n\n1964年的建设成就很大。";
        var index = TinyCorpus.Index(temp, ("a.md", "2021-01-10", "甲", common), ("b.md", "1965-01-10", "乙", rare));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var result = searcher.Search(new SearchRequest { Query = "1964年 建设", Limit = 100, NearMatches = false, ByMeaning = false });

        var reading = result.Reading!;
        Assert.Equal((1, 2), (reading.MinimumMatch, reading.AskedMinimum));
        Assert.Equal(["建设"], reading.NotCountedAlone);
        Assert.Equal(5, result.Total);
        Assert.All(result.Hits, h => Assert.Contains("1964年", h.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void WhenAPassageAlignsThroughAThesaurusTerm_ShouldMarkTheTermNotALoneCharacter()
    {
        // 公款大吃大喝的现象 aligns with 铺张浪费的现象 through the thesaurus (大吃大喝 → 铺张浪费); as typed, its best alignment is
        // 的现象, or a lone 大 of 很大的资金, which the user trial saw marked as if it were the match, and 铺张浪费 unmarked.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2021-01-10", "甲", "至于许多机关还存在的许多铺张浪费的现象，那是必须立即禁止的，这又将节约出一笔很大的资金。\n\n各级干部要坚决刹住公款大吃大喝之风。"),
            ("b.md", "2022-01-10", "乙", "要严格执行财经纪律，加强预算管理。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var result = searcher.Search(new SearchRequest { Query = "公款大吃大喝的现象", Limit = 10, NearMatches = false });

        var aligned = result.Hits.Single(h => h.Text.Contains("铺张浪费", StringComparison.Ordinal));
        Assert.Equal(HitMatch.Aligned, aligned.Match);
        Assert.Contains("<mark>铺张浪费</mark>", aligned.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAWordAbbreviatesATermInside_ShouldAlsoSearchTheWordWrittenInFull()
    {
        // 国企 is 国有企业 in the thesaurus; 国企改革 is not listed, and the texts write 国有企业改革 far more often.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2021-01-10", "甲", "深化国企改革三年行动。"),
            ("b.md", "2022-01-10", "乙", "国有企业改革要突出主业。\n\n经济工作要稳中求进。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        foreach (var query in new[] { "国企改革", "什么是国企改革" })
        {
            var result = searcher.Search(new SearchRequest { Query = query, NearMatches = false, ByMeaning = false });

            Assert.Equal(["深化国企改革三年行动。", "国有企业改革要突出主业。"], result.Hits.Select(h => h.Text));
            Assert.Contains(result.Expansions, e => e.Term == "国企改革" && e.Alternatives.Contains("国有企业改革"));
        }
    }

    [Fact]
    public void WhenTheWordWrittenInFullIsHeldOnlyInsideLongerWords_ShouldNotSearchIt()
    {
        // 火车 → 铁路 makes 铁路站 of 火车站, which these texts hold only in 铁路站场 (站场 is a word): not what was asked.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2021-01-10", "甲", "加快铁路站场改造。\n\n新建铁路站场三处。"),
            ("b.md", "2022-01-10", "乙", "火车站周边交通要理顺。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);
        Assert.Contains("铁路", Thesaurus.Default.RelatedTo("火车")); // the substitution the rule stops

        var result = searcher.Search(new SearchRequest { Query = "火车站", NearMatches = false, ByMeaning = false });

        Assert.DoesNotContain(result.Expansions, e => e.Alternatives.Contains("铁路站"));
        Assert.Equal(["火车站周边交通要理顺。"], result.Hits.Select(h => h.Text));
    }

    [Fact]
    public void WhenAHeadingOfASeedSpeechIsSearchedAsWritten_ShouldMakeItTheFirstHit()
    {
        var headings = seeds.Snapshot.Speeches.SelectMany(s => s.Sections.Select(h => (Speech: s, Heading: h))).ToList();
        Assert.True(headings.Count >= 10);
        foreach (var (speech, heading) in headings)
        {
            foreach (var query in new[] { heading.Heading, heading.Heading[heading.Label.Length..] })
            {
                var hits = seeds.Search(query).Hits;

                Assert.True(hits.Count > 0, $"{query}: no hit");
                var first = hits[0];
                Assert.True(speech.Id == first.SpeechId, $"{query}: first hit {first.PassageId} {first.Match} {first.Text[..Math.Min(40, first.Text.Length)]}");
                Assert.Equal(HitMatch.Heading, first.Match);
                Assert.Contains("<mark>", first.MatchedHeading, StringComparison.Ordinal);
                var passage = seeds.Snapshot.Passages[seeds.Snapshot.FindPassage(first.PassageId)!.Value];
                Assert.InRange(passage.Start, heading.HeadingEnd, heading.End);
            }
        }
    }

    [Fact]
    public void WhenAHeadingIsQuoted_ShouldFindThePassageUnderIt()
    {
        var heading = seeds.Snapshot.Speeches.SelectMany(s => s.Sections).First(s => s.Heading.Length > 8);
        var text = heading.Heading[heading.Label.Length..];

        var result = seeds.Searcher.Search(new SearchRequest { Query = "\"" + text + "\"", Mode = SearchMode.Exact });

        Assert.True(result.Total >= 1);
        Assert.Equal(HitMatch.Heading, result.Hits[0].Match);
    }

    [Fact]
    public void WhenTheBaselineIsAsked_ShouldOrTheWordsWithoutTheAsWrittenTier()
    {
        var words = seeds.Searcher.Search(new SearchRequest { Query = "怎样防止干部腐败", Mode = SearchMode.Words, Limit = 0 });
        var understood = seeds.Searcher.Search(new SearchRequest { Query = "怎样防止干部腐败", Limit = 0, Expand = false });

        Assert.Equal(1, words.Reading!.MinimumMatch);
        Assert.True(words.Total >= understood.Total);
    }

    [Theory]
    [InlineData("谁")]
    [InlineData("啥")]
    public void WhenAQuestionAsksWhoOrWhat_ShouldRankByItsWordsNotByHowNearlyAPassageHoldsIt(string questionWord)
    {
        // A clause of a seed speech with one character changed: as a statement it is a half-remembered clause (near
        // matches rank first); with 谁 or 啥 it is a question, whose words in a passage's order say nothing of relevance.
        const string clause = "推进惠企政策落实情况专项检查";
        var statement = seeds.Search(clause, limit: 50);
        var question = seeds.Search(questionWord + clause, limit: 50);

        Assert.Contains(statement.Hits, h => h.Match == HitMatch.Aligned);
        Assert.Contains(questionWord, question.Reading!.Dropped);
        Assert.DoesNotContain(question.Hits, h => h.Match == HitMatch.Aligned);
        Assert.True(question.Total > 0);
    }

    [Fact]
    public void WhenAQuestionSaysWhyItHadToBeDone_ShouldDropTheVerbOfDoingAndSearchWhatWasDone()
    {
        // The lexicon learns 要搞 (要搞马克思主义，不要搞修正主义); searched, it found those passages for 为什么要搞经济特区.
        using var temp = new TempFolder();
        temp.Write("corpus/a.md", "---\ntitle: 关于经济特区的讲话\nyear: 1984\n---\n\n办好经济特区，是对外开放的重要步骤，经济特区是技术的窗口。\n\n要严明纪律。\n");
        temp.Write("corpus/b.md", "---\ntitle: 在学习会上的讲话\nyear: 1975\n---\n\n要搞马克思主义，不要搞修正主义；要团结，不要分裂。\n\n要搞好团结，要搞好生产。\n");
        var searcher = temp.IndexAndSearch();

        var result = searcher.Search(new SearchRequest { Query = "为什么要搞经济特区", Limit = 20, ByMeaning = false, NearMatches = false });

        Assert.Equal("经济特区", string.Concat(result.Reading!.Words.Select(w => w.Word)));
        Assert.Contains(result.Reading.Dropped, d => d.Contains('搞', StringComparison.Ordinal));
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.Contains("经济特区", h.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("十九大报告怎么讲全面从严治党")]
    [InlineData("十九大报告")]
    public void WhenAQueryNamesAPartyCongressByItsShortName_ShouldReadItAsOneWordWithItsFullName(string query)
    {
        // The lexicon keeps no word of two numerals running (十条 of 第十条), so 十九大 was 十九 + 大, 大 dropped, and 十九 found
        // every 第十九条 of the laws (12,162 passages of the shared corpus).
        using var temp = new TempFolder();
        temp.Write("corpus/a.md", "---\ntitle: 在纪律教育大会上的讲话\nyear: 2018\n---\n\n党的十九大报告对全面从严治党作出新的部署，我们要认真学习贯彻。\n\n要严明纪律。\n");
        temp.Write("corpus/b.md", "---\ntitle: 决胜全面建成小康社会\nyear: 2017\n---\n\n——在中国共产党第十九次全国代表大会上的报告。全面从严治党永远在路上。\n");
        temp.Write("corpus/c.md", "---\ntitle: 某某条例\nyear: 2019\n---\n\n第十九条 本条例自公布之日起施行。\n");
        var searcher = temp.IndexAndSearch();

        var result = searcher.Search(new SearchRequest { Query = query, Limit = 20, ByMeaning = false, NearMatches = false });

        var word = Assert.Single(result.Reading!.Words, w => w.Word.Contains('九', StringComparison.Ordinal));
        Assert.Equal("十九大", word.Word);
        Assert.Contains("第十九次全国代表大会", word.Expansions);
        Assert.Contains(result.Hits, h => h.Text.Contains("党的十九大", StringComparison.Ordinal));
        Assert.Contains(result.Hits, h => h.Text.Contains("第十九次全国代表大会", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Hits, h => h.Text.Contains("第十九条", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenAPassageHoldsOneLongWordOfAStatement_ShouldNotRankItAsHoldingTheStatementNearlyAsWritten()
    {
        // 领导干部 is 4 of 领导干部收红包's 7 characters, and 领导干部收 of 领导干部收入 is 5: past the near matcher's minimum, so
        // every passage holding 领导干部 was 接近原文 and ranked above those holding 领导干部 and a word for 收红包.
        using var temp = new TempFolder();
        temp.Write("corpus/a.md", "---\ntitle: 关于领导干部报告个人有关事项的讲话\nyear: 2020\n---\n\n要认真落实领导干部收入、房产、投资等情况报告制度，如实填报。\n\n要加强领导干部队伍建设，提高能力素质。\n");
        temp.Write("corpus/b.md", "---\ntitle: 在纪律教育会议上的讲话\nyear: 2021\n---\n\n严禁领导干部借婚丧嫁娶收受红包礼金，对受贿行为坚决查处。\n\n要严明纪律，改进作风。\n");
        temp.Write("corpus/c.md", "---\ntitle: 在作风建设会议上的讲话\nyear: 2022\n---\n\n有的领导干部拿回扣，群众反映强烈，必须严肃查处。\n\n要推动作风建设常态化长效化。\n");
        var searcher = temp.IndexAndSearch();

        var result = searcher.Search(new SearchRequest { Query = "领导干部收红包", Limit = 20 });

        Assert.Equal(1, result.Reading!.MinimumMatch); // one passage holds both words (with 受贿 for 收红包): too few, so one counts
        var income = Assert.Single(result.Hits, h => h.Text.Contains("收入", StringComparison.Ordinal));
        Assert.NotEqual(HitMatch.Aligned, income.Match);
        Assert.DoesNotContain(result.Hits, h => h.Match == HitMatch.Aligned && !h.Text.Contains("红包", StringComparison.Ordinal));
        var hits = result.Hits.ToList();
        Assert.True(hits.FindIndex(h => h.Text.Contains("受贿", StringComparison.Ordinal)) < hits.IndexOf(income));
    }

    [Fact]
    public void WhenAPassageSaysAStatementWithItsLastWordChanged_ShouldRankItAsNearlyAsWritten()
    {
        // 以人民为中心的发展思想 for 以人民为中心的发展理念 (a writers' trial): 9 of 11 characters in order, but only one of the
        // two words whole, so the passages saying it ranked with those holding 以人民为中心 or 发展理念 anywhere (4th to 157th).
        using var temp = new TempFolder();
        temp.Write("corpus/a.md", "---\ntitle: 在民生工作会议上的讲话\nyear: 2020\n---\n\n要坚持以人民为中心的发展思想，让发展成果更多更公平惠及人民群众。\n\n要办好民生实事。\n");
        temp.Write("corpus/b.md", "---\ntitle: 在政府工作会议上的讲话\nyear: 2021\n---\n\n政府的一切工作都要以人民为中心，以人民为中心是我们的根本立场。\n\n要把发展理念贯彻到各项工作中，推动高质量发展。\n");
        temp.Write("corpus/lexicon.txt", "以人民为中心\t500\n发展理念\t500\n"); // one word each, as the shared archive reads them
        var searcher = temp.IndexAndSearch();

        var result = searcher.Search(new SearchRequest { Query = "以人民为中心的发展理念", Limit = 20 });

        Assert.Equal(["以人民为中心", "发展理念"], result.Reading!.Words.Select(w => w.Word));
        var first = result.Hits[0];
        Assert.Contains("以人民为中心的发展思想", first.Text, StringComparison.Ordinal);
        Assert.Equal(HitMatch.Aligned, first.Match);
        Assert.DoesNotContain(result.Hits, h => h.Match == HitMatch.Aligned && !h.Text.Contains("以人民为中心的发展", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenTheLexiconHoldsAQuestionWordWithAFunctionWord_ShouldDropBoth()
    {
        // The lexicon learns 有什么 as one string (laws and reports write it often); a query means 有 + 什么, a question.
        Assert.Equal(["全面从严治党", "有什么", "意义"], Segmenter.Segment("全面从严治党有什么意义").Select(w => w.Text));

        var result = seeds.Search("全面从严治党有什么意义");

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Contains("什么", reading.Dropped);
        Assert.DoesNotContain(reading.Words, w => w.Word.Contains("什么", StringComparison.Ordinal));
        Assert.Contains(reading.Words, w => w.Word == "意义");
        Assert.DoesNotContain(result.Hits, h => h.Match == HitMatch.Aligned);
    }

    [Theory]
    [InlineData("房屋所有人怎么确定", "所有人")]
    [InlineData("个人所得怎么交税", "所得")]
    [InlineData("政府是怎样应对金融危机的", "应对")]
    public void WhenATermIsSpelledOnlyWithFunctionCharacters_ShouldSearchItAsAWord(string query, string term)
    {
        // 所有人 is 所 + 有 + 人, 所得 is 所 + 得, 应对 is 应 + 对, each character a listed function word: a learned string of
        // function characters alone (都能) is cut into them and dropped, a term is not (whether the lexicon knows it or not).
        using var temp = new TempFolder();
        temp.Write("corpus/law.md", "---\ntitle: 不动产登记条例\nyear: 2020\n---\n\n"
            + "第一条 不动产登记簿记载的所有人为房屋所有人，登记机构应当核实房屋所有人的身份。\n\n"
            + "第二条 个人所得应当依法申报，个人所得税由支付所得的单位代扣代缴。\n\n"
            + "第三条 各级政府应当有效应对金融危机，应对金融危机的措施应当公开。\n");
        var searcher = temp.IndexAndSearch();

        var result = searcher.Search(new SearchRequest { Query = query });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Contains(reading.Words, w => w.Word == term);
        Assert.DoesNotContain(reading.Dropped, d => term.Contains(d, StringComparison.Ordinal));
        Assert.Contains(term, result.Hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAQuestionAsksAWordBothWays_ShouldSearchTheWordOnceAndReadAQuestion()
    {
        // 合理不合理: a yes-or-no question. The lexicon knows 不合理 (unreasonable), which is not what the query asks about.
        const string query = "干部违纪处分合理不合理";
        Assert.Contains("不合理", Segmenter.Segment(query).Select(w => w.Text));

        var result = seeds.Search(query);

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Contains(reading.Words, w => w.Word == "合理");
        Assert.DoesNotContain(reading.Words, w => w.Word == "不合理");
        Assert.Contains("合理不合理", reading.Dropped);
        Assert.DoesNotContain(result.Hits, h => h.Match == HitMatch.Aligned);
        Assert.Contains(result.Hits, h => h.Text.Contains("违纪", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("干部违纪处分合不合理", "合理", "合不合理")] // A不AB: the word is 合理
    [InlineData("上级纪委同意不同意", "同意", "同意不同意")]
    [InlineData("干部管不管理由", "理由", "管不管")] // not 管理 + 由: 理 makes 理由 with the character after it
    public void WhenAQuestionAsksAWordBothWays_ShouldBeReadAsAQuestion(string query, string word, string asked)
    {
        var free = Read(query);

        Assert.NotNull(free);
        Assert.True(free.Question);
        Assert.Contains(free.Slots, s => s.Text == word);
        Assert.Contains(asked, free.Dropped);
        Assert.DoesNotContain(free.Slots, s => s.Text.Contains('不', StringComparison.Ordinal));
    }

    [Fact]
    public void WhenAListedFormIsAskedBothWays_ShouldDropItWhole()
    {
        // 好不好 is a listed filler: taken out whole, it cannot be segmented into 好 + 不好 (bad) where the lexicon knows 不好.
        var free = Read("作风建设方案好不好看");

        Assert.NotNull(free);
        Assert.Contains("好不好", free.Dropped);
        Assert.DoesNotContain(free.Slots, s => s.Text.Contains('不', StringComparison.Ordinal) || s.Text.Contains('好', StringComparison.Ordinal));
        Assert.False(free.Question);
    }

    [Theory]
    [InlineData("干部时不时迟到")]
    [InlineData("干部动不动就推诿")]
    public void WhenAWordRepeatsAroundNotInASetPhrase_ShouldNotReadAQuestion(string query)
    {
        // 时不时 (now and then) and 动不动 (at every turn) have the shape of a question asked both ways, and are fillers.
        var free = Read(query);

        Assert.NotNull(free);
        Assert.False(free.Question);
    }

    [Fact]
    public void WhenAQueryHoldsAFiller_ShouldDropItAndCountOnTheOtherWords()
    {
        var result = seeds.Search("干部作风经常出问题怎么办");

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Contains("经常", reading.Dropped);
        Assert.DoesNotContain(reading.Words, w => w.Word == "经常");
        Assert.Contains(reading.Words, w => w.Word == "作风");
    }

    [Fact]
    public void WhenTheLexiconHoldsAFillerWithFunctionWords_ShouldDropThemAll()
    {
        // 需要进一步 is one learned string: 需要 + 进一步, both dropped.
        var reading = Assert.IsType<QueryReading>(seeds.Search("巡察整改需要进一步加强什么").Reading);

        Assert.DoesNotContain(reading.Words, w => w.Word.Contains("进一步", StringComparison.Ordinal) || w.Word.Contains("需要", StringComparison.Ordinal));
        Assert.Contains("进一步", reading.Dropped);
    }

    [Theory]
    [InlineData("基层干部都能参加培训吗", "都能", "都", "培训")] // function characters alone: cut into characters
    [InlineData("出现这种情况干部违纪怎么处理", "这种情况", "情况", "违纪")] // 这种 + 情况, neither a question word nor a filler
    public void WhenTheLexiconHoldsListedWordsAsOneString_ShouldDropThemAll(string query, string learned, string piece, string kept)
    {
        Assert.Contains(learned, Segmenter.Segment(query).Select(w => w.Text));

        var reading = Assert.IsType<QueryReading>(seeds.Search(query).Reading);

        Assert.DoesNotContain(reading.Words, w => w.Word.Contains(piece, StringComparison.Ordinal));
        Assert.Contains(piece, reading.Dropped);
        Assert.Contains(reading.Words, w => w.Word == kept);
    }

    [Fact]
    public void WhenAWordsThesaurusTermIsAFiller_ShouldNotSearchIt()
    {
        // The synonym group 切实、认真、扎实: 扎实 widens to neither of the others, which are fillers.
        var reading = Assert.IsType<QueryReading>(seeds.Search("怎样扎实推进巡察整改").Reading);

        var expansions = reading.Words.SelectMany(w => w.Expansions).ToList();
        Assert.Contains(reading.Words, w => w.Word == "扎实" || w.Parts.Contains("扎实"));
        Assert.DoesNotContain("切实", expansions);
        Assert.DoesNotContain("认真", expansions);
    }

    [Fact]
    public void WhenTheWordsFindNextToNothing_ShouldStillAddThePassagesNearestInMeaning()
    {
        // The nearest passages cannot be ones the words count when the words count one: meaning then weighs little, but
        // its passages still join, after the words' own.
        var result = seeds.Search("赔偿过错", limit: 50);

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.True(result.Total > reading.AsWritten + 5, $"{result.Total} passages");
        Assert.Contains(result.Hits, h => h.Match == HitMatch.Meaning);
        var firstByMeaning = result.Hits.ToList().FindIndex(h => h.Match == HitMatch.Meaning);
        Assert.All(result.Hits.Take(firstByMeaning), h => Assert.NotEqual(HitMatch.Meaning, h.Match));
    }

    [Fact]
    public void WhenAFormulationFoundAsWrittenHoldsAFiller_ShouldStillMatchItStrictly()
    {
        // A short run found as written is a term (FreeTextReader.TermLength), though 更加 alone is a filler.
        var exact = seeds.Searcher.Search(new SearchRequest { Query = "更加自觉", Mode = SearchMode.Exact, NearMatches = false, Limit = 0 });
        var result = seeds.Searcher.Search(new SearchRequest { Query = "更加自觉", NearMatches = false, Limit = 0 });

        Assert.True(exact.Total > 0);
        Assert.Null(result.Reading);
        Assert.Equal(exact.Total, result.Total);
    }

    [Fact]
    public void WhenAQuestionAsksWhen_ShouldKeepTheQuestionWordWholeAndReadItAsAQuestion()
    {
        // The lexicon cuts 是哪一年开始 as 哪一 | 年开始: the question went unnoticed, and 年开始 was searched.
        var read = Read("全面从严治党是哪一年开始提出的");

        Assert.NotNull(read);
        Assert.True(read!.Question);
        Assert.Contains("哪一年", read.Dropped);
        Assert.DoesNotContain(read.Slots, s => s.Text.Contains('年', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("志强")] // the seeds hold 志 (32 times) and 强 (121), never together
    [InlineData("张建国")] // 张, 建 and 国 apart
    [InlineData("华国锋")] // 华 is in no seed
    public void WhenAFewCharactersNoPassageHoldsTogetherAreTyped_ShouldSayTheNameIsNotFoundAndNotSearchThemApart(string name)
    {
        var result = seeds.Search(name);

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Equal([name], reading.Missing);
        Assert.Empty(reading.Words);
        Assert.Equal(0, result.Total);
    }

    [Fact]
    public void WhenEveryWordIsASingleCharacter_ShouldSearchThoseThatMeanSomethingAndDropTheFunctionCharacters()
    {
        var result = seeds.Search("钱的事又多又乱");

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Contains("的", reading.Dropped);
        Assert.Contains("又", reading.Dropped); // held by no passage of the seeds: dropped all the same, not missing
        Assert.DoesNotContain("又", reading.Missing);
        Assert.DoesNotContain(reading.Words, w => w.Word is "的" or "又");
        Assert.Contains(reading.Words, w => w.Word == "乱");
        Assert.True(result.Total > 0, "no query without results");
        Assert.DoesNotContain(result.Hits, h => h.Snippet.Contains("<mark>的</mark>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("难有所助")] // two characters that mean something (难, 助) and two function ones
    [InlineData("风有所减")]
    [InlineData("悟有所下")]
    public void WhenASetPhraseOfSingleAndFunctionCharactersIsFoundAsTyped_ShouldMatchItStrictly(string phrase)
    {
        var result = seeds.Search(phrase);
        var exact = seeds.Searcher.Search(new SearchRequest { Query = phrase, Mode = SearchMode.Exact, Limit = 0 });

        Assert.Null(result.Reading);
        Assert.True(exact.Total > 0, $"the seeds hold {phrase}");
        Assert.Equal(exact.Total, result.Total);
    }

    [Theory]
    [InlineData("水 又 黑", "又")] // its function character dropped as free text
    [InlineData("干部 的 作风", "的")]
    public void WhenARunTypedApartIsAFunctionWordTheReadingDrops_ShouldNotRankItsPassagesAsWritten(string query, string dropped)
    {
        var result = seeds.Search(query, limit: 50);

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Contains(dropped, reading.Dropped);
        Assert.Equal(0, reading.AsWritten);
        Assert.DoesNotContain(result.Hits, h => h.Snippet.Contains($"<mark>{dropped}</mark>", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenAllWordsAreQuestionWords_ShouldStillSearchThem()
    {
        var result = seeds.Search("什么");

        Assert.Empty(result.Reading?.Dropped ?? []);
    }
    [Fact]
    public void WhenFewPassagesHoldAllTheTypedWords_ShouldAlsoCountThoseHoldingSomeBelowThem()
    {
        var all = seeds.Searcher.Search(new SearchRequest { Query = "巡察 整改", Mode = SearchMode.Exact, NearMatches = false, Limit = 100 });
        var result = seeds.Searcher.Search(new SearchRequest { Query = "巡察 整改", NearMatches = false, Limit = 100 });

        Assert.InRange(all.Total, 1, FreeTextReader.AsWrittenEnough - 1);
        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Equal(1, reading.MinimumMatch);
        Assert.True(result.Total > all.Total, "passages holding one of the words should be counted too");
        Assert.Subset(result.Hits.Select(h => h.PassageId).ToHashSet(), all.Hits.Select(h => h.PassageId).ToHashSet());
        Assert.Contains("巡察", result.Hits[0].Text, StringComparison.Ordinal);
        Assert.Contains("整改", result.Hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheQueryIsHeldAsTyped_ShouldNotLowerTheMinimumToFillThePage()
    {
        // 以钉钉子精神 was held as typed by two passages of the shared reports, and the minimum lowered to 1 of its words then
        // counted 690 more passages that hold 精神 alone.
        using var temp = new TempFolder();
        var spirit = string.Join("\n\n", Enumerable.Range(0, 14).Select(i => $"第{i + 1}条，大力弘扬伟大建党精神，发扬斗争精神。"));
        var index = TinyCorpus.Index(temp,
            ("a.md", "2021-01-01", "甲", "坚持以钉钉子精神抓好各项工作落实。\n\n" + spirit),
            ("b.md", "2022-01-01", "乙", "要以钉钉子精神做实做细做好各项工作。\n\n钉钉子要一锤接着一锤敲。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var result = searcher.Search(new SearchRequest { Query = "以钉钉子精神", NearMatches = false, Expand = false, Limit = 100 });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.True(reading.Words.Count >= 2, "the query should be read as several words: " + string.Join(" ", reading.Words.Select(w => w.Word)));
        Assert.Equal(reading.Words.Count, reading.MinimumMatch);
        Assert.All(result.Hits, h => Assert.Contains("钉钉", h.Text, StringComparison.Ordinal));
        Assert.InRange(result.Total, 2, 3);
    }

    [Fact]
    public void WhenOnlyATitleHoldsTheQuerysWords_ShouldStillLowerTheMinimum()
    {
        // A title holding the words is a title hit, not the query held as typed: passages holding some of them still count.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
            ("a.md", "2021-01-01", "关于生态环境保护和督察工作的讲话", "同志们：\n\n今天召开会议，部署今年的督察工作。"),
            ("b.md", "2022-01-01", "乙", "要加强生态环境保护，推进绿色发展。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var result = searcher.Search(new SearchRequest { Query = "生态环境保护督察", NearMatches = false, Expand = false, Limit = 100 });

        Assert.Contains(result.Hits, h => h.Title == "乙" && h.Text.Contains("生态环境保护", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenManyPassagesHoldAllTheTypedWords_ShouldMatchThemStrictly()
    {
        var result = seeds.Searcher.Search(new SearchRequest { Query = "全面从严治党 党风廉政建设", NearMatches = false, Limit = 0 });
        var exact = seeds.Searcher.Search(new SearchRequest { Query = "全面从严治党 党风廉政建设", Mode = SearchMode.Exact, NearMatches = false, Limit = 0 });

        Assert.True(exact.Total >= FreeTextReader.AsWrittenEnough);
        Assert.Null(result.Reading);
        Assert.Equal(exact.Total, result.Total);
    }
    [Fact]
    public void WhenALongWordIsHeldOnlyApartInAPassage_ShouldCountThatPassageForIt()
    {
        var result = seeds.Searcher.Search(new SearchRequest { Query = "党风廉政建设怎么抓", Expand = false, NearMatches = false, Limit = 200 });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        var word = Assert.Single(reading.Words);
        Assert.Equal("党风廉政建设", word.Word);
        Assert.Equal(seeds.Snapshot.Lexicon.Components("党风廉政建设"), word.Components);
        Assert.True(word.Components.Count > 1);
        Assert.Equal(result.Total, result.Hits.Count);
        var apart = result.Hits.Where(h => !h.Text.Contains("党风廉政建设", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(apart);
        Assert.All(apart, h => Assert.All(word.Components, c => Assert.Contains(c, h.Text, StringComparison.Ordinal)));
    }

    [Fact]
    public void WhenLooseCharactersMeetOnlyAcrossAFunctionCharacter_ShouldNotSearchTheStringAsAWord()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(
            temp,
            ("a.md", "2021-01-01", "甲", "各个事业单位要加强管理。\n\n要深化改革。"),
            ("b.md", "2022-01-01", "乙", "要把整村搬迁的群众安置好。"));

        var loose = new Searcher(index, QueryUnderstanding.Default).Search(new SearchRequest { Query = "办个事难" });
        var village = new Searcher(index, QueryUnderstanding.Default).Search(new SearchRequest { Query = "整村怎么办" });

        Assert.DoesNotContain(Assert.IsType<QueryReading>(loose.Reading).Words, w => w.Word == "个事"); // of 各个事业
        Assert.Contains(Assert.IsType<QueryReading>(village.Reading).Words, w => w.Word == "整村"); // found, no function character
    }

    [Fact]
    public void WhenAStringTheLexiconDoesNotKnowIsHeldMostlyAcrossTwoWords_ShouldNotSearchItAsAWordOrAPart()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, "路排隐患\n整村推进\n",
            ("a.md", "2021-01-01", "甲", "公路排水设施要定期检查。\n\n要细致排查隐患。"), ("b.md", "2022-01-01", "乙", "山坡上要多种树。\n\n整村推进要抓实。"));
        QueryReading Read(string query) => Assert.IsType<QueryReading>(new Searcher(index, QueryUnderstanding.Default).Search(new SearchRequest { Query = query }).Reading);
        Assert.False(index.Lexicon.Contains("山坡") || index.Lexicon.Contains("整村") || index.Lexicon.Contains("路排"));

        var loose = Read("山坡上远路排长队");
        Assert.DoesNotContain(loose.Words, w => w.Word == "路排"); // held once, across two words (公 路 | 排水设施)
        Assert.Contains(loose.Words, w => w.Word == "山坡"); // held once, as a word
        Assert.Equal(["隐患"], Assert.Single(Read("路排隐患怎么办").Words).Parts); // a word no passage holds: not the part 路排
        Assert.Contains(Read("整村怎么办").Words, w => w.Word == "整村"); // held inside 整村推进, whose rest is a word
    }

    [Theory]
    [InlineData(2, false, new[] { "开会", "通知" })]
    [InlineData(3, false, new[] { "开会发", "通知" })]
    [InlineData(3, true, new[] { "开会", "通知" })]
    public void WhenALoneCharacterMeetsAWord_ShouldJoinThemOnlyWhereThreePassagesHoldThemJoined(int joined, bool inAWord, string[] expected)
    {
        using var temp = new TempFolder();
        // 开会发一份…: 发 starts no word there; 开会发言…: it is the 发 of 发言, a word on its other side, so it does not join 开会.
        var held = inAWord ? new[] { "开会发言要简短。", "开会发言不念稿。", "开会发言讲实话。" } : ["开会发一份提纲。", "开会发一张表格。", "开会发一本材料。"];
        var meetings = held.Take(joined).Concat(["少开会。", "开短会。", "开会要解决问题。", "通知要简明。"]);
        var people = string.Join("\n\n", ["老百姓的事是大事。", "让老百姓得实惠。", "老百姓看得见。", "百姓安居乐业。"]);
        var index = TinyCorpus.Index(temp, ("a.md", "2021-01-01", "甲", string.Join("\n\n", meetings)), ("b.md", "2022-01-01", "乙", people));

        var reading = Assert.IsType<QueryReading>(new Searcher(index, QueryUnderstanding.Default).Search(new SearchRequest { Query = "开会发通知" }).Reading);

        Assert.Equal(expected, reading.Words.Select(w => w.Word)); // 开会 + 发, held joined in 2 or 3 of the passages holding 开会
        Assert.DoesNotContain("发通知", reading.Missing); // 发 + 通知: held joined in none
    }

    [Fact]
    public void WhenALoneCharacterIsMostlyPartOfAWordOnItsOtherSide_ShouldNotJoinItToTheWordBesideIt()
    {
        using var temp = new TempFolder();
        var outbreaks = string.Join("\n\n", ["疫情发生后，各地迅速行动。", "疫情发生后，医护人员逆行出征。", "疫情发生后，物资保障有力。", "事故发生后要及时报告。"]);
        var index = TinyCorpus.Index(temp, "新冠疫\t500000\n发生后\t50000\n", ("a.md", "2021-01-01", "甲", outbreaks)); // a learned fragment: the query is cut 新冠疫 | 情 | 发生后
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var reading = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "新冠疫情发生后采取了哪些措施" }).Reading);

        Assert.DoesNotContain(reading.Words, w => w.Word == "情发生后"); // held three times, each in 疫情 | 发生后
        Assert.Contains(reading.Words, w => w.Word == "发生后");
        Assert.Contains("情", reading.Dropped);
    }

    [Fact]
    public void WhenAnEverydayWordIsSpeltAcrossAFunctionCharacter_ShouldSearchItWithItsThesaurusTerms()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(
            temp,
            ("a.md", "2021-01-01", "甲", "要让贫困人口稳定脱贫。\n\n困难群众的基本生活要有保障。"),
            ("b.md", "2022-01-01", "乙", "要加强基层组织建设。"));

        var result = new Searcher(index, QueryUnderstanding.Default).Search(new SearchRequest { Query = "穷人怎么脱贫" });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        var poor = Assert.Single(reading.Words, w => w.Word == "穷人"); // 穷 + 人, 人 alone being a function word
        Assert.Contains("贫困人口", poor.Expansions);
        Assert.True(poor.TermsOnly); // no passage holds 穷人, and 穷 alone is not searched
        Assert.Empty(poor.Parts);
        Assert.Contains("贫困人口", result.Hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheOnlyPartOfAnEverydayWordIsBroad_ShouldSearchItThroughItsTermsAlone()
    {
        using var temp = new TempFolder();
        var work = Enumerable.Range(1, 5).Select(i => $"青年工作第{i}条要抓好。").Append("做好工作。");
        var rest = new[] { "促进青年就业。", "高校毕业生就业是重点。", "修缮房子。", "打破常规。", "寻找差距。" }.Concat(Enumerable.Range(1, 21).Select(i => $"第{i}项任务要完成。"));
        var index = TinyCorpus.Index(temp, ("a.md", "2021-01-01", "甲", string.Join("\n\n", work)), ("b.md", "2022-01-01", "乙", string.Join("\n\n", rest)));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var jobs = searcher.Search(new SearchRequest { Query = "青年找工作" });
        var houses = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "破房子" }).Reading);

        var job = Assert.Single(Assert.IsType<QueryReading>(jobs.Reading).Words, w => w.Word == "找工作"); // no passage holds it
        Assert.True(job.TermsOnly); // 工作, held by 6 of 32 passages, is youth work here, not finding a job
        Assert.Empty(job.Parts);
        Assert.Equal(["就业"], job.Expansions);
        Assert.Equal("促进青年就业。", jobs.Hits[0].Text);
        var house = Assert.Single(houses.Words, w => w.Word == "破房子");
        Assert.Equal(["房子"], house.Parts); // held by one passage in 32: the thing the word names
        Assert.False(house.TermsOnly);
    }

    [Fact]
    public void WhenAnEverydayWordBeginsOrEndsWithAFunctionCharacter_ShouldStillBeSearchedThroughItsTerms()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(
            temp,
            ("a.md", "2021-01-01", "甲", "行人要走人行横道。\n\n马路上车多。"),
            ("b.md", "2022-01-01", "乙", "士兵的训练要加强。\n\n关心现役军人和官兵的生活。"));
        var searcher = new Searcher(index, QueryUnderstanding.Default);

        var crossing = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "过马路要注意什么" }).Reading);
        var soldier = Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = "当兵的生活怎么样" }).Reading);

        var road = Assert.Single(crossing.Words, w => w.Word == "过马路"); // not 过 + 马路, which no passage holds as a word here
        Assert.True(road.TermsOnly);
        Assert.Contains("人行横道", road.Expansions);
        var army = Assert.Single(soldier.Words, w => w.Word == "当兵的"); // not its part 兵的 (of 士兵的)
        Assert.True(army.TermsOnly);
        Assert.Contains("官兵", army.Expansions);
    }

    [Fact]
    public void WhenAnEverydayWordsTermsAreAlreadySearched_ShouldNotAddAnEmptyWord()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, ("a.md", "2021-01-01", "甲", "进城务工人员的工资要按时发放。\n\n务工收入稳定增长。"));

        var result = new Searcher(index, QueryUnderstanding.Default).Search(new SearchRequest { Query = "打工 务工 工资" });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Equal(["务工", "工资"], reading.Words.Select(w => w.Word));
        Assert.Contains("打工", reading.Dropped); // its one term, 务工, is searched already
    }
}
