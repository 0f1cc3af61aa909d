using SpeechArchive.Structure;

namespace SpeechArchive.Classification;

/// <summary>
/// Labels a parsed speech with the cues of a <see cref="Taxonomy"/>: a directive type per sentence and heading (cues plus
/// the context the sentence stands in), 0–4 themes per passage, and the speech's theme shares. Every label carries the
/// reasons that decided it. Thread-safe: one instance can classify many speeches in parallel.
/// </summary>
public sealed partial class SpeechClassifier
{
    private string? contrastFirsts;

    public SpeechClassifier(Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        Taxonomy = taxonomy;
    }

    public Taxonomy Taxonomy { get; }

    /// <summary>Labels every passage, sentence and heading of <paramref name="structure"/>, whose spans index into <paramref name="text"/>.</summary>
    public SpeechLabels Classify(string text, SpeechStructure structure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(structure);
        var work = new SpeechWork(Taxonomy, text, structure);
        var units = work.Units();
        var contexts = new ContextTracker(Taxonomy, work);
        var headingLabels = new HeadingLabel[structure.Sections.Count];
        var sentenceLabels = structure.Passages.Select(p => new SentenceLabel[p.Sentences.Count]).ToArray();
        var quote = new QuoteTracker(Taxonomy, work);
        var scratch = new ClassifyScratch(Taxonomy);

        foreach (var unit in units)
        {
            var hits = work.HitsOf(unit);
            var context = contexts.Enter(unit, hits);
            if (unit.IsHeading)
            {
                var decision = DecideDirective(text, unit, hits, context, null, scratch);
                headingLabels[unit.SectionOrdinal] = new HeadingLabel(unit.SectionOrdinal, decision.Type, decision.Reasons);
                continue;
            }

            var carried = quote.Before(unit);
            var sentence = DecideDirective(text, unit, hits, context, carried, scratch);
            quote.After(unit, sentence.Type);
            sentenceLabels[unit.PassageIndex][unit.SentenceIndex] = new SentenceLabel(unit.SentenceIndex, sentence.Type, sentence.Reasons);
        }

        var passages = new List<PassageLabels>(structure.Passages.Count);
        for (var p = 0; p < structure.Passages.Count; p++)
        {
            var (themes, reasons) = DecideThemes(work, p, sentenceLabels[p], scratch);
            passages.Add(new PassageLabels(structure.Passages[p].Ordinal, themes, reasons, sentenceLabels[p]));
        }

        return new SpeechLabels(passages, ThemeShares(passages)) { Headings = headingLabels };
    }

    private static Dictionary<string, double> ThemeShares(List<PassageLabels> passages)
    {
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        if (passages.Count == 0)
        {
            return shares;
        }

        foreach (var theme in passages.SelectMany(p => p.Themes))
        {
            shares[theme] = shares.GetValueOrDefault(theme) + 1;
        }

        foreach (var theme in shares.Keys.ToList())
        {
            shares[theme] /= passages.Count;
        }

        return shares;
    }
}
