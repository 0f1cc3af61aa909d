namespace SpeechArchive.Search;

/// <summary>
/// Headings and titles as hits of their own: a section heading (or speech title) that holds a phrase makes the first passage
/// under it a hit, so a heading searched as written is found, counted in totals and facets like any passage, and shown with
/// the heading marked. Built once per snapshot by <see cref="SearchStructures"/>.
/// </summary>
internal sealed class HeadingHits
{
    private readonly IndexSnapshot index;
    private readonly FieldPostings headings;
    private readonly (int Speech, int Section)[] headingIds;
    private readonly int[] headingDoc;
    private readonly FieldPostings titles;
    private readonly Dictionary<int, int> headingOfDoc = [];

    private HeadingHits(IndexSnapshot index, FieldPostings headings, (int Speech, int Section)[] headingIds, FieldPostings titles)
    {
        this.index = index;
        this.headings = headings;
        this.headingIds = headingIds;
        this.titles = titles;
        headingDoc = new int[headingIds.Length];
        for (var h = 0; h < headingIds.Length; h++)
        {
            headingDoc[h] = FirstPassageUnder(index, headingIds[h].Speech, headingIds[h].Section);
            if (headingDoc[h] >= 0)
            {
                headingOfDoc.TryAdd(headingDoc[h], h);
            }
        }
    }

    /// <summary>A phrase this long (match-form characters) or longer makes a heading hit: a heading searched as written, not a common word in it.</summary>
    public const int MinLength = 4;

    public static HeadingHits Build(IndexSnapshot index, (FieldPostings Texts, (int Speech, int Section)[] Ids) headings, FieldPostings titles) =>
        new(index, headings.Texts, headings.Ids, titles);

    /// <summary>
    /// The passages that stand first under a heading or title holding <paramref name="form"/> (a match form), ascending, each
    /// with the share of that heading (or title) the form covers: a heading searched whole covers 1.
    /// </summary>
    public Dictionary<int, double>? Docs(string form)
    {
        if (form.Length < MinLength)
        {
            return null;
        }

        Dictionary<int, double>? docs = null;
        foreach (var h in headings.Matching(form))
        {
            if (headingDoc[h] >= 0)
            {
                Add(headingDoc[h], Coverage(form, headings.Value(h)));
            }
        }

        foreach (var s in titles.Matching(form))
        {
            if (index.Speeches[s].Passages is [var first, ..])
            {
                Add(first, Coverage(form, titles.Value(s)));
            }
        }

        return docs;

        void Add(int doc, double coverage)
        {
            docs ??= [];
            docs[doc] = Math.Max(coverage, docs.GetValueOrDefault(doc));
        }
    }

    /// <summary>How much of a heading's Han text and words <paramref name="form"/> covers (numbering and punctuation aside).</summary>
    private static double Coverage(string form, string heading)
    {
        var letters = 0;
        foreach (var c in heading)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters++;
            }
        }

        var covered = 0;
        foreach (var c in form)
        {
            if (char.IsLetterOrDigit(c))
            {
                covered++;
            }
        }

        return letters == 0 ? 0 : Math.Min(1.0, (double)covered / letters);
    }

    /// <summary>
    /// The heading (or title) that makes passage <paramref name="doc"/> a hit for one of <paramref name="forms"/>: its text
    /// (source) and whether it is a title; null when the passage is a hit through its own text only.
    /// </summary>
    public (string Text, bool IsTitle)? Describe(int doc, IReadOnlyList<string> forms)
    {
        if (headingOfDoc.TryGetValue(doc, out var h))
        {
            var (speech, section) = headingIds[h];
            var s = index.Speeches[speech];
            var info = s.Sections[section];
            var match = Analysis.MatchText.Build(s.TextSpan, info.HeadingStart, info.HeadingEnd);
            if (forms.Any(f => f.Length >= MinLength && match.Contains(f, StringComparison.Ordinal)))
            {
                return (s.TextSpan[info.HeadingStart..info.HeadingEnd].ToString(), false);
            }
        }

        var speechInfo = index.Speeches[index.PassageSpeech[doc]];
        if (speechInfo.Passages is [var first, ..] && first == doc && forms.Any(f => f.Length >= MinLength && speechInfo.TitleMatch.Contains(f, StringComparison.Ordinal)))
        {
            return (speechInfo.Title, true);
        }

        return null;
    }

    private static int FirstPassageUnder(IndexSnapshot index, int speech, int section)
    {
        var s = index.Speeches[speech];
        var info = s.Sections[section];
        foreach (var doc in s.Passages)
        {
            var p = index.Passages[doc];
            if (p.Start >= info.HeadingEnd)
            {
                return p.Start < info.End ? doc : -1;
            }
        }

        return -1;
    }
}
