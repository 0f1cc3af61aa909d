using System.Text;
using SpeechArchive.Classification;
using SpeechArchive.Structure;

namespace SpeechArchive.Tests.Classification;

public sealed class ContextTrackerTests
{
    private static readonly SpeechClassifier Default = new(Taxonomy.Default);

    [Fact]
    public void WhenLeadInsPileUpOverALongText_ShouldCheckOpenContextsLinearlyInTheUnits()
    {
        // Sentences of the seed speeches, each a paragraph, repeated as in a file of one passage pasted many times: every
        // 下面，我讲几点意见 and 主要表现在 opens a context for the rest of the speech, and no address (同志们！) ends one.
        // Checking every open context at every unit made indexing such a file quadratic (3 MB: 42 s, not 1 s).
        const int repeats = 400;
        const string block = "下面，我讲几点意见。\n党的十八大以来，中央多次表达了坚定不移惩治腐败的坚定决心。\n主要表现在：一是全面过硬的局面还亟待形成。\n"
            + "这些问题，需要在今后的工作中尽快加以解决。\n成绩属于过去，未来任重道远。\n";
        var text = new StringBuilder(block.Length * repeats).Insert(0, block, repeats).ToString();
        var work = new SpeechWork(Taxonomy.Default, text, SpeechParser.Parse(text));
        var units = work.Units();
        var tracker = new ContextTracker(Taxonomy.Default, work);

        var contexts = new HashSet<ActiveContext>(ReferenceEqualityComparer.Instance);
        foreach (var unit in units)
        {
            if (tracker.Enter(unit, work.HitsOf(unit)) is { } context)
            {
                contexts.Add(context);
            }
        }

        Assert.True(contexts.Count >= repeats, $"the text should open a context per block, opened {contexts.Count}");
        Assert.InRange(tracker.EndChecks, 1, 2L * units.Count);
    }

    [Theory]
    [InlineData(false, "部署任务 (tasks)")]
    [InlineData(true, null)]
    public void WhenAnAddressEndsALeadInBeneathASectionsContext_ShouldNotLetItReturnAfterTheSection(bool address, string? expected)
    {
        // The address stands in a section whose heading opened a context of its own over the lead-in's: the lead-in's
        // context ends there all the same, and does not come back when the section ends.
        var text = "下面，我讲几点意见。\n一、存在的问题\n干部作风还不够扎实。\n" + (address ? "同志们！\n" : "") + "二、加强学习\n学习是干部成长的阶梯。\n";

        var sentences = Default.ClassifyText(text).Sentences;

        var problems = sentences.Single(s => s.Text == "干部作风还不够扎实。");
        Assert.Contains(problems.Reasons, r => r.StartsWith("context: 剖析问题 (problems)", StringComparison.Ordinal));
        var later = sentences.Single(s => s.Text == "学习是干部成长的阶梯。");
        var context = later.Reasons.SingleOrDefault(r => r.StartsWith("context: ", StringComparison.Ordinal));
        if (expected is null)
        {
            Assert.Null(context);
        }
        else
        {
            Assert.StartsWith($"context: {expected}", context, StringComparison.Ordinal);
        }
    }
}
