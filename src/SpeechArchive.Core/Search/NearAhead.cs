namespace SpeechArchive.Search;

/// <summary>
/// A free-text clause's near matches (<see cref="NearMatcher"/>) looked for on another core while its words are scored, among
/// the passages the word ranking will count, which free text knows before any score: those holding the minimum number of
/// words (<see cref="FreeTextCandidates"/>) and those holding the clause as written (when no formulation, quoted phrase or
/// exclusion changes them). The ranking takes them only where the passages it counted are those (<see cref="Found"/>).
/// </summary>
internal sealed class NearAhead
{
    private readonly int[] counted;
    private readonly int[] asWritten;
    private readonly Task<List<NearMatch>> found;

    private NearAhead(int[] counted, int[] asWritten, Task<List<NearMatch>> found) => (this.counted, this.asWritten, this.found) = (counted, asWritten, found);

    /// <summary>
    /// Starts looking for the near matches of <paramref name="probe"/> (and its thesaurus variants) among <paramref name="held"/>
    /// and <paramref name="asWritten"/> (both sorted), those holding it as written left out, as the ranking would.
    /// </summary>
    public static NearAhead Start(IndexSnapshot index, string probe, int[] held, int[] asWritten, NearMatchOptions options, Thesaurus? thesaurus)
    {
        var variants = thesaurus?.Substitutions(probe, options.MaxVariants) ?? [];
        var counted = PostingsMath.Union([held, asWritten]);
        bool Counted(int doc) => Array.BinarySearch(counted, doc) >= 0 && Array.BinarySearch(asWritten, doc) < 0;
        return new(counted, asWritten, Task.Run(() => NearMatcher.Find(index, probe, variants, Counted, options, exhaustive: false, within: counted)));
    }

    /// <summary>
    /// The near matches (waits for them), when <paramref name="scored"/> counts the passages they were looked for among, those
    /// scoring <paramref name="asWrittenTier"/> or more being the ones holding the clause as written; else null.
    /// </summary>
    public List<NearMatch>? Found(ScoredDocs scored, double asWrittenTier)
    {
        var matches = found.GetAwaiter().GetResult();
        if (!scored.Docs.AsSpan().SequenceEqual(counted))
        {
            return null;
        }

        for (int i = 0, w = 0; i < scored.Count; i++)
        {
            var written = w < asWritten.Length && asWritten[w] == scored.Docs[i];
            w += written ? 1 : 0;
            if (written != scored.Scores[i] >= asWrittenTier)
            {
                return null;
            }
        }

        return matches;
    }
}
