using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Writing;

/// <summary>The project's own speeches (corpus/ at the repository root) indexed once into a temp folder, read-only for a test class.</summary>
public sealed class SeedIndexFixture : IDisposable
{
    private readonly TempFolder folder = new();

    public SeedIndexFixture()
    {
        CorpusDirectory = Path.Combine(FixturePaths.RepoRoot, "corpus");
        IndexDirectory = folder.Combine("index");
        Indexer.Run(new IndexOptions { CorpusDirectory = CorpusDirectory, IndexDirectory = IndexDirectory });
        Snapshot = IndexSnapshot.Load(IndexDirectory);
        Searcher = new Searcher(Snapshot, QueryUnderstanding.Default);
    }

    public string CorpusDirectory { get; }

    public string IndexDirectory { get; }

    public IndexSnapshot Snapshot { get; }

    /// <summary>The main search: built-in thesaurus and near matches.</summary>
    public Searcher Searcher { get; }

    public SearchResult Search(string query, int limit = 10, bool expand = true, bool near = true, bool exact = false) =>
        Searcher.Search(new SearchRequest { Query = query, Limit = limit, Expand = expand, NearMatches = near, Mode = exact ? SearchMode.Exact : SearchMode.Understood });

    public void Dispose() => folder.Dispose();
}
