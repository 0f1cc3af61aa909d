using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Indexing;

public sealed class ArchiveLexiconTests
{
    [Fact]
    public void WhenTheCorpusHasLexiconEdits_ShouldApplyThemAndNotIndexTheFileAsASpeech()
    {
        using var temp = new TempFolder();
        var corpus = temp.Combine("corpus");
        Directory.CreateDirectory(corpus);
        foreach (var file in Directory.GetFiles(Path.Combine(FixturePaths.RepoRoot, "corpus"), "*.md"))
        {
            File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(corpus, "lexicon.txt"), "# 本单位用语\n党风廉政建设专题会议\n-防止\n");
        var index = temp.Combine("index");

        var run = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });
        var snapshot = IndexSnapshot.Load(index);

        Assert.Empty(run.Failed);
        Assert.DoesNotContain(snapshot.Speeches, s => s.FileKey.Contains("lexicon", StringComparison.Ordinal));
        Assert.True(snapshot.Lexicon.Contains("党风廉政建设专题会议"));
        Assert.False(snapshot.Lexicon.Contains("防止"));

        File.WriteAllText(Path.Combine(corpus, "lexicon.txt"), "两个维护\tmany\n");
        var broken = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });

        Assert.Contains(broken.Failed, f => f.Reason.Contains("line 1", StringComparison.Ordinal));
        Assert.True(IndexSnapshot.Load(index).Lexicon.Contains("党风廉政建设专题会议"), "the previous edits stay in force");
    }
}
