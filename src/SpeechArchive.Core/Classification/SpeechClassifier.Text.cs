using SpeechArchive.Structure;

namespace SpeechArchive.Classification;

public sealed partial class SpeechClassifier
{
    /// <summary>Parses <paramref name="text"/> with <see cref="SpeechParser"/> and classifies it into records ready for JSON.</summary>
    public ClassifiedText ClassifyText(string text, SpeechParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var structure = SpeechParser.Parse(text, options);
        var labels = Classify(text, structure);
        var sentences = new List<ClassifiedSentence>();
        if (structure.Title is { } title)
        {
            sentences.Add(Untyped(text, title, "title", "title: not a directive"));
        }

        if (structure.Salutation is { } salutation)
        {
            sentences.Add(Untyped(text, salutation, "salutation", "salutation: not a directive"));
        }

        foreach (var section in structure.Sections)
        {
            var heading = labels.Headings[section.Ordinal];
            sentences.Add(Typed(text, section.HeadingSpan, "heading", heading.DirectiveType, heading.Reasons, -1));
        }

        var passages = new List<ClassifiedPassage>(structure.Passages.Count);
        for (var p = 0; p < structure.Passages.Count; p++)
        {
            var passage = structure.Passages[p];
            var label = labels.Passages[p];
            for (var k = 0; k < passage.Sentences.Count; k++)
            {
                var sentence = label.Sentences[k];
                sentences.Add(Typed(text, passage.Sentences[k], "sentence", sentence.DirectiveType, sentence.Reasons, passage.Ordinal));
            }

            passages.Add(new ClassifiedPassage(
                passage.Ordinal,
                passage.Span.Start,
                passage.Span.End,
                Slice(text, passage.Span),
                passage.SectionPathText,
                label.Themes,
                [.. label.Themes.Select(t => Taxonomy.LabelOf(t) ?? t)],
                label.DirectiveTypes,
                label.Reasons));
        }

        sentences.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new ClassifiedText(sentences, passages, labels.ThemeShares);
    }

    private ClassifiedSentence Typed(string text, TextSpan span, string kind, string? type, IReadOnlyList<string> reasons, int passage) =>
        new(span.Start, span.End, Slice(text, span), kind, type, type is null ? null : Taxonomy.LabelOf(type), [.. reasons], passage);

    private static ClassifiedSentence Untyped(string text, TextSpan span, string kind, string reason) =>
        new(span.Start, span.End, Slice(text, span), kind, null, null, [reason], -1);

    private static string Slice(string text, TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, text.Length);
        return text[start..Math.Clamp(span.End, start, text.Length)];
    }
}
