using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Indexing;

/// <summary>The fixture corpus indexed once into a temp folder, shared read-only by the tests of one class.</summary>
public sealed class IndexFixture : IDisposable
{
    private readonly TempFolder folder = new();

    public IndexFixture()
    {
        IndexDirectory = folder.Combine("index");
        Run = Indexer.Run(new IndexOptions { CorpusDirectory = FixturePaths.Corpus, IndexDirectory = IndexDirectory });
        Snapshot = IndexSnapshot.Load(IndexDirectory);
        Searcher = new Searcher(Snapshot);
    }

    public string IndexDirectory { get; }

    public IndexRunResult Run { get; }

    public IndexSnapshot Snapshot { get; }

    public Searcher Searcher { get; }

    public SearchResult Search(string query, int limit = 50) => Searcher.Search(new SearchRequest { Query = query, Limit = limit });

    public void Dispose() => folder.Dispose();
}
