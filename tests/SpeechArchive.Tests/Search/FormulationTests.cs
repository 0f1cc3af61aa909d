using SpeechArchive.Analysis;
using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// The thesaurus's <c>formulations</c>: a query describing an official formulation in everyday words also finds the passages
/// holding the formulation, says so in its reading, and labels them; with expansions off, nothing of it applies.
/// </summary>
public sealed class FormulationTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    /// <summary>A formulation the seed speeches hold (警示教育) described in words none of its passages needs to hold.</summary>
    private const string Yaml = "formulations:\n  警示教育: [拿身边人犯错的事情教育大家, 用出事干部的例子提个醒]\n  以案促改促治: [拿身边人犯错的事情教育大家]\n";

    private Searcher Searcher() => new(seeds.Snapshot, new QueryUnderstanding(Thesaurus.Parse(Yaml, "test")));

    /// <summary>
    /// Passages holding the words of 离婚后孩子跟谁 (离婚后, 孩子) and no formulation, beside those a test is about: as long as a
    /// speech's, for over short articles of law a formulation's passages are not added (<see cref="ShortArticles"/>).
    /// </summary>
    private static readonly (string File, string Date, string Title, string Body)[] SpeechPassages =
        [.. Enumerable.Range(0, 8).Select(i => ($"f{i}.md", $"201{i}-06-01", $"戊{i}", $"夫妻离婚后，孩子的财产由双方协议处理。{Speech}"))];

    /// <summary>Passages holding the same words as short as articles of law are.</summary>
    private static readonly (string File, string Date, string Title, string Body)[] ShortArticles =
        [.. Enumerable.Range(0, 8).Select(i => ($"f{i}.md", $"201{i}-06-01", $"戊{i}", $"第{i + 1}条 夫妻离婚后，孩子的财产由双方协议处理。"))];

    /// <summary>A speech's sentences (with the sentence before them, well over <see cref="Ranker.ShortPassages"/> characters).</summary>
    private const string Speech = "各地要加强宣传引导，帮助当事人依法妥善处理家庭事务，做好调解、咨询和法律援助工作，切实维护妇女儿童合法权益。"
        + "基层组织要把矛盾化解在萌芽状态，推动形成平等、和睦、文明的婚姻家庭关系，让群众在每一件小事中感受到公平正义。"
        + "有关部门要加强协作，及时研究解决工作中遇到的新情况新问题，把好事办好、实事办实，不断增强人民群众的获得感、幸福感、安全感。";

    [SkippableFact]
    public void EveryBuiltInFormulation_ShouldBeWrittenInThreeSharedTextsAtLeast()
    {
        var texts = new[] { "reports", "xi-2020", "laws" }.Select(SharedCorpus.Require)
            .SelectMany(set => Directory.EnumerateFiles(set, "*.txt", SearchOption.AllDirectories))
            .Select(file => File.ReadAllText(file)).Select(text => SpeechArchive.Analysis.MatchText.Build(text, 0, text.Length)).ToList();
        var formulations = Thesaurus.Default.Formulations;

        Assert.True(formulations.Count >= 500);
        var rare = formulations.Select(f => f.Formulation).Where(f => texts.Count(t => t.Contains(f, StringComparison.Ordinal)) < 3).ToList();
        Assert.True(rare.Count == 0, "written in fewer than three shared texts: " + string.Join("、", rare));
        Assert.All(formulations, f => Assert.All(f.Descriptions, d => Assert.DoesNotContain(f.Formulation, d, StringComparison.Ordinal)));
    }

    [Fact]
    public void WhenParsed_ShouldKeepEachFormulationWithItsDescriptions()
    {
        var thesaurus = Thesaurus.Parse(Yaml, "test");

        var (formulation, descriptions) = Assert.Single(thesaurus.Formulations, f => f.Formulation == "警示教育");
        Assert.Equal(["拿身边人犯错的事情教育大家", "用出事干部的例子提个醒"], descriptions);
        Assert.Empty(thesaurus.RelatedTo("警示教育")); // a description is no term the formulation widens to
    }

    [Fact]
    public void WhenTheFormulationsAreNotAMap_ShouldSayWhereAndWhat()
    {
        var e = Assert.Throws<SpeechArchiveException>(() => Thesaurus.Parse("formulations:\n  警示教育:\n    a: b\n", "thesaurus.yaml"));

        Assert.Contains("thesaurus.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("formulations", true)]
    [InlineData("statement-formulations", false)]
    public void WhenAFormulationIsForStatementsOnly_ShouldReadItForAStatementButNotForAQuestion(string section, bool question)
    {
        var thesaurus = Thesaurus.Parse($"{section}:\n  警示教育: [拿身边人犯错的事情教育大家, 用出事干部的例子提个醒]\n", "test");
        var searcher = new Searcher(seeds.Snapshot, new QueryUnderstanding(thesaurus));
        string[] Read(string query) =>
            [.. Assert.IsType<QueryReading>(searcher.Search(new SearchRequest { Query = query, Limit = 1, NearMatches = false }).Reading).Formulations];

        Assert.Equal(section == "statement-formulations", thesaurus.StatementOnly.Contains("警示教育"));
        Assert.Equal(section == "statement-formulations", thesaurus.WithFormulations(thesaurus.Formulations, "held out").StatementOnly.Contains("警示教育"));
        Assert.Equal(["警示教育"], Read("拿身边人犯错的事情来教育大家"));
        Assert.Equal(question ? ["警示教育"] : [], Read("怎么拿身边人犯错的事情来教育大家"));
    }

    [Fact]
    public void WhenAFormulationIsInBothSections_ShouldSayWhereAndWhat()
    {
        // Marked statement-only by its name, it would lose its question descriptions: refused, with the line.
        var e = Assert.Throws<SpeechArchiveException>(() => Thesaurus.Parse(
            "formulations:\n  警示教育: [拿身边人犯错的事情教育大家]\nstatement-formulations:\n  警示教育: [用出事干部的例子提个醒]\n", "thesaurus.yaml"));

        Assert.Contains("thesaurus.yaml: line 4", e.Message, StringComparison.Ordinal);
        Assert.Contains("警示教育", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("statement-formulations:\n  # 都删了\n")]
    [InlineData("formulations:\nstatement-formulations:\n")]
    public void WhenAFormulationSectionIsLeftEmpty_ShouldReadNoneOfIt(string yaml) =>
        Assert.Empty(Thesaurus.Parse(yaml, "thesaurus.yaml").Formulations);

    [Fact]
    public void WhenAFormulationSectionIsNotAMap_ShouldSaySo()
    {
        var e = Assert.Throws<SpeechArchiveException>(() => Thesaurus.Parse("statement-formulations: 警示教育\n", "thesaurus.yaml"));

        Assert.Contains("“statement-formulations:” must be a map (提法: [口语说法, …])", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAQueryDescribesAFormulation_ShouldSearchItBesideTheWordsAndSaySo()
    {
        var result = Searcher().Search(new SearchRequest { Query = "拿身边人犯错的事情来教育大家", Limit = 200, NearMatches = false });

        var reading = Assert.IsType<QueryReading>(result.Reading);
        Assert.Equal(["警示教育"], reading.Formulations); // 以案促改促治 is held by no passage
        var holding = seeds.Snapshot.Passages.Select((p, i) => (p, i)).Where(x => x.p.MatchText.Contains("警示教育", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(holding);
        Assert.All(holding, x => Assert.Contains(result.Hits, h => h.PassageId == seeds.Snapshot.Passages[x.i].Id));
        Assert.Contains(result.Hits, h => h.Snippet.Contains("<mark>警示教育</mark>", StringComparison.Ordinal));
        Assert.Equal(result.Total, result.Facets.Year.Sum(y => y.Count));
    }

    [Fact]
    public void WhenUnderstandingIsPrepared_ShouldHaveReadTheDescriptionsBeforeAnyQuery()
    {
        var understanding = new QueryUnderstanding(Thesaurus.Parse(Yaml, "test"));
        var segmenter = SearchStructures.Of(seeds.Snapshot).Segmenter;
        Assert.False(FormulationMatcher.Prepared(understanding.Thesaurus, segmenter));

        understanding.Prepare(seeds.Snapshot);

        Assert.True(FormulationMatcher.Prepared(understanding.Thesaurus, segmenter));
        var result = new Searcher(seeds.Snapshot, understanding).Search(new SearchRequest { Query = "拿身边人犯错的事情来教育大家", NearMatches = false });
        Assert.Equal(["警示教育"], result.Reading!.Formulations);
    }

    [Fact]
    public void WhenAPassageHoldsTheFormulationButFewOfTheWords_ShouldCountItAndLabelItSo()
    {
        var result = Searcher().Search(new SearchRequest { Query = "用出事干部的例子提个醒", Limit = 200, NearMatches = false });

        Assert.Equal(["警示教育"], result.Reading!.Formulations);
        var labelled = result.Hits.Where(h => h.Match == HitMatch.Formulation).ToList();
        Assert.NotEmpty(labelled);
        Assert.All(labelled, h => Assert.Contains("警示教育", h.Text, StringComparison.Ordinal));
        Assert.Equal(result.Total, result.Facets.Year.Sum(y => y.Count));
    }

    [Fact]
    public void WhenTheFormulationIsWhatMuchOfTheArchiveIsAbout_ShouldLeaveItToTheWords()
    {
        var searcher = new Searcher(seeds.Snapshot, new QueryUnderstanding(Thesaurus.Parse("formulations:\n  全面从严治党: [党员干部犯错处理更严]\n  警示教育: [党员干部犯错处理更严]\n", "test")));
        var holding = seeds.Snapshot.Passages.Count(p => p.MatchText.Contains("全面从严治党", StringComparison.Ordinal));

        var result = searcher.Search(new SearchRequest { Query = "党员干部犯错怎么处理更严", Limit = 0 });

        Assert.True(holding > Math.Max(FreeTextReader.FormulationHolders, FreeTextReader.FormulationShare * seeds.Snapshot.Passages.Count));
        Assert.Equal(["警示教育"], result.Reading!.Formulations);
    }

    [Fact]
    public void WhenExpansionsAreOff_ShouldNotSearchTheFormulation()
    {
        var result = Searcher().Search(new SearchRequest { Query = "拿身边人犯错的事情来教育大家", Limit = 200, NearMatches = false, Expand = false });

        Assert.Empty(result.Reading!.Formulations);
        Assert.DoesNotContain(result.Hits, h => h.Match == HitMatch.Formulation);
    }

    [Fact]
    public void WhenTheQueryAlreadySaysTheFormulationOrDescribesNothing_ShouldAddNone()
    {
        var searcher = Searcher();

        Assert.Empty(searcher.Search(new SearchRequest { Query = "怎样搞好警示教育和身边人犯错", Limit = 0 }).Reading?.Formulations ?? []);
        Assert.Empty(searcher.Search(new SearchRequest { Query = "怎样防止干部腐败", Limit = 0 }).Reading!.Formulations);
    }

    [Theory]
    [InlineData("", "直接抚养 抚养费 探望权")] // 离婚后孩子归谁抚养: 直接抚养 says nothing more; the others say 钱 and 看 (equal shares, then by name)
    [InlineData("钱", "抚养费 直接抚养 探望权")] // 离婚后给孩子的钱: 直接抚养 lacks 钱 (5 of the query's 6), 探望权 lacks it and adds 看
    [InlineData("看", "探望权 直接抚养 抚养费")] // 离婚后看孩子
    public void WhenDescriptionsAreEquallyNearByTheirWords_ShouldPreferTheOneSayingWhatTheQuerySays(string single, string order)
    {
        // Each description shares 离婚、婚后、孩子 with the query and no other pair: only their single characters tell them apart
        // (the names' order in Unicode once did: 抚养费 first, whatever the query said). The lesser share orders first, then
        // the greater.
        var thesaurus = Thesaurus.Parse("formulations:\n  抚养费: [离婚后给孩子的钱]\n  探望权: [离婚后看孩子]\n  直接抚养: [离婚后孩子跟谁]\n", "test");

        var described = FormulationMatcher.Match(["离婚后", "孩子"], [], single.Length == 0 ? [] : [single], thesaurus, new Segmenter(Lexicon.Base), _ => 1.0);

        Assert.Equal(order.Split(' '), described);
    }

    [Fact]
    public void WhenNoPairWeighsAnything_ShouldDescribeNothing()
    {
        var thesaurus = Thesaurus.Parse("formulations:\n  抚养费: [离婚后给孩子的钱]\n", "test");

        Assert.Empty(FormulationMatcher.Match(["离婚后", "孩子"], [], [], thesaurus, new Segmenter(Lexicon.Base), _ => 0.0));
    }

    [Fact]
    public void WhenTheNearestFormulationIsHeldByNoPassage_ShouldSearchTheNextTwo()
    {
        // Three formulations described alike, whose names the query does not say: 一丁 (first by its name) is held by no
        // passage, and it takes no place of the two.
        var searcher = new Searcher(seeds.Snapshot, new QueryUnderstanding(Thesaurus.Parse(
            "formulations:\n  一丁: [拿身边人犯错的事情教育大家]\n  一岗双责: [拿身边人犯错的事情教育大家]\n  八项规定: [拿身边人犯错的事情教育大家]\n", "test")));

        var statement = searcher.Search(new SearchRequest { Query = "拿身边人犯错的事情来教育大家", Limit = 0 });
        var question = searcher.Search(new SearchRequest { Query = "怎样拿身边人犯错的事情来教育大家", Limit = 0 });

        Assert.Equal(["一岗双责", "八项规定"], statement.Reading!.Formulations); // read by FormulationReader
        Assert.Equal(["一岗双责", "八项规定"], question.Reading!.Formulations); // read by the pairs (FormulationMatcher)
    }

    [Fact]
    public void WhenAPassageHoldsTheFormulationOnlyNegated_ShouldNotCountItForTheFormulation()
    {
        // 不直接抚养子女的一方 is the parent who does not raise the child: a passage saying 直接抚养 only after 不, 未 or 非 does
        // not hold the formulation; one saying it once without a negation does, whatever else it says. (None of the five holds
        // the query's words: the formulation alone counts them.)
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
        [
            ("held.md", "2021-01-01", "甲", "不满两周岁的，以由母亲直接抚养为原则。"),
            ("not.md", "2021-02-01", "乙", "不直接抚养的一方，有探望的权利。"),
            ("notyet.md", "2021-03-01", "丙", "未直接抚养的一方应当负担部分费用。"),
            ("nor.md", "2021-03-15", "丙", "非直接抚养方同样负有教育的义务。"),
            ("both.md", "2021-04-01", "丁", "直接抚养的一方应当配合，不直接抚养的一方按时探望。"),
            .. SpeechPassages,
        ]);
        var searcher = new Searcher(index, new QueryUnderstanding(Thesaurus.Parse("formulations:\n  直接抚养: [离婚后孩子跟谁]\n", "test")));

        var result = searcher.Search(new SearchRequest { Query = "离婚后孩子跟谁", Limit = 50, ByMeaning = false, NearMatches = false });

        Assert.Equal(["直接抚养"], result.Reading!.Formulations);
        var byFormulation = result.Hits.Where(h => h.Match == HitMatch.Formulation).Select(h => h.Text).ToList();
        Assert.Contains(byFormulation, t => t.StartsWith("不满两周岁", StringComparison.Ordinal));
        Assert.Contains(byFormulation, t => t.StartsWith("直接抚养的一方应当配合", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Hits, h => h.Text.StartsWith("不直接抚养的一方", StringComparison.Ordinal) || h.Text.StartsWith("未直接抚养", StringComparison.Ordinal)
            || h.Text.StartsWith("非直接抚养", StringComparison.Ordinal));
        Assert.Equal(result.Total, result.Facets.Year.Sum(y => y.Count));

        // Its snippet marks the occurrence that counts, not the negated one.
        var both = result.Hits.Single(h => h.Text.StartsWith("直接抚养的一方应当配合", StringComparison.Ordinal)).Snippet;
        Assert.Contains("<mark>直接抚养</mark>的一方应当配合", both, StringComparison.Ordinal);
        Assert.Contains("不直接抚养的一方按时探望", both, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("不直接抚养的一方", true)]
    [InlineData("未直接抚养的", true)]
    [InlineData("并非直接抚养", true)]
    [InlineData("非直接抚养", true)]
    [InlineData("他不得不直接抚养孩子", false)] // a double negative
    [InlineData("明辨是非直接抚养", false)] // 是非 (its comma gone from the match form)
    [InlineData("由母亲直接抚养", false)]
    [InlineData("直接抚养为原则", false)]
    public void WhenAFormulationFollowsANegation_ShouldReadItAsNegatedUnlessTheCharacterClosesAnotherWord(string text, bool negated)
    {
        Assert.Equal(negated, Matcher.Negated(text, text.IndexOf("直接抚养", StringComparison.Ordinal)));
    }

    [Fact]
    public void WhenTheNearestFormulationIsHeldOnlyNegated_ShouldSearchTheNextInstead()
    {
        // 公开审理 and 直接抚养 are described alike; the only passage saying 公开审理 says 不公开审理, so it takes no place of the two.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
        [
            ("closed.md", "2021-01-01", "甲", "涉及个人隐私的案件，不公开审理。"),
            ("held.md", "2021-02-01", "乙", "不满两周岁的，以由母亲直接抚养为原则。"),
            .. SpeechPassages,
        ]);
        var thesaurus = Thesaurus.Parse("formulations:\n  公开审理: [离婚后孩子跟谁]\n  直接抚养: [离婚后孩子跟谁]\n", "test");

        var result = new Searcher(index, new QueryUnderstanding(thesaurus)).Search(new SearchRequest { Query = "离婚后孩子跟谁", Limit = 50, ByMeaning = false, NearMatches = false });

        Assert.Equal(["直接抚养"], result.Reading!.Formulations);
        Assert.Contains(result.Hits, h => h.Text.StartsWith("不满两周岁", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Hits, h => h.Text.Contains("公开审理", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenTheDescriptionSharesOneStretchOfTheQuery_ShouldNotDescribeIt()
    {
        // 老百姓买房难 once read 坑老百姓 (侵害群众利益): the description's 百姓 and its bridged 坑老百姓 (adding 坑老 and 老百) are two
        // of its words, but the pairs they share with the query, 老百 and 百姓, are the one word 老百姓. A description sharing 买房
        // too is still read.
        var thesaurus = Thesaurus.Parse("formulations:\n  侵害群众利益: [坑老百姓]\n  住房保障: [老百姓买房子]\n", "test");

        var described = FormulationMatcher.Match(["老百姓", "买房"], [], [], thesaurus, new Segmenter(Lexicon.Base), _ => 1.0);

        Assert.Equal(["住房保障"], described);
    }

    [Theory]
    [InlineData("老百,百姓", "老百姓", false)] // overlapping in the word
    [InlineData("加入,世贸", "加入世贸组织", true)] // one word, two stretches of it
    [InlineData("老百,买房", "老百姓 买房", true)] // two words
    [InlineData("老百", "老百姓", false)] // a single pair
    [InlineData("负担,担重", "负担", true)] // a word's pair and one a lone character bridges to it (负担 / 重): apart
    [InlineData("哈哈,哈笑", "哈哈哈笑", false)] // a repeated character: still one stretch
    public void WhenPairsInCommonAreOneStretchOfTheQuery_ShouldNotCountThemApart(string pairs, string words, bool apart) =>
        Assert.Equal(apart, FormulationMatcher.TwoApart(pairs.Split(','), words.Split(' ')));

    [Fact]
    public void WhenADescriptionRepeatsAWord_ShouldCountItAsOneWordInCommon()
    {
        // 富的越来越富穷的越来越穷 (两极分化) once matched 耕地越来越少 through 越来越 counted twice. (越来越 is a filler the
        // query drops, yet it still counts in common with a description, which keeps it.)
        var searcher = new Searcher(seeds.Snapshot, new QueryUnderstanding(Thesaurus.Parse("formulations:\n  警示教育: [干部越来越多越来越好]\n", "test")));

        Assert.Empty(searcher.Search(new SearchRequest { Query = "村里越来越好了吗", Limit = 0 }).Reading!.Formulations);
        Assert.Equal(["警示教育"], searcher.Search(new SearchRequest { Query = "干部越来越好了吗", Limit = 0 }).Reading!.Formulations);
    }

    [Fact]
    public void WhenTheQuerySearchesArticlesOfLaw_ShouldNotAddTheFormulationsPassages()
    {
        // Over articles a formulation a question describes is held by many of them, where its own words pick the one that
        // answers: its articles are not counted, and the reading does not claim it.
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp,
        [
            ("held.md", "2021-01-01", "甲", "不满两周岁的，以由母亲直接抚养为原则。"),
            ("both.md", "2021-02-01", "乙", "第九条 离婚后，孩子由一方直接抚养的，另一方负担抚养费。"),
            .. ShortArticles,
        ]);
        var searcher = new Searcher(index, new QueryUnderstanding(Thesaurus.Parse("formulations:\n  直接抚养: [离婚后孩子跟谁]\n", "test")));

        var result = searcher.Search(new SearchRequest { Query = "离婚后孩子跟谁", Limit = 50, ByMeaning = false, NearMatches = false });

        Assert.Empty(result.Reading!.Formulations);
        Assert.DoesNotContain(result.Hits, h => h.Text.StartsWith("不满两周岁", StringComparison.Ordinal));
        Assert.Equal(ShortArticles.Length + 1, result.Total);
        var both = Assert.Single(result.Hits, h => h.Text.Contains("直接抚养", StringComparison.Ordinal)).Snippet;
        Assert.Contains("<mark>孩子</mark>", both, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>直接抚养</mark>", both, StringComparison.Ordinal); // nor is it marked
    }

    [Theory]
    [InlineData("舍 不得 花", "舍不得花")] // a character the lexicon leaves alone joins the words beside it
    [InlineData("港 岛", "港岛")]
    [InlineData("中 看不 中 用 的 工程", "中看不中用")] // a function word breaks; a word alone makes nothing
    [InlineData("老百姓 手里", "")] // two words side by side stay two
    [InlineData("钱 也 花", "")] // a character alone between function words makes nothing
    public void WhenAContentCharacterStandsAlone_ShouldBridgeItToTheWordsBesideIt(string pieces, string bridged)
    {
        Assert.Equal(bridged.Length == 0 ? [] : bridged.Split(' '), FormulationMatcher.Bridge(pieces.Split(' ')));
    }

    [Fact]
    public void WhenTheLexiconCutsAnEverydayPhraseIntoCharacters_ShouldStillMatchItsDescription()
    {
        // The seeds' lexicon cuts 中看不中用 into 中 / 看不 / 中 / 用 on both sides: by words alone the query and the description
        // share only 看不; joined, they share 看不中用's pairs too.
        var searcher = new Searcher(seeds.Snapshot, new QueryUnderstanding(Thesaurus.Parse("formulations:\n  警示教育: [好看不中用的摆设]\n", "test")));

        var result = searcher.Search(new SearchRequest { Query = "修了中看不中用的东西", Limit = 0 });

        Assert.Equal(["警示教育"], result.Reading!.Formulations);
    }

    [Fact]
    public void WhenTheQuerySearchesArticlesOfLaw_ShouldLeaveTheFormulationOutOfItsMeaningToo()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, [("held.md", "2021-01-01", "甲", "不满两周岁的，以由母亲直接抚养为原则。"), .. ShortArticles]);
        (int Formulations, float[]? Meaning) Read(string yaml)
        {
            var request = new SearchRequest { Query = "离婚后孩子跟谁" };
            var matches = new WordMatches(index);
            var understood = new QueryUnderstanding(Thesaurus.Parse(yaml, "test")).Understand(index, QueryParser.Parse(request.Query, request.Filters), request, matches);
            return (understood.FreeText!.Formulations.Count, Ranker.Rank(index, understood, matches, exhaustive: false).MeaningQuery);
        }

        var described = Read("formulations:\n  直接抚养: [离婚后孩子跟谁]\n");
        var not = Read("formulations:\n  直接抚养: [毫不相干的一句话]\n");

        Assert.Equal((1, 0), (described.Formulations, not.Formulations));
        Assert.NotNull(described.Meaning);
        Assert.Equal(not.Meaning, described.Meaning);
    }

    [Fact]
    public void WhenTheMeaningSearchBeginsAgainWithoutTheFormulations_ShouldGiveTheFirstUp()
    {
        var request = new SearchRequest { Query = "拿身边人犯错的事情来教育大家" };
        var matches = new WordMatches(seeds.Snapshot);
        var free = new QueryUnderstanding(Thesaurus.Parse(Yaml, "test")).Understand(seeds.Snapshot, QueryParser.Parse(request.Query, request.Filters), request, matches).FreeText!;
        Assert.NotEmpty(free.Formulations);
        var vectors = SearchStructures.Of(seeds.Snapshot).PassageVectors ?? throw new InvalidOperationException("the seeds have no passage vectors");

        var first = MeaningSearch.Start(vectors, free, matches.InText, matches.Affirmed, 30);
        var again = first.Restart(free with { Formulations = [] });

        Assert.Throws<InvalidOperationException>(() => first.Nearest());
        Assert.NotEmpty(again.Nearest());
        Assert.Equal(MeaningSearch.Start(vectors, free with { Formulations = [] }, matches.InText, matches.Affirmed, 30).Query, again.Query);
        Assert.NotEqual(first.Query, again.Query);
    }

    [Fact]
    public void WhenNoPassageHoldsTheWordsAndTheFormulationsPassagesAreArticles_ShouldNotSearchItEither()
    {
        using var temp = new TempFolder();
        var index = TinyCorpus.Index(temp, [.. Enumerable.Range(0, 8).Select(i => ($"a{i}.md", $"201{i}-03-01", $"己{i}", $"第{i + 1}条 不满两周岁的，以由母亲直接抚养为原则。"))]);
        var searcher = new Searcher(index, new QueryUnderstanding(Thesaurus.Parse("formulations:\n  直接抚养: [离婚后孩子跟谁]\n", "test")));

        var result = searcher.Search(new SearchRequest { Query = "离婚后孩子跟谁", Limit = 50, ByMeaning = false, NearMatches = false });

        Assert.Empty(result.Reading!.Formulations);
        Assert.DoesNotContain(result.Hits, h => h.Match == HitMatch.Formulation);
    }

    [Fact]
    public void WhenTheQuerysBridgedPairsAreManyMore_ShouldNotWeighThemOnItsWhole()
    {
        // The query's bridged string 脸面修中看不中用 brings seven pairs, three of which the description says: weighed on the
        // query's whole (its words' two pairs and these seven), what it shares would be under half of it.
        var thesaurus = Thesaurus.Parse("formulations:\n  形象工程: [好看不中用的工程]\n", "test");

        Assert.Equal(["形象工程"], FormulationMatcher.Match(["领导", "工程"], ["脸面修中看不中用"], [], thesaurus, new Segmenter(Lexicon.Base), _ => 1.0));
    }

    [Fact]
    public void WhenAStatementSaysADescriptionsCharactersButNoWordOfIt_ShouldReadItByItsCharactersButNotAQuestion()
    {
        // Single characters all (吃 / 的 / 喝 / 的 / 玩 …): no word in common, and the description has no word at all, so no
        // pair in common; the statement says every character of it in its order, and FormulationReader reads it by them. A
        // question is read by its words' pairs alone.
        var searcher = new Searcher(seeds.Snapshot, new QueryUnderstanding(Thesaurus.Parse("formulations:\n  八项规定: [吃的喝的玩的都少了]\n", "test")));

        var statement = searcher.Search(new SearchRequest { Query = "吃的喝的玩的现在都少了很多", Limit = 200, NearMatches = false });
        var question = searcher.Search(new SearchRequest { Query = "怎样让吃的喝的玩的现在都少了很多", Limit = 0 });

        Assert.Equal(["八项规定"], statement.Reading!.Formulations);
        Assert.Contains(statement.Hits, h => h.Match == HitMatch.Formulation);
        Assert.Empty(question.Reading!.Formulations); // a question is read by its words alone
    }
}
