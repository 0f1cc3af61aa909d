using SpeechArchive.Search;

namespace SpeechArchive.Tests.Indexing;

/// <summary>What an index holds, precisely enough to tell two committed states apart: generation, counts, and each speech's content hash and indexing time.</summary>
public sealed record IndexState(long Generation, int Speeches, int Passages, int Terms, string Digest)
{
    public static IndexState Of(string indexDirectory) => Of(IndexSnapshot.Load(indexDirectory));

    public static IndexState Of(IndexSnapshot snapshot) => new(
        snapshot.Generation,
        snapshot.Speeches.Count,
        snapshot.Passages.Count,
        snapshot.TermCount,
        string.Join('\n', snapshot.Speeches.Select(s => $"{s.FileKey} {s.ContentHash} {s.IndexedAt}").Order(StringComparer.Ordinal)));

    /// <summary>How many speeches have a passage containing <paramref name="marker"/>.</summary>
    public static int SpeechesWith(string indexDirectory, string marker) =>
        new Searcher(IndexSnapshot.Load(indexDirectory)).Search(new SearchRequest { Query = "\"" + marker + "\"", Limit = 0 }).TotalSpeeches;

    public override string ToString() => $"generation {Generation}, {Speeches} speeches, {Passages} passages, {Terms} terms";
}
