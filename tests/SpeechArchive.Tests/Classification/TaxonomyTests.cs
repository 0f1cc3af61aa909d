using SpeechArchive.Classification;
using static SpeechArchive.Tests.Classification.ClassificationFixtures;

namespace SpeechArchive.Tests.Classification;

public sealed class TaxonomyTests
{
    private static readonly string[] DefaultThemes =
    [
        "political", "ideological", "organizational", "conduct", "discipline", "integrity", "institutions", "responsibility",
        "oversight", "people", "security", "development",
    ];

    private static readonly string[] DefaultDirectiveTypes =
        ["requirement", "prohibition", "principle", "achievement", "problem", "relay", "exhortation", "procedural"];

    public static TheoryData<string, string, string> Malformed => Table3("malformed-taxonomies.tsv");

    [Fact]
    public void WhenTheBuiltInDefaultIsLoaded_ShouldHaveTheTwelveThemesAndEightDirectiveTypes()
    {
        var taxonomy = Taxonomy.Default;

        Assert.Equal(DefaultThemes, taxonomy.Themes.Select(t => t.Id));
        Assert.Equal(DefaultDirectiveTypes, taxonomy.DirectiveTypes.Select(d => d.Id));
        Assert.All(taxonomy.Themes.Concat(taxonomy.DirectiveTypes), label =>
        {
            Assert.False(string.IsNullOrWhiteSpace(label.Label));
            Assert.False(string.IsNullOrWhiteSpace(label.Description));
            Assert.NotEmpty(label.Cues);
        });
    }

    [SkippableFact]
    public void WhenTheShippedFileIsLoaded_ShouldEqualTheBuiltInDefault()
    {
        var path = ShippedTaxonomy();
        Skip.If(path is null, "corpus/taxonomy.yaml not found above the test binaries (no repository checkout)");

        Assert.Equal(Taxonomy.Default.Fingerprint, Taxonomy.Load(path).Fingerprint);
    }

    [Fact]
    public void WhenAValidFileIsLoaded_ShouldReadLabelsCuesAndContexts()
    {
        var taxonomy = Taxonomy.Load(Path("Taxonomies", "minimal.yaml"));

        var prohibition = Assert.Single(taxonomy.DirectiveTypes, d => d.Id == "prohibition");
        Assert.Equal("禁止告诫", prohibition.Label);
        Assert.Contains(prohibition.Cues, c => c is { Text: "严禁", Weight: 4, Kind: TaxonomyCueKind.Term });
        Assert.Contains(prohibition.Cues, c => c is { Text: "^决不", Kind: TaxonomyCueKind.Pattern });
        var context = Assert.Single(taxonomy.Contexts);
        Assert.Equal(("tasks", "requirement", 2.0), (context.Id, context.Favours, context.Bonus));
        Assert.Equal(64, taxonomy.Fingerprint.Length);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void WhenTheFileIsMalformed_ShouldThrowNamingTheFileTheLineAndTheReason(string file, string line, string reason)
    {
        var path = Path("Taxonomies", file);

        var error = Assert.Throws<SpeechArchiveException>(() => Taxonomy.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("integrity", "integrity")]
    [InlineData("Integrity", "integrity")]
    [InlineData("反腐倡廉", "integrity")]
    [InlineData(" 作风建设 ", "conduct")]
    [InlineData("腐败", null)]
    [InlineData("requirement", null)]
    public void WhenResolvingAThemeByIdOrLabel_ShouldReturnItsId(string given, string? expected)
    {
        Assert.Equal(expected, Taxonomy.Default.ResolveTheme(given));
    }

    [Theory]
    [InlineData("PROHIBITION", "prohibition")]
    [InlineData("传达引述", "relay")]
    [InlineData("none", null)]
    public void WhenResolvingADirectiveTypeByIdOrLabel_ShouldReturnItsId(string given, string? expected)
    {
        Assert.Equal(expected, Taxonomy.Default.ResolveDirectiveType(given));
    }

    [Fact]
    public void WhenAskingForTheLabelOfAnId_ShouldReturnTheChineseLabel()
    {
        Assert.Equal("为民服务", Taxonomy.Default.LabelOf("people"));
        Assert.Equal("会议事务", Taxonomy.Default.LabelOf("procedural"));
        Assert.Null(Taxonomy.Default.LabelOf("nonsense"));
    }

    [Fact]
    public void WhenOnlyCommentsOrDescriptionsChange_ShouldKeepTheFingerprint()
    {
        var yaml = File.ReadAllText(Path("Taxonomies", "minimal.yaml"));
        var edited = yaml.Replace("description: anti-corruption", "description: 反腐败与廉洁从政", StringComparison.Ordinal)
            .Replace("# A small valid taxonomy for tests.", "# Edited comment.", StringComparison.Ordinal);

        Assert.Equal(Taxonomy.Parse(yaml, "a").Fingerprint, Taxonomy.Parse(edited, "b").Fingerprint);
    }

    [Fact]
    public void WhenACueWeightChanges_ShouldChangeTheFingerprint()
    {
        var yaml = File.ReadAllText(Path("Taxonomies", "minimal.yaml"));
        var edited = yaml.Replace("严禁: 4", "严禁: 3", StringComparison.Ordinal);

        Assert.NotEqual(Taxonomy.Parse(yaml, "a").Fingerprint, Taxonomy.Parse(edited, "b").Fingerprint);
    }

    [Fact]
    public void WhenTheFileIsHuge_ShouldRefuseItWithAMessage()
    {
        var yaml = "themes: []\n#" + new string('x', 2_100_000);

        var error = Assert.Throws<SpeechArchiveException>(() => Taxonomy.Parse(yaml, "huge.yaml"));

        Assert.Contains("huge.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheFileNestsTooDeeply_ShouldRefuseItWithTheLine()
    {
        var yaml = "themes:\n  - id: a\n    label: 甲\n    description: " + new string('[', 40) + new string(']', 40) + "\n";

        var error = Assert.Throws<SpeechArchiveException>(() => Taxonomy.Parse(yaml, "deep.yaml"));

        Assert.Contains("deep.yaml, line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheFileIsMissing_ShouldSaySo()
    {
        var error = Assert.Throws<SpeechArchiveException>(() => Taxonomy.Load(Path("Taxonomies", "no-such-file.yaml")));

        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }
}
