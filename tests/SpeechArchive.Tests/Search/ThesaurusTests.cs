using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

public sealed class ThesaurusTests
{
    [Theory]
    [InlineData("四风", "形式主义")]
    [InlineData("形式主义", "四风")]
    [InlineData("三不", "不敢腐")]
    [InlineData("反腐", "反腐败")]
    [InlineData("加强", "强化")]
    [InlineData("强化", "增强")]
    [InlineData("纪律和规矩", "规矩和纪律")]
    [InlineData("基层减负", "减轻基层负担")] // a user trial: 基层减负 found only itself, and the taxonomy says both
    [InlineData("减轻基层负担", "基层减负")]
    public void WhenATermIsInTheDefaultThesaurus_ShouldRelateItBothWays(string term, string related)
    {
        Assert.Contains(related, Thesaurus.Default.RelatedTo(term));
    }

    [Fact]
    public void WhenTermsShareAHead_ShouldNotRelateThemToEachOther()
    {
        Assert.DoesNotContain("官僚主义", Thesaurus.Default.RelatedTo("形式主义"));
    }

    [Fact]
    public void WhenParsingExpandAndSynonyms_ShouldLinkHeadsBothWaysAndGroupsAllWays()
    {
        var t = Thesaurus.Parse("expand:\n  甲乙: [丙丁, 戊己]\nsynonyms:\n  - [子丑, 寅卯, 辰巳]\n", "test");

        Assert.Equal(["丙丁", "戊己"], t.RelatedTo("甲乙"));
        Assert.Equal(["甲乙"], t.RelatedTo("戊己"));
        Assert.Equal(["子丑", "辰巳"], t.RelatedTo("寅卯"));
        Assert.Empty(t.RelatedTo("午未"));
    }

    [Fact]
    public void WhenATermHasPunctuation_ShouldMatchItInMatchForm()
    {
        var t = Thesaurus.Parse("expand:\n  三不: [不敢腐、不能腐、不想腐]\n", "test");

        Assert.Equal(["不敢腐不能腐不想腐"], t.RelatedTo("三不"));
    }

    [Fact]
    public void WhenAWordHoldsATermButIsNotListed_ShouldOfferTheWordWithTheRelatedTermThatPassagesHold()
    {
        var t = Thesaurus.Parse("plain:\n  国企: [国有企业, 国营企业]\n  老百姓: [群众]\n", "test");
        var held = new HashSet<string> { "国有企业改革", "群众收入" };

        Assert.Equal(["国有企业改革"], t.InsideTerms("国企改革", held.Contains)); // 国营企业改革: no passage holds it
        Assert.Equal(["群众收入"], t.InsideTerms("老百姓收入", held.Contains));
        Assert.Empty(t.InsideTerms("国企", held.Contains)); // listed: its own terms are RelatedTo's
        Assert.Empty(t.InsideTerms("国企改革", _ => false));
    }

    [Fact]
    public void WhenSubstituting_ShouldReplaceOneTermAtATimeLongestFirst()
    {
        var variants = Thesaurus.Default.Substitutions("严守党的规矩和纪律加强监督", 10).Select(v => v.Variant).ToList();

        Assert.Equal("严守党的纪律和规矩加强监督", variants[0]);
        Assert.Contains("严守党的规矩和纪律强化监督", variants);
        Assert.All(variants, v => Assert.NotEqual("严守党的规矩和纪律加强监督", v));
    }

    [Theory]
    [InlineData("- [a, b]\n", "expand")]
    [InlineData("expand: [1, 2]\n", "expand")]
    [InlineData("topics:\n  a: [b]\n", "topics")]
    [InlineData("expand:\n  a: [b\n", "malformed")]
    public void WhenTheFileIsMalformed_ShouldSayWhereAndWhat(string yaml, string expected)
    {
        var e = Assert.Throws<SpeechArchiveException>(() => Thesaurus.Parse(yaml, "thesaurus.yaml"));

        Assert.Contains("thesaurus.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheCorpusHasAThesaurusFile_ShouldUseItInsteadOfTheDefault()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine(Thesaurus.FileName), "expand:\n  整风: [作风整顿]\n");

        var t = Thesaurus.ForCorpus(temp.Path);

        Assert.Equal(["作风整顿"], t.RelatedTo("整风"));
        Assert.Empty(t.RelatedTo("四风"));
        Assert.Same(Thesaurus.Default, Thesaurus.ForCorpus(temp.Combine("nowhere")));
    }

    [Fact]
    public void WhenAKeyIsASingleCharacter_ShouldWidenItButNeverSubstituteItInsideAWord()
    {
        var t = Thesaurus.Parse("plain:\n  罚: [罚款, 处罚]\n  乱停车: [违法停车]\n", "test");

        Assert.Equal(["罚款", "处罚"], t.RelatedTo("罚"));
        Assert.Empty(t.Substitutions("处罚决定", 10)); // not 处罚款决定 or 处处罚决定
        Assert.Equal(["违法停车会被处罚"], t.Substitutions("乱停车会被处罚", 10).Select(v => v.Variant));
    }

    [Fact]
    public void WhenTheBuiltInThesaurusIsCopiedIntoTheCorpus_ShouldLoadItWhole()
    {
        // The file's header tells users to copy it to corpus/thesaurus.yaml and edit it: the copy must fit the size limit.
        using var temp = new TempFolder();
        using (var resource = typeof(Thesaurus).Assembly.GetManifestResourceStream("SpeechArchive.Search.Thesaurus.yaml")!)
        using (var file = File.Create(temp.Combine(Thesaurus.FileName)))
        {
            resource.CopyTo(file);
        }

        var copy = Thesaurus.ForCorpus(temp.Path);

        Assert.Equal(Thesaurus.Default.Formulations.Count, copy.Formulations.Count);
        Assert.Equal(Thesaurus.Default.Entries.Count, copy.Entries.Count);
    }

    [Fact]
    public void WhenTheThesaurusFileIsTooLarge_ShouldSayWhichFileAndTheLimit()
    {
        using var temp = new TempFolder();
        var path = temp.Combine(Thesaurus.FileName);
        File.WriteAllText(path, "expand:\n" + string.Concat(Enumerable.Repeat("  # 注释注释注释注释注释注释注释注释注释注释\n", Thesaurus.MaxFileBytes / 30)));
        Assert.True(new FileInfo(path).Length > Thesaurus.MaxFileBytes);

        var e = Assert.Throws<SpeechArchiveException>(() => Thesaurus.ForCorpus(temp.Path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains($"{Thesaurus.MaxFileBytes / 1024} KB", e.Message, StringComparison.Ordinal);
    }
}
