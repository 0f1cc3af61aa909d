using System.Globalization;
using System.Text;
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
        TextSpan? title = speech.TitleStart is int ts && speech.TitleEnd is int te ? new TextSpan(ts, te) : null;
        TextSpan? salutation = speech.SalutationStart is int ss && speech.SalutationEnd is int se ? new TextSpan(ss, se) : null;
        return new SpeechStructure(title, salutation, secs, ps);
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

    /// <summary>"gap,length,type;…" for a passage's sentences with their labels; each gap counts from the previous sentence's end (the first from the passage start).</summary>
    public static string Sentences(Passage passage, PassageLabels labels)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < passage.Sentences.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(';');
            }

            var s = passage.Sentences[i];
            var previousEnd = i == 0 ? passage.Span.Start : passage.Sentences[i - 1].End;
            var type = i < labels.Sentences.Count ? labels.Sentences[i].DirectiveType : null;
            sb.Append((s.Start - previousEnd).ToString(CultureInfo.InvariantCulture)).Append(',').Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(',').Append(type);
        }

        return sb.ToString();
    }

    private static List<TextSpan> ParseSpans(string compact, int passageStart) =>
        Search.IndexSnapshot.ParseSentences(compact, passageStart).Select(s => new TextSpan(s.Start, s.End)).ToList();
}
