using SpeechArchive.Search;
using SpeechArchive.Writing;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// A speech laid out for reading: headings, passages and the text between them in document order, each escaped by the
/// engine's <see cref="SnippetBuilder"/> with the query's hits marked; an outline; hit counts.
/// </summary>
internal sealed class ReaderDocument
{
    public required SpeechView Speech { get; init; }
    public required IReadOnlyList<ReaderBlock> Blocks { get; init; }
    public required IReadOnlyList<TocEntry> Toc { get; init; }
    public int HitCount => Blocks.Sum(b => b.Hits);

    /// <summary>The speech's part of every citation (《题目》，讲话人，单位，2023年5月10日); the reader's script adds the section, the paragraph and the link.</summary>
    public required string Citation { get; init; }

    /// <summary>The outermost heading level the speech uses: its headings are h2, deeper ones h3, so none follows h1 as an h3.</summary>
    public int TopHeadingLevel => Blocks.Where(b => b.Kind == ReaderBlockKind.Heading).Select(b => b.Level).DefaultIfEmpty(1).Min();
    public string? FirstHitAnchor => Blocks.FirstOrDefault(b => b.Hits > 0 && b.Anchor is not null)?.Anchor;

    /// <param name="aligned">Where a passage (by id) says the query nearly as typed, marked whole in place of the words inside it (<see cref="Searcher.AlignedSpans"/>).</param>
    public static ReaderDocument? Build(IndexSnapshot index, string id, IReadOnlyList<string> forms, Func<string, IReadOnlyList<(int Start, int End)>?>? aligned = null)
    {
        var info = index.FindSpeech(id);
        var view = SpeechView.Create(index, id);
        if (info is null || view is null)
        {
            return null;
        }

        var text = info.Text;
        var spans = view.Sections.Select(s => (Start: s.HeadingStart, End: s.HeadingEnd, Section: (SectionInfo?)s, Passage: (PassageView?)null))
            .Concat(view.Passages.Select(p => (p.Start, p.End, Section: (SectionInfo?)null, Passage: (PassageView?)p)))
            .Where(s => s.End > s.Start)
            .OrderBy(s => s.Start).ThenBy(s => s.Section is null ? 1 : 0)
            .ToList();

        var blocks = new List<ReaderBlock>();
        var at = 0;
        foreach (var span in spans)
        {
            if (span.Start < at)
            {
                continue; // overlaps what is already shown
            }

            AddAsides(blocks, text, at, span.Start, view.Title, forms);
            var (html, hits) = Mark(text, span.Start, span.End, forms, span.Passage is { } passage ? aligned?.Invoke(passage.Id) : null);
            blocks.Add(span.Section is { } s
                ? new ReaderBlock(ReaderBlockKind.Heading, s.Level, "s-" + (s.Ordinal + 1), html, hits, s.Parent < 0 ? null : s.Path)
                : new ReaderBlock(ReaderBlockKind.Passage, 0, "p-" + (span.Passage!.Ordinal + 1), html, hits, null, span.Passage.Ordinal + 1));
            at = span.End;
        }

        AddAsides(blocks, text, at, text.Length, view.Title, forms);
        var toc = view.Sections.Where(s => s.HeadingEnd > s.HeadingStart)
            .Select(s => new TocEntry("s-" + (s.Ordinal + 1), s.Level, text[s.HeadingStart..s.HeadingEnd].Trim())).ToList();
        var citation = PassageSource.Cite(view.Title, view.Speaker, view.Organization, view.Date, view.Year, null);
        return new ReaderDocument { Speech = view, Blocks = blocks, Toc = toc, Citation = citation };
    }

    private static void AddAsides(List<ReaderBlock> blocks, string text, int from, int to, string title, IReadOnlyList<string> forms)
    {
        var lineStart = from;
        for (var i = from; i <= to; i++)
        {
            if (i < to && text[i] != '\n')
            {
                continue;
            }

            var line = text[lineStart..i];
            if (line.Trim().Length > 0 && !(blocks.Count == 0 && line.Trim() == title.Trim()))
            {
                var (html, hits) = Mark(text, lineStart, i, forms);
                blocks.Add(new ReaderBlock(ReaderBlockKind.Aside, 0, null, html, hits));
            }

            lineStart = i + 1;
        }
    }

    private static (string Html, int Hits) Mark(string text, int start, int end, IReadOnlyList<string> forms, IReadOnlyList<(int Start, int End)>? aligned = null)
    {
        var hits = forms.Count == 0 ? [] : SnippetBuilder.FindHits(text, start, end, forms);
        if (aligned is [var first, ..] && first.Start >= start && aligned[^1].End <= end)
        {
            // The clause said nearly as typed, marked as the hit's snippet marks it (a mark for each of its clauses): the words'
            // hits within it are in those marks.
            var (from, to) = (first.Start, aligned[^1].End);
            hits = [.. hits.Where(h => h.End <= from || h.Start >= to).Concat(aligned).OrderBy(h => h.Start)];
        }

        return (SnippetBuilder.Render(text, start, end, hits), hits.Count);
    }
}
