using System.CommandLine;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Cli.Commands;

/// <summary>
/// The index an evaluation command scores: the folders of <c>--corpus</c> (default <see cref="DefaultCorpus"/>) staged and
/// indexed into a temporary folder, deleted afterwards, or with <c>--existing</c> the index of <c>--index</c>.
/// </summary>
internal static class EvalIndex
{
    /// <summary>What the committed topical needs and similar-passage judgments were judged over.</summary>
    public static readonly string[] DefaultCorpus = ["corpus", "../shared/corpus/reports", "../shared/corpus/xi-2020"];

    public static int With(ParseResult parse, Option<string[]> corpus, Option<bool> existing, Func<IndexSnapshot, int> run)
    {
        if (parse.GetValue(existing))
        {
            return run(CommonOptions.OpenIndex(parse));
        }

        return Staged(parse.GetValue(corpus) is { Length: > 0 } given ? given : DefaultCorpus, run);
    }

    /// <summary>Runs <paramref name="run"/> over a temporary index of <paramref name="folders"/> (laid out as <see cref="RecallCorpus"/> does), deleted afterwards.</summary>
    public static int Staged(IReadOnlyList<string> folders, Func<IndexSnapshot, int> run)
    {
        var temp = Path.Combine(Path.GetTempPath(), "speecharchive-eval-" + Guid.NewGuid().ToString("N"));
        try
        {
            RecallCorpus.Stage(Path.Combine(temp, "corpus"), folders);
            Indexer.Run(new IndexOptions { CorpusDirectory = Path.Combine(temp, "corpus"), IndexDirectory = Path.Combine(temp, "index") });
            return run(IndexSnapshot.Load(Path.Combine(temp, "index")));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
