using SpeechArchive.Classification;
using SpeechArchive.Storage;
using SpeechArchive.Structure;

namespace SpeechArchive.Indexing;

/// <summary>Converts between a parsed structure with labels and its stored rows, so re-labelling needs no re-parsing.</summary>
internal static class StoredStructure
{
    public static SpeechStructure Rebuild(StoredSpeech speech, List<StoredSection> sections, List<StoredPassage> passages)
    {
        var secs = sections.Select(s => new Section(s.Ordinal, s.Level, s.Label, s.Heading, new TextSpan(s.HeadingStart, s.HeadingEnd),
            new TextSpan(s.Start, s.End), s.Parent)).ToList();
        var ps = passages.Select(p => new Passage(p.Ordinal, new TextSpan(p.Start, p.End), p.SectionOrdinal,
            SectionPath(sections, p.SectionOrdinal), p.PointLabel, ParseSpans(p.Sentences, p.Start))).ToList();
        return new SpeechStructure(speech.Title, speech.Salutation, secs, ps);
    }

    /// <summary>The headings from the outermost section down to <paramref name="ordinal"/> (the parser's SectionPath).</summary>
    public static IReadOnlyList<string> SectionPath<T>(IReadOnlyList<T> sections, int ordinal, Func<T, (int Ordinal, int Parent, string Heading)> view)
    {
        var path = new List<string>();
        var guard = 0;
        while (ordinal >= 0 && ordinal < sections.Count && guard++ < 64)
        {
            var (o, parent, heading) = view(sections[ordinal]);
            if (o != ordinal)
            {
                break; // sections must be stored in ordinal order; refuse to guess otherwise
            }

            path.Add(heading);
            ordinal = parent;
        }

        path.Reverse();
        return path;
    }

    private static IReadOnlyList<string> SectionPath(List<StoredSection> sections, int ordinal) =>
        SectionPath(sections, ordinal, s => (s.Ordinal, s.Parent, s.Heading));

    /// <summary>The stored sentences column of a passage: its sentences with their directive types (see <see cref="SentenceColumn"/>).</summary>
    public static string Sentences(Passage passage, PassageLabels labels) =>
        SentenceColumn.Encode(passage.Span.Start, passage.Sentences.Select((s, i) =>
            (s.Start, s.End, i < labels.Sentences.Count ? labels.Sentences[i].DirectiveType : null)).ToList());

    private static List<TextSpan> ParseSpans(string compact, int passageStart) =>
        SentenceColumn.Decode(compact, passageStart).Select(s => new TextSpan(s.Start, s.End)).ToList();
}
