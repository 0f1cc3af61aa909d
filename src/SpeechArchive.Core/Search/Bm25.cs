namespace SpeechArchive.Search;

/// <summary>BM25 over passages, each query word or phrase scored as one term, plus boosts when it occurs in the speech title or the section headings.</summary>
internal sealed class Bm25(IndexSnapshot index)
{
    public const double K1 = 1.2;
    public const double B = 0.75;
    public const double TitleBoost = 1.5;
    public const double HeadingBoost = 0.75;

    private readonly int n = Math.Max(1, index.Passages.Count);

    public double Idf(int df) => Math.Log(1 + (n - df + 0.5) / (df + 0.5));

    /// <summary>Adds the word's score for each of its documents into <paramref name="scores"/> (keyed by dense id).</summary>
    public void Accumulate(WordMatch match, Dictionary<int, double> scores)
    {
        if (match.DocFrequency == 0)
        {
            return;
        }

        var idf = Idf(match.DocFrequency);
        var form = match.Word.MatchForm;
        var titleHits = new Dictionary<int, bool>();
        var headingHits = new Dictionary<string, bool>(ReferenceEqualityComparer.Instance as IEqualityComparer<string>);
        var avg = index.AverageLength;
        for (var i = 0; i < match.Docs.Length; i++)
        {
            var doc = match.Docs[i];
            double tf = match.Frequencies[i];
            var norm = K1 * (1 - B + B * index.PassageLength[doc] / avg);
            var score = idf * (tf * (K1 + 1)) / (tf + norm);
            var speech = index.PassageSpeech[doc];
            if (!titleHits.TryGetValue(speech, out var inTitle))
            {
                inTitle = index.Speeches[speech].TitleMatch.Contains(form, StringComparison.Ordinal);
                titleHits[speech] = inTitle;
            }

            var section = index.Passages[doc].SectionMatch;
            if (!headingHits.TryGetValue(section, out var inHeading))
            {
                inHeading = section.Length > 0 && section.Contains(form, StringComparison.Ordinal);
                headingHits[section] = inHeading;
            }

            score += (inTitle ? TitleBoost * idf : 0) + (inHeading ? HeadingBoost * idf : 0);
            scores[doc] = scores.TryGetValue(doc, out var s) ? s + score : score;
        }
    }
}
