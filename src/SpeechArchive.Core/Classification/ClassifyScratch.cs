namespace SpeechArchive.Classification;

/// <summary>Buffers reused across the sentences and passages of one <c>Classify</c> call (never shared between calls).</summary>
internal sealed class ClassifyScratch(Taxonomy taxonomy)
{
    public double[] Total { get; } = new double[taxonomy.DirectiveTypes.Count];

    public double[] FromCues { get; } = new double[taxonomy.DirectiveTypes.Count];

    public List<(CueHit Hit, double Weight)> Counted { get; } = [];

    public double[] ThemeScores { get; } = new double[taxonomy.Themes.Count];

    public List<ThemePart> Parts { get; } = [];

    public List<int> Kept { get; } = [];

    /// <summary>Fresh buffers, for recomputing a label's reasons when someone asks for them.</summary>
    public static ClassifyScratch For(Taxonomy taxonomy) => new(taxonomy);
}
