using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Writing;

/// <summary>A few speeches written into a temp folder and indexed there, for tests that need text made to measure.</summary>
public static class TinyCorpus
{
    public static IndexSnapshot Index(TempFolder temp, params (string File, string Date, string Title, string Body)[] speeches) =>
        Index(temp, lexicon: null, speeches);

    /// <summary>The same with a <c>lexicon.txt</c> of <paramref name="lexicon"/> beside the speeches (words to add or ban: LexiconEdits).</summary>
    public static IndexSnapshot Index(TempFolder temp, string? lexicon, params (string File, string Date, string Title, string Body)[] speeches)
    {
        ArgumentNullException.ThrowIfNull(temp);
        var corpus = temp.Combine("tiny-corpus");
        Directory.CreateDirectory(corpus);
        if (lexicon is not null)
        {
            File.WriteAllText(Path.Combine(corpus, "lexicon.txt"), lexicon);
        }

        foreach (var (file, date, title, body) in speeches)
        {
            File.WriteAllText(Path.Combine(corpus, file), $"---\ntitle: {title}\ndate: {date}\nspeaker: 书记\norganization: 测试局\n---\n\n{body}\n");
        }

        var index = temp.Combine("tiny-index");
        Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });
        return IndexSnapshot.Load(index);
    }
}
