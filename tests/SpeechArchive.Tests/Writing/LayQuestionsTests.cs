using SpeechArchive.Writing;

namespace SpeechArchive.Tests.Writing;

/// <summary>The people's legal questions over laws/ (Fixtures/Recall/lay-questions.tsv): loadable, and each aims at one article that exists.</summary>
public sealed class LayQuestionsTests
{
    private static string FixturePath => Path.Combine(FixturePaths.Root, "Recall", "lay-questions.tsv");

    [SkippableFact]
    public void EveryQuestion_ShouldNameAnArticleOfItsLawAndNotCopyItsOpening()
    {
        var laws = SharedCorpus.Require("laws");
        var set = RecallSet.Load(FixturePath);

        Assert.Equal(60, set.Count);
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
