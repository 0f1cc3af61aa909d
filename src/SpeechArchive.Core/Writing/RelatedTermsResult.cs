namespace SpeechArchive.Writing;

/// <summary>Terms that occur with a query far more than chance, best first.</summary>
public sealed record RelatedTermsResult
{
    public required string Query { get; init; }
    /// <summary>Passages matching the query (the foreground).</summary>
    public required int Foreground { get; init; }

    /// <summary>
    /// The words of a query no passage holds as written, as the search read them (怎样防止干部腐败: 防止 干部 腐败); the
    /// foreground is then the search's best passages. Empty when the query's passages are those holding it.
    /// </summary>
    public IReadOnlyList<string> ReadAs { get; init; } = [];
    public required IReadOnlyList<RelatedTerm> Terms { get; init; }
    /// <summary>
    /// Words near the query by meaning (<see cref="Neighbours"/>: the index's word vectors), that some passage holds and that
    /// are not the query's own: related by what they mean where <see cref="Terms"/> are related by occurring together.
    /// </summary>
    public IReadOnlyList<Neighbour> NearInMeaning { get; init; } = [];
    public required double TookMs { get; init; }
}

/// <summary>A related term: in how many matching passages (of a sample of at most 3,000) and in how many of the archive it occurs, and its JLH score.</summary>
public sealed record RelatedTerm(string Term, int Foreground, int Background, double Score);
