using SpeechArchive.Classification;
using SpeechArchive.Structure;

namespace SpeechArchive.Search;

/// <summary>
/// Recomputes a speech's labels with their reasons from the index's stored taxonomy and structure. Reasons are not stored
/// (they would double the index); the classifier is deterministic, so the same labels come back with why.
/// </summary>
public static class LabelExplainer
{
    public static SpeechLabels Explain(IndexSnapshot index, SpeechInfo speech)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(speech);
        var taxonomy = index.TaxonomyYaml is null ? Taxonomy.Default : Taxonomy.Parse(index.TaxonomyYaml, "the index's taxonomy");
        var sections = speech.Sections
            .Select(s => new Section(s.Ordinal, s.Level, s.Label, s.Heading, new TextSpan(s.HeadingStart, s.HeadingEnd), new TextSpan(s.Start, s.End), s.Parent))
            .ToList();
        var passages = speech.Passages.Select(i => index.Passages[i])
            .Select(p => new Passage(p.Ordinal, new TextSpan(p.Start, p.End), p.SectionOrdinal,
                p.SectionPath.Length == 0 ? [] : p.SectionPath.Split(" › "), p.PointLabel,
                p.Sentences.Select(s => new TextSpan(s.Start, s.End)).ToList()))
            .ToList();
        return new SpeechClassifier(taxonomy).Classify(speech.Text, new SpeechStructure(null, null, sections, passages));
    }
}
