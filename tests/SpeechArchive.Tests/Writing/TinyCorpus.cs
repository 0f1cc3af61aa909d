using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Writing;

/// <summary>A few speeches written into a temp folder and indexed there, for tests that need text made to measure.</summary>
public static class TinyCorpus
{
    public static IndexSnapshot Index(TempFolder temp, params (string File, string Date, string Title, string Body)[] speeches)
    {
        ArgumentNullException.ThrowIfNull(temp);
        var corpus = temp.Combine("tiny-corpus");
        Directory.CreateDirectory(corpus);
        foreach (var (file, date, title, body) in speeches)
        {
            File.WriteAllText(Path.Combine(corpus, file), $"---\ntitle: {title}\ndate: {date}\nspeaker: 书记\norganization: 测试局\n---\n\n{body}\n");
        }

        var index = temp.Combine("tiny-index");
        Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });
        return IndexSnapshot.Load(index);
    }
}
