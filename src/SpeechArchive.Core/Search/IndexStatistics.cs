using System.Text;

namespace SpeechArchive.Search;

/// <summary>Counts that describe an index.</summary>
public sealed record IndexStatistics
{
    public int Speeches { get; init; }
    public int Passages { get; init; }
    public long Characters { get; init; }
    public long TextBytes { get; init; }
    public int Terms { get; init; }
    public long IndexBytes { get; init; }
    public long Generation { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public int WithoutYear { get; init; }
    public IReadOnlyList<FacetValue> Years { get; init; } = [];
    public IReadOnlyList<FacetValue> Themes { get; init; } = [];
    public IReadOnlyList<FacetValue> DirectiveTypes { get; init; } = [];

    /// <summary>The word vectors that serve ranking by meaning (null when there are none).</summary>
    public MeaningStatistics? Meaning { get; init; }

    public static IndexStatistics Of(IndexSnapshot index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var all = new Searcher(index).Search(new SearchRequest { Limit = 0 });
        var years = index.Speeches.Where(s => s.Year is not null).Select(s => s.Year!.Value).ToList();
        return new IndexStatistics
        {
            Speeches = index.Speeches.Count,
            Passages = index.Passages.Count,
            Characters = index.Speeches.Sum(s => (long)s.TextLength),
            TextBytes = index.Speeches.Sum(s => (long)Encoding.UTF8.GetByteCount(s.TextSpan)),
            Terms = index.TermCount,
            IndexBytes = index.SizeOnDisk,
            Generation = index.Generation,
            YearFrom = years.Count == 0 ? null : years.Min(),
            YearTo = years.Count == 0 ? null : years.Max(),
            WithoutYear = index.Speeches.Count - years.Count,
            Years = all.Facets.Year,
            Themes = all.Facets.Theme,
            DirectiveTypes = all.Facets.DirectiveType,
            Meaning = index.Meaning is { } m ? new MeaningStatistics(m.Kind, m.Generation, m.Characters, m.Learned, m.Words.Count, m.Words.Dimensions, m.Words.Provenance) : null,
        };
    }
}

/// <summary>
/// The meaning model an index serves: <c>base</c> (shipped, learned from the shared public sets) or <c>archive</c> (learned
/// from this archive); its generation (0: no model stored yet), the archive's size when chosen or learned, and the vectors.
/// </summary>
public sealed record MeaningStatistics(string Model, long Generation, long Characters, string? Learned, int Words, int Dimensions, string Provenance);
