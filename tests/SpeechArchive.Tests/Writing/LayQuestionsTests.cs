using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

/// <summary>
/// The people's legal questions over laws/ (Fixtures/Recall/lay-questions.tsv, lay-questions-2.tsv and lay-questions-3.tsv):
/// loadable, and each aims at one article that exists.
/// </summary>
public sealed class LayQuestionsTests
{
    [SkippableTheory]
    [InlineData("lay-questions.tsv", 60)]
    [InlineData("lay-questions-2.tsv", 57)]
    [InlineData("lay-questions-3.tsv", 60)]
    public void EveryQuestion_ShouldNameAnArticleOfItsLawAndNotCopyItsOpening(string fixture, int count)
    {
        var laws = SharedCorpus.Require("laws");
        var set = RecallSet.Load(Path.Combine(FixturePaths.Root, "Recall", fixture));

        Assert.Equal(count, set.Count);
        Assert.Equal(set.Count, set.Select(q => q.Query).Distinct().Count());
        Assert.All(set, q =>
        {
            var file = Path.Combine(laws, Path.GetFileName(q.Source));
            Assert.True(File.Exists(file), file);
            Assert.Contains(q.Target, File.ReadAllText(file), StringComparison.Ordinal);
            Assert.StartsWith("第", q.Target, StringComparison.Ordinal);
            Assert.DoesNotContain(q.Target[(q.Target.IndexOf(' ', StringComparison.Ordinal) + 1)..], q.Query, StringComparison.Ordinal);
        });
    }
}
