namespace SpeechArchive.Writing;

/// <summary>Occurrences per 10,000 characters by year, one series per phrase; every list is aligned with <see cref="Years"/>.</summary>
public sealed record TrendResult
{
    public required IReadOnlyList<int> Years { get; init; }
    /// <summary>Characters of text per year: Han characters, letters and digits; no punctuation or spaces.</summary>
    public required IReadOnlyList<long> Characters { get; init; }
    public required IReadOnlyList<TrendSeries> Series { get; init; }
    public required double TookMs { get; init; }
}

/// <summary>One phrase: its occurrences and occurrences per 10,000 characters, year by year.</summary>
public sealed record TrendSeries(string Phrase, int Total, IReadOnlyList<int> Occurrences, IReadOnlyList<double> PerTenThousand);

/// <summary>Each theme's share of the passages of each year; lists aligned with <see cref="Years"/>.</summary>
public sealed record ThemeTrendResult
{
    public required IReadOnlyList<int> Years { get; init; }
    public required IReadOnlyList<int> Passages { get; init; }
    public required IReadOnlyList<ThemeTrendSeries> Themes { get; init; }
}

/// <summary>A theme and its share (0–1) of each year's passages.</summary>
public sealed record ThemeTrendSeries(string Id, string Label, IReadOnlyList<double> Shares);
