using System.CommandLine;
using SpeechArchive.Search;

namespace SpeechArchive.Cli;

/// <summary>Opens the index the way the main search does: with the thesaurus of the corpus (or <c>--thesaurus</c>) and near matches.</summary>
internal static class ArchiveOptions
{
    public static Option<string?> Thesaurus { get; } = new("--thesaurus")
    {
        Description = "Thesaurus file (default: corpus/thesaurus.yaml when present, else the built-in one)",
        Recursive = true,
    };

    public static Searcher OpenSearcher(ParseResult parse) => OpenSearcher(CommonOptions.OpenIndex(parse), parse);

    public static Searcher OpenSearcher(IndexSnapshot index, ParseResult parse) =>
        new(index, new QueryUnderstanding(LoadThesaurus(parse)));

    public static Thesaurus LoadThesaurus(ParseResult parse) =>
        parse.GetValue(Thesaurus) is { Length: > 0 } path ? Search.Thesaurus.Load(path) : Search.Thesaurus.ForCorpus("corpus");
}
