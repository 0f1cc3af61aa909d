namespace SpeechArchive.Writing;

/// <summary>MRR@k and recall@k of a recall set, overall and per kind, with the queries whose passage did not come first.</summary>
public sealed record RecallReport
{
    public required int K { get; init; }
    public required RecallScore Overall { get; init; }
    public required IReadOnlyList<RecallScore> PerKind { get; init; }
    public required IReadOnlyList<RecallMiss> Misses { get; init; }
    /// <summary>Mean, 95th percentile and slowest search time, in milliseconds (after one warm-up search).</summary>
    public required double MeanMs { get; init; }
    public required double P95Ms { get; init; }
    public required double MaxMs { get; init; }
    /// <summary>Searches run before timing.</summary>
    public int WarmUp { get; init; }
    /// <summary>The five slowest queries with their times.</summary>
    public IReadOnlyList<RecallTime> Slowest { get; init; } = [];
}

/// <summary>A query and how long its search took, in milliseconds.</summary>
public sealed record RecallTime(RecallQuery Query, double Ms);

/// <summary>Scores of a group of queries (<see cref="Kind"/> "all" for every query).</summary>
public sealed record RecallScore(string Kind, int Queries, double Mrr, double Recall);

/// <summary>A query whose passage was not ranked first: its rank (null beyond k) and what came first instead.</summary>
public sealed record RecallMiss(RecallQuery Query, int? Rank, string? FirstPassageId, string? FirstText);
