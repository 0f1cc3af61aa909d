using SpeechArchive.Classification;
using SpeechArchive.Structure;
using static SpeechArchive.Tests.Classification.ClassificationFixtures;

namespace SpeechArchive.Tests.Classification;

public sealed partial class SpeechClassifierTests
{
    private static readonly SpeechClassifier Default = new(Taxonomy.Default);

    [Fact]
    public void WhenTheSamePointFollowsAReviewOrARequestForTasks_ShouldBeAchievementThenRequirement()
    {
        const string text = "一、回头看\n一是强化学习，提高政治自觉。坚持用理论武装头脑。\n二、长远谋\n下面，我再提几点要求。\n一是强化学习，提高政治自觉。坚持用理论武装头脑。\n";

        var sentences = Default.ClassifyText(text).Sentences.Where(s => s.Text == "一是强化学习，提高政治自觉。").ToList();

        Assert.Equal(2, sentences.Count);
        Assert.Equal("achievement", sentences[0].DirectiveType);
        Assert.Contains(sentences[0].Reasons, r => r.StartsWith("context: 回顾成绩 (review)", StringComparison.Ordinal));
        Assert.Equal("requirement", sentences[1].DirectiveType);
        Assert.Contains(sentences[1].Reasons, r => r.StartsWith("context: 部署任务 (tasks)", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenAReviewSentenceSaysProblemsWereSolved_ShouldNotOpenTheProblemsContext()
    {
        // Held-out gold, part 1 (xi_00011): 认识到 … 解决问题 is no list of problems; the review after it stays a review.
        const string text = "一、回头看\n大家都认识到，科学理论是我们推动工作、解决问题的“金钥匙”。通过这次主题教育，广大党员、干部信仰之基更加牢固。\n这几年，我看到了实实在在的变化，群众吃穿不成问题。\n";

        var sentences = Default.ClassifyText(text).Sentences;

        Assert.All(sentences.Where(s => !s.Text.StartsWith("一、", StringComparison.Ordinal)), s => Assert.DoesNotContain(s.Reasons, r => r.StartsWith("context: 剖析问题", StringComparison.Ordinal)));
        Assert.Equal("achievement", sentences.Single(s => s.Text.StartsWith("通过这次主题教育", StringComparison.Ordinal)).DirectiveType);
    }

    [Fact]
    public void WhenAHeadingUnderAnnouncedPointsNamesAchievements_ShouldOpenTheReviewContext()
    {
        // 下面，我讲几点意见 opens tasks, but the first point's heading 一、…取得决定性成就 heads a review (held-out gold, xi_00005).
        const string text = "下面，我讲几点意见。\n一、我国脱贫攻坚取得决定性成就\n第一，脱贫攻坚目标任务接近完成。\n二、做好下一步工作\n要加强党的领导。\n";

        var sentences = Default.ClassifyText(text).Sentences;

        var point = sentences.Single(s => s.Text == "第一，脱贫攻坚目标任务接近完成。");
        Assert.Equal("achievement", point.DirectiveType);
        Assert.Contains(point.Reasons, r => r.StartsWith("context: 回顾成绩 (review)", StringComparison.Ordinal));
        Assert.Equal("requirement", sentences.Single(s => s.Text == "要加强党的领导。").DirectiveType);
    }

    [Theory]
    [InlineData("回顾党的历史，我们党总是在推动社会革命的同时，勇于推动自我革命。", "回顾成绩")]
    [InlineData("敢于直面问题、勇于修正错误，是我们党的显著特点和优势。", "剖析问题")]
    public void WhenAPrincipleTalksOfHistoryOrFacingProblems_ShouldNotOpenAReviewOrProblemsContext(string lead, string context)
    {
        var text = $"{lead}\n初心易得，始终难守。\n";

        var later = Default.ClassifyText(text).Sentences.Single(s => s.Text == "初心易得，始终难守。");

        Assert.DoesNotContain(later.Reasons, r => r.StartsWith($"context: {context}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("今年要重点做好八个方面工作。")] // a report's lead-in to its tasks (held-out gold, part 6: gwr_00018)
    [InlineData("今年要着重抓好以下三项工作：")]
    [InlineData("新的一年，要深入推进国防和军队建设。")]
    public void WhenAReviewIsFollowedByALeadInToTasks_ShouldOpenTheTasksContext(string leadIn)
    {
        // The review opened in a section's lead-in would otherwise last through every point under it.
        var text = $"一、过去一年的工作\n过去一年，我们积累了丰富经验。\n{leadIn}\n（一）加强政府自身建设，提高施政能力。\n坚持依法履职，把政府活动全面纳入法治轨道。\n";

        var task = Default.ClassifyText(text).Sentences.Single(s => s.Text == "坚持依法履职，把政府活动全面纳入法治轨道。");

        Assert.Equal("requirement", task.DirectiveType);
        Assert.Contains(task.Reasons, r => r.StartsWith("context: 部署任务 (tasks)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("我们重点抓好了三项工作。")] // done
    [InlineData("这一年，全县上下重点抓好五个方面工作。")] // what was done that year: no 要, 将, 今年…, 以下
    public void WhenAReviewSaysWhichTasksWereDone_ShouldStayAReview(string done)
    {
        var text = $"一、2022年工作回顾\n{done}\n新增城镇就业5千人，建成保障性住房300套。\n";

        var figures = Default.ClassifyText(text).Sentences.Single(s => s.Text.StartsWith("新增城镇就业", StringComparison.Ordinal));

        Assert.Equal("achievement", figures.DirectiveType);
    }

    [Theory]
    [InlineData("向在抗击疫情中不幸罹难的同胞、牺牲的医务人员，表示深切的悼念！")] // held-out gold, part 6 (xi_00007)
    [InlineData("在此，我谨向不幸罹难者表示哀悼！")] // part 2 (xi_00034)
    [InlineData("向他们的家属表示慰问！")]
    public void WhenTheSpeakerOffersCondolencesInAReview_ShouldBeProcedural(string sentence)
    {
        var text = $"一年来，我们取得了显著成效。\n{sentence}\n";

        var labelled = Default.ClassifyText(text).Sentences.Single(s => s.Text == sentence);

        Assert.Equal("procedural", labelled.DirectiveType);
    }

    [Fact]
    public void WhenOthersOfferedSympathyInAReview_ShouldStayAnAchievement()
    {
        const string sentence = "170多个国家领导人和40多个国际和地区组织负责人以电话、信函、声明等方式对我国表示慰问和支持。";

        var labelled = Default.ClassifyText($"一年来，我们取得了显著成效。\n{sentence}\n").Sentences.Single(s => s.Text == sentence);

        Assert.Equal("achievement", labelled.DirectiveType);
    }

    [Theory]
    [InlineData("2019年4月15日至17日，中共中央总书记、国家主席、中央军委主席习近平在重庆考察。")] // a caption over days (part 6)
    [InlineData("这是21日上午，习近平在武威市古浪县黄花滩生态移民区富民新村同村民亲切交谈。")]
    [InlineData("根据《中华人民共和国著作权法》第五条第一项，本作品不适用于该法。")] // a web source's licence notice
    public void WhenASentenceAmongTasksIsACaptionOrALicence_ShouldGetNoType(string sentence)
    {
        var text = $"下面，我讲几点意见。\n要加强国际合作。\n{sentence}\n";

        var labelled = Default.ClassifyText(text).Sentences.Single(s => s.Text == sentence);

        Assert.Null(labelled.DirectiveType);
    }

    [Theory]
    [InlineData("中方愿同各国分享防控有益做法，开展药物和疫苗联合研发。")] // the speaker's own pledge (held-out gold, part 3)
    [InlineData("中国将同各国一道，加大对相关国际和地区组织的支持力度。")]
    [InlineData("这是习近平来到朝阳区安贞街道安华里社区，了解基层一线疫情联防联控情况。")] // a photo caption
    [InlineData("各位同事！")] // an address standing alone
    public void WhenASentenceAmongTasksIsAPledgeACaptionOrAnAddress_ShouldGetNoType(string sentence)
    {
        var text = $"下面，我讲几点意见。\n要加强国际合作。\n{sentence}\n";

        var labelled = Default.ClassifyText(text).Sentences.Single(s => s.Text == sentence);

        Assert.Null(labelled.DirectiveType);
    }

    [Theory]
    [InlineData("注重思想建党、理论强党，是我们党的鲜明特色和光荣传统。")] // 是…的鲜明特色 (held-out gold, part 1)
    [InlineData("不担当不作为，不仅成不了事，而且注定坏事、贻误大事。")] // 不仅…而且, without 要
    public void WhenAStatementAmongTasksStatesAPrinciple_ShouldBePrinciple(string sentence)
    {
        var text = $"下面，我讲几点意见。\n要加强理论武装。\n{sentence}\n";

        var labelled = Default.ClassifyText(text).Sentences.Single(s => s.Text == sentence);

        Assert.Equal("principle", labelled.DirectiveType);
    }

    [Theory]
    [InlineData("初心易得，始终难守。")] // a couplet of two equal clauses (held-out gold, part 1)
    [InlineData("温室里长不出参天大树，懈怠者干不成宏图伟业。")]
    [InlineData("古人说：“天下之难持者莫如心，天下之易染者莫如欲。”")] // a saying introduced as one
    [InlineData("“君子之过也，如日月之食焉：过也，人皆见之；更也，人皆仰之。”")] // a sentence that is all quotation
    public void WhenAMaximStandsAmongTasks_ShouldBePrinciple(string sentence)
    {
        var text = $"下面，我讲几点意见。\n要加强理论武装。\n{sentence}\n";

        var labelled = Default.ClassifyText(text).Sentences.Single(s => s.Text == sentence);

        Assert.Equal("principle", labelled.DirectiveType);
    }

    [Theory]
    [InlineData("发展全域旅游，壮大旅游产业。")] // two equal clauses, but the first opens with a verb of doing: a task
    [InlineData("对外开放，深化改革。")] // … or the second
    [InlineData("五是市场繁荣，物价稳定。")] // a state (the point marker is not part of the clause)
    [InlineData("房间要经常打扫，镜子要经常擦拭。")] // 要 says what to do (gold calls it a principle; the couplet rule leaves it)
    public void WhenACoupletAmongTasksIsATask_ShouldStayRequirement(string sentence)
    {
        var text = $"下面，我讲几点意见。\n要加强理论武装。\n{sentence}\n";

        var labelled = Default.ClassifyText(text).Sentences.Single(s => s.Text == sentence);

        Assert.Equal("requirement", labelled.DirectiveType);
    }

    [Theory]
    [InlineData("北京地位特殊，现在离京人员大量返京，疫情防控压力加大。")] // an adverse situation amid tasks (held-out gold, part 3)
    [InlineData("当前，疫情已经对宏观经济运行产生影响，春节期间部分服务行业受到较大冲击。")]
    [InlineData("我们早就认识到，食用野生动物风险很大，但“野味产业”依然规模庞大，对公共卫生安全构成了重大隐患。")]
    public void WhenASituationAmongTasksIsAdverse_ShouldBeProblem(string sentence)
    {
        var text = $"下面，我强调几点。\n要加强疫情防控。\n{sentence}\n";

        var labelled = Default.ClassifyText(text).Sentences.Single(s => s.Text == sentence);

        Assert.Equal("problem", labelled.DirectiveType);
    }

    [Theory]
    [InlineData("中国发展不对任何国家构成威胁。")] // a threat denied
    [InlineData("这一行为未构成威胁。")]
    [InlineData("要坚决防止疫情蔓延。")] // a spread to prevent
    [InlineData("全力冲击全年目标。")] // 冲击 as going for a target
    public void WhenAnAdverseWordIsDeniedOrAnAim_ShouldNotBeProblem(string sentence)
    {
        var labelled = Default.ClassifyText($"{sentence}\n").Sentences.Single(s => s.Text == sentence);

        Assert.NotEqual("problem", labelled.DirectiveType);
    }

    [Fact]
    public void WhenAThreatIsPosedBySomeoneNamedWithANot_ShouldBeProblem()
    {
        // 不法分子 and 不仅 hold a 不 that denies nothing.
        const string sentence = "不法分子对群众构成威胁。";

        var labelled = Default.ClassifyText($"{sentence}\n").Sentences.Single(s => s.Text == sentence);

        Assert.Equal("problem", labelled.DirectiveType);
    }

    [Fact]
    public void WhenTheStructureIsBuiltByHand_ShouldLabelEachSentenceAndGiveTheCueAsReason()
    {
        const string text = "全体党员干部严禁收受礼品。要加强廉政教育，深化警示教育，坚决惩治腐败。";
        var passage = new Passage(0, new TextSpan(0, text.Length), -1, [], null, [new TextSpan(0, 13), new TextSpan(13, text.Length)]);
        var structure = new SpeechStructure(null, null, [], [passage]);

        var labels = Default.Classify(text, structure);

        var sentences = Assert.Single(labels.Passages).Sentences;
        Assert.Equal(["prohibition", "requirement"], sentences.Select(s => s.DirectiveType));
        Assert.Contains("cue \"严禁\" (prohibition, +4)", sentences[0].Reasons);
        Assert.Contains("integrity", labels.Passages[0].Themes);
        Assert.Equal(1.0, labels.ThemeShares["integrity"]);
    }

    [Fact]
    public void WhenAQuotationOfARelayRunsOverSeveralSentences_ShouldKeepThemAllRelayUntilItCloses()
    {
        const string text = "习近平总书记指出：“作风问题没有小事。我们必须坚持不懈抓下去。”各单位要认真落实。\n";

        var sentences = Default.ClassifyText(text).Sentences;

        Assert.Equal(["relay", "relay", "requirement"], sentences.Select(s => s.DirectiveType));
        Assert.Contains(sentences[1].Reasons, r => r.StartsWith("context: inside the quotation opened by", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenAParagraphIsOnlyAnAddress_ShouldGiveItNoType()
    {
        var sentences = Default.ClassifyText("要加强学习。\n同志们！\n要抓好落实。\n").Sentences;

        var address = Assert.Single(sentences, s => s.Text == "同志们！");
        Assert.Equal("sentence", address.Kind);
        Assert.Null(address.DirectiveType);
        Assert.Contains("none: only an address (settings.untypedPattern)", address.Reasons);
    }

    [Fact]
    public void WhenACueIsEditedInTheYaml_ShouldChangeTheLabel()
    {
        const string text = "员工严禁酒后驾车。\n";
        var yaml = File.ReadAllText(Path("Taxonomies", "minimal.yaml"));
        var edited = yaml.Replace("严禁: 4", "严禁: 0.5", StringComparison.Ordinal);

        var before = new SpeechClassifier(Taxonomy.Parse(yaml, "before.yaml")).ClassifyText(text).Sentences.Single();
        var after = new SpeechClassifier(Taxonomy.Parse(edited, "after.yaml")).ClassifyText(text).Sentences.Single();

        Assert.Equal("prohibition", before.DirectiveType);
        Assert.Null(after.DirectiveType);
        Assert.Contains("cue \"严禁\" (prohibition, +0.5)", after.Reasons);
    }

    [Fact]
    public void WhenATermIsAddedInTheYaml_ShouldLabelWithIt()
    {
        const string text = "各党支部务必于月底前上报材料。\n";
        var yaml = File.ReadAllText(Path("Taxonomies", "minimal.yaml"));
        var edited = yaml.Replace("terms: { 要: 2, 重要: 0 }", "terms: { 要: 2, 重要: 0, 务必: 3 }", StringComparison.Ordinal);

        var before = new SpeechClassifier(Taxonomy.Parse(yaml, "before.yaml")).ClassifyText(text).Sentences.Single();
        var after = new SpeechClassifier(Taxonomy.Parse(edited, "after.yaml")).ClassifyText(text).Sentences.Single();

        Assert.Null(before.DirectiveType);
        Assert.Equal("requirement", after.DirectiveType);
    }

    [Fact]
    public void WhenALongerTermContainsAShorterOne_ShouldCountOnlyTheLonger()
    {
        var sentence = new SpeechClassifier(Taxonomy.Load(Path("Taxonomies", "minimal.yaml")))
            .ClassifyText("这项工作十分重要。\n").Sentences.Single();

        Assert.Null(sentence.DirectiveType);
        Assert.DoesNotContain(sentence.Reasons, r => r.Contains("cue \"要\"", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenClassifyingText_ShouldSerialiseToCamelCaseJsonWithChineseUnescaped()
    {
        var json = Default.ClassifyText("一、加强廉政教育\n要深化警示教育，坚决惩治腐败。\n").ToJson();

        Assert.Contains("\"directiveType\": \"requirement\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"heading\"", json, StringComparison.Ordinal);
        Assert.Contains("\"themes\": [", json, StringComparison.Ordinal);
        Assert.Contains("要深化警示教育", json, StringComparison.Ordinal);
        Assert.Contains("\"themeShares\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheTextIsEmpty_ShouldReturnNothing()
    {
        var result = Default.ClassifyText("");

        Assert.Empty(result.Sentences);
        Assert.Empty(result.Passages);
        Assert.Empty(result.ThemeShares);
    }
}
