using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Writing;

/// <summary>
/// A few speeches written into a temp folder and indexed there, for tests that need text made to measure; a speech whose date
/// is empty has none in its front matter.
/// </summary>
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
            var dated = date.Length > 0 ? $"date: {date}\n" : ""; // an empty date: a speech of no known date or year
            File.WriteAllText(Path.Combine(corpus, file), $"---\ntitle: {title}\n{dated}speaker: 书记\norganization: 测试局\n---\n\n{body}\n");
        }

        var index = temp.Combine("tiny-index");
        Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });
        return IndexSnapshot.Load(index);
    }
}
