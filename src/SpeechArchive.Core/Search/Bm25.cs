namespace SpeechArchive.Search;

/// <summary>BM25 over passages, each query word or phrase scored as one term, plus boosts when it occurs in the speech title or the section headings.</summary>
internal sealed class Bm25(IndexSnapshot index)
{
    public const double K1 = 1.2;
    public const double B = 0.75;
    public const double TitleBoost = 1.5;
    public const double HeadingBoost = 0.75;

    private readonly int n = Math.Max(1, index.Passages.Count);

    public double Idf(int df) => Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));

    /// <summary>The word's score in each passage it matches.</summary>
    public ScoredDocs Score(WordMatch match)
    {
        var docs = match.Docs;
        var scores = new double[docs.Length];
        if (docs.Length == 0)
        {
            return new ScoredDocs(docs, scores);
        }

        var idf = Idf(match.DocFrequency);
        var form = match.Word.MatchForm;
        var titleHit = new sbyte[index.Speeches.Count];      // 0 unknown, 1 yes, -1 no
        var headingHit = new sbyte[index.SectionCount];
        var lengths = index.PassageLength;
        var speechOf = index.PassageSpeech;
        var sectionOf = index.PassageSection;
        var avg = index.AverageLength;
        for (var i = 0; i < docs.Length; i++)
        {
            var doc = docs[i];
            double tf = match.Frequencies[i];
            var norm = K1 * (1 - B + (B * lengths[doc] / avg));
            var score = idf * (tf * (K1 + 1)) / (tf + norm);
            var speech = speechOf[doc];
            if (titleHit[speech] == 0)
            {
                titleHit[speech] = index.Speeches[speech].TitleMatch.Contains(form, StringComparison.Ordinal) ? (sbyte)1 : (sbyte)-1;
            }

            var section = sectionOf[doc];
            if (section >= 0 && headingHit[section] == 0)
            {
                headingHit[section] = index.SectionMatch(section).Contains(form, StringComparison.Ordinal) ? (sbyte)1 : (sbyte)-1;
            }

            if (titleHit[speech] > 0)
            {
                score += TitleBoost * idf;
            }

            if (section >= 0 && headingHit[section] > 0)
            {
                score += HeadingBoost * idf;
            }

            scores[i] = score;
        }

        return new ScoredDocs(docs, scores);
    }
}
