using SpeechArchive.Classification;
using SpeechArchive.Structure;
using Xunit.Abstractions;
using static SpeechArchive.Tests.Classification.ClassificationFixtures;

namespace SpeechArchive.Tests.Classification;

public sealed class CueMatcherTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void WhenAPatternIsSkippedByItsPrefilter_ShouldNeverMissAMatchOnTheSeeds()
    {
        var taxonomy = Taxonomy.Default;
        var patterns = AllPatterns(taxonomy).ToList();
        var checkedSentences = 0;
        foreach (var file in new[] { "000_39643405c31a4271.txt", "001_d360594ca85ace08.txt", "002_22fd2559203ccce3.txt", "003_9825695c093ec318.txt", "004_c0712a82aed4905c.txt" })
        {
            var text = Seed(file);

            foreach (var span in SpeechParser.Parse(text).Passages.SelectMany(p => p.Sentences))
            {
                var hits = new List<CueHit>();
                taxonomy.Matcher.Match(text, span.Start, span.End, new MatchScratch(), hits);
                var body = SentenceBody.BodyStart(text, span.Start, span.End);
                foreach (var (group, owner, cue, regex) in patterns)
                {
                    var direct = taxonomy.Patterns[regex].IsMatch(text.AsSpan(body, span.End - body));
                    var reported = hits.Exists(h => h.Group == group && h.Owner == owner && h.Cue == cue);
                    Assert.True(direct == reported, $"/{regex}/ on \"{text[span.Start..span.End]}\": direct {direct}, matcher {reported}");
                }

                checkedSentences++;
            }
        }

        output.WriteLine($"{patterns.Count} patterns checked on {checkedSentences} sentences");
    }

    [Fact]
    public void WhenTermsOverlapAcrossQuotes_ShouldFindThemWithOffsetsInTheOriginalText()
    {
        var automaton = new TermAutomaton(["完成时", "没有完成时", "两个维护"]);
        const string text = "党风廉政建设没有“完成时”，要做到“两个 维护”。";
        var found = new List<TermOccurrence>();

        automaton.Scan(text, 0, text.Length, found);

        var terms = found.Select(f => (f.Term, text[f.Start..f.End])).ToList();
        Assert.Contains((1, "没有“完成时"), terms);
        Assert.Contains((0, "完成时"), terms);
        Assert.Contains((2, "两个 维护"), terms);
    }

    [Fact]
    public void WhenAStartTermIsNotAtTheSentenceStart_ShouldNotCountIt()
    {
        var taxonomy = Taxonomy.Default;
        const string atStart = "一是一年来我们取得了成绩。";
        const string inside = "我们看到一年来的变化。";

        Assert.Contains(CueTexts(taxonomy, atStart), c => c == "^一年来");
        Assert.DoesNotContain(CueTexts(taxonomy, inside), c => c == "^一年来");
    }

    private static IEnumerable<string> CueTexts(Taxonomy taxonomy, string text)
    {
        var hits = new List<CueHit>();
        taxonomy.Matcher.Match(text, 0, text.Length, new MatchScratch(), hits);
        return hits.Where(h => h.Group == CueGroup.Directive).Select(h => taxonomy.DirectiveTypes[h.Owner].Cues[h.Cue].Display);
    }

    private static IEnumerable<(CueGroup Group, int Owner, int Cue, string Regex)> AllPatterns(Taxonomy taxonomy)
    {
        IEnumerable<(CueGroup, int, int, string)> Of(CueGroup group, IEnumerable<IReadOnlyList<TaxonomyCue>> owners) =>
            owners.SelectMany((cues, owner) => cues.Select((cue, index) => (cue, index))
                .Where(c => c.cue.Kind == TaxonomyCueKind.Pattern)
                .Select(c => (group, owner, c.index, c.cue.Text)));

        return Of(CueGroup.Directive, taxonomy.DirectiveTypes.Select(d => d.Cues))
            .Concat(Of(CueGroup.Theme, taxonomy.Themes.Select(t => t.Cues)))
            .Concat(Of(CueGroup.Context, taxonomy.Contexts.Select(c => c.Cues)));
    }
}
