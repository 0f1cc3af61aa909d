using SpeechArchive.Indexing;
using SpeechArchive.Search;

namespace SpeechArchive.Tests;

/// <summary>
/// The evaluation's archive (corpus/ + the shared reports and xi-2020, laid out as eval-topical lays them out:
/// <see cref="SharedCorpus.StageEvaluationArchive"/>), indexed once for every test class of <see cref="EvaluationArchiveCollection"/>,
/// when the first of them asks; each test that asks is skipped visibly where the shared sets are absent. The tests share
/// it read-only (a snapshot and searchers over it, never a write): indexing the archive is the costly part of each.
/// </summary>
public sealed class EvaluationArchive : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Lazy<IndexSnapshot> snapshot;

    public EvaluationArchive() => snapshot = new(() =>
    {
        SharedCorpus.StageEvaluationArchive(folder.Combine("corpus"));
        var run = Indexer.Run(new IndexOptions { CorpusDirectory = folder.Combine("corpus"), IndexDirectory = folder.Combine("index") });
        Assert.Empty(run.Failed); // every file of the archive indexed: what the evaluation scores is what the tests read
        return IndexSnapshot.Load(folder.Combine("index"));
    });

    /// <summary>The archive's index, built on first use.</summary>
    public IndexSnapshot Snapshot => snapshot.Value;

    /// <summary>A searcher over the archive with the built-in thesaurus.</summary>
    public Searcher Searcher() => new(Snapshot, QueryUnderstanding.Default);

    public void Dispose() => folder.Dispose();
}
