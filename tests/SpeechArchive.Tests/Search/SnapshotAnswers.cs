using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// What the tests of a snapshot's generation files (texts, passages' columns, postings) share: an index built from a corpus,
/// and a snapshot's answers to a few queries (totals, passages and snippets), to compare snapshots loaded different ways.
/// </summary>
internal static class SnapshotAnswers
{
    public static string Build(string corpus, string index)
    {
        Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = index });
        return index;
    }

    public static List<string> Of(IndexSnapshot snapshot, params string[] queries)
    {
        var searcher = new Searcher(snapshot);
        return [.. queries.Select(q =>
        {
            var r = searcher.Search(new SearchRequest { Query = q, Limit = 20 });
            return $"{r.Total} " + string.Join('\n', r.Hits.Select(h => h.PassageId + " " + h.Snippet));
        })];
    }
}
