using System.Runtime.CompilerServices;

namespace SpeechArchive.Structure;

/// <summary>Parses the plain text of a speech into title, salutation, sections, passages and sentences.</summary>
public static class SpeechParser
{
    /// <summary>Lines before the salutation that may stand between title and salutation (subtitle, speaker, date).</summary>
    private const int MaxBylines = 5;

    private static readonly SpeechParseOptions NoOptions = new();

    /// <summary>Parses <paramref name="text"/> (LF line ends, one paragraph or heading per line); never throws on content.</summary>
    // The hot scanning methods of Structure/ skip tiered JIT: an indexing run parses each speech once, so tier-0 code
    // would otherwise do a large share of the work (cold parse of the 21.7 M-char corpus: about 1.0 s CPU → 0.77 s).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SpeechStructure Parse(string text, SpeechParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= NoOptions;
        List<TextLine> lines = TextLine.ReadAll(text);
        Dictionary<int, int> hinted = MapHints(lines, options);
        (TextSpan? title, int first) = TitleDetector.Detect(text, lines, options.KnownTitle);
        if (first > 0 && first == lines.Count)
        {
            // A text that is only its title (an upload of one line, 雪松林计划 taken as the title it inferred) is its own body:
            // as a title alone it made no passage, and no search found it.
            (title, first) = (null, 0);
            hinted.Clear();
        }

        SpeechStructure parsed = Body(text, lines, hinted, title, first, headingsAsText: false);
        if (parsed.Passages.Count == 0 && parsed.Sections.Count > 0)
        {
            // A text of a title and headings only (an outline: 一、加强学习 / 二、改进作风, and no paragraph under them) is its
            // headings: as sections they made no passage, and no search found the speech (pipeline version 7).
            parsed = Body(text, lines, hinted, title, first, headingsAsText: true);
        }

        return parsed;
    }

    /// <summary>The salutation, sections and passages of the lines from <paramref name="first"/> on; with <paramref name="headingsAsText"/>, headings are paragraphs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SpeechStructure Body(string text, List<TextLine> lines, Dictionary<int, int> hinted, TextSpan? title, int first, bool headingsAsText)
    {
        var sections = new SectionTracker(text);
        var passages = new PassageBuilder(text);
        TextSpan? salutation = null;
        int bylines = 0;
        for (int i = first; i < lines.Count; i++)
        {
            TextLine line = lines[i];
            int start = line.Start;
            if (!headingsAsText && hinted.TryGetValue(i, out int level))
            {
                bylines = MaxBylines;
                sections.OpenHinted(line, level);
                continue;
            }

            if (bylines < MaxBylines && salutation is null)
            {
                int end = SalutationDetector.MatchEnd(text, line.Start, line.End);
                if (end > 0)
                {
                    salutation = new TextSpan(line.Start, TextChars.TrimEnd(text, line.Start, end));
                    start = TextChars.SkipSpace(text, end, line.End);
                }

                bylines = end > 0 || !IsBylineShaped(text, line) ? MaxBylines : bylines + 1;
            }

            if (!headingsAsText && start == line.Start && HeadingRules.TryGetHeadingMarker(text, line, out PointMarker marker))
            {
                bylines = MaxBylines;
                sections.OpenNumbered(line, marker);
                continue;
            }

            if (start < line.End)
            {
                passages.AddParagraph(start, line.End, sections.CurrentOrdinal, sections.CurrentPath);
                sections.NoteContent(line.End);
            }
        }

        return new SpeechStructure(title, salutation, sections.Finish(), passages.Passages);
    }

    /// <summary>A short line without sentence punctuation, such as a speaker's name or a date.</summary>
    private static bool IsBylineShaped(string text, TextLine line) =>
        line.Length <= TitleDetector.MaxTitle && SentenceSplitter.NextBoundary(text, line.Start, line.End) < 0;

    /// <summary>Line index → heading level for the heading hints that fall on a non-blank line after the title.</summary>
    private static Dictionary<int, int> MapHints(List<TextLine> lines, SpeechParseOptions options)
    {
        var hinted = new Dictionary<int, int>();
        foreach (var hint in options.Headings ?? [])
        {
            int index = TextLine.IndexAt(lines, hint.Start);
            if (index >= 0)
            {
                hinted.TryAdd(index, hint.Level);
            }
        }

        return hinted;
    }
}
