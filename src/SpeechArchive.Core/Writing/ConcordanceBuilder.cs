using System.Diagnostics;
using System.Globalization;
using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>Builds concordances: every occurrence of the phrase in the passages that match it, with aligned context.</summary>
public static class ConcordanceBuilder
{
    public const int MaxContext = 200;

    /// <summary>Characters of match text either side of a hit compared to find the same text in two copies of it.</summary>
    private const int DuplicateWindow = 20;

    private static readonly CompareInfo Collation = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    public static ConcordanceResult Build(IndexSnapshot index, ConcordanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var query = WritingQuery.Parse(index, request.Phrase, request.Filters, "短语", onePhrase: true);
        var context = Math.Clamp(request.Context, 0, MaxContext);
        var docs = query.Words.SelectMany(query.Passages).Distinct().Order().ToList();
        var forms = query.Words.Select(w => w.MatchForm).Distinct().ToList();

        var lines = new List<Line>();
        foreach (var doc in docs)
        {
            var p = index.Passages[doc];
            AddLines(lines, p.SourceText, p.Start, p.End, forms, context, PassageSource.Of(index, doc), doc, heading: false, _ => true);
        }

        // Section headings are text too (二、坚定不移推进全面从严治党): their hits count unless a passage holds them already.
        // The headings holding a form come from the headings' char-pair postings, in speech order, then section order.
        var speeches = docs.Select(d => index.Passages[d].Speech).ToHashSet();
        var (headingTexts, headingIds) = SearchStructures.Of(index).HeadingTexts();
        foreach (var h in forms.SelectMany(headingTexts.Matching).Distinct().Order())
        {
            var (s, k) = headingIds[h];
            var speech = index.Speeches[s];
            var section = speech.Sections[k];
            if (!MayHold(speech.TextSpan, section.HeadingStart, section.HeadingEnd, forms) || !HeadingPasses(query, speech))
            {
                continue;
            }

            var first = speech.Passages.Count > 0 ? speech.Passages[0] : -1;
            var before = lines.Count;
            AddLines(lines, speech.TextSpan, section.HeadingStart, section.HeadingEnd, forms, context, PassageSource.OfHeading(index, s, section), first, heading: true,
                at => !speech.Passages.Any(d => index.Passages[d].Start <= at && at < index.Passages[d].End));
            if (lines.Count > before)
            {
                speeches.Add(s);
            }
        }

        // Oldest first, once: the order duplicates are marked in (the first of a text's copies is the original) and the default.
        lines = [.. lines.OrderBy(l => PassageSource.DateKey(index, l.Doc), StringComparer.Ordinal).ThenBy(l => l.Doc).ThenBy(l => l.At)];
        MarkDuplicates(index, lines);
        var ordered = Order(index, lines, request.Sort).ToList();
        var offset = Math.Max(0, request.Offset);
        var page = request.Limit <= 0 ? ordered.Skip(offset) : ordered.Skip(offset).Take(request.Limit);
        return new ConcordanceResult
        {
            Phrase = request.Phrase,
            Total = lines.Count,
            Passages = docs.Count,
            Speeches = speeches.Count,
            Duplicates = lines.Count(l => l.Shown.DuplicateOf is not null),
            ByYear = lines.Where(l => l.Shown.Source.Year is not null).GroupBy(l => l.Shown.Source.Year!.Value)
                .OrderBy(g => g.Key).Select(g => new YearCount(g.Key, g.Count())).ToList(),
            Offset = offset,
            Limit = request.Limit,
            Lines = page.ToList(),
            TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
        };
    }

    /// <summary>
    /// A line as built: <paramref name="Doc"/> is its passage (a heading's: its speech's first), <paramref name="At"/> the hit's
    /// offset; the hit and up to <see cref="DuplicateWindow"/> characters either side in match form, within its passage or heading.
    /// </summary>
    private sealed record Line(ConcordanceLine Shown, int Doc, int At, bool Heading, string Before, string Hit, string After);

    private static void AddLines(List<Line> lines, ReadOnlySpan<char> text, int from, int to, List<string> forms,
        int context, PassageSource source, int doc, bool heading, Func<int, bool> keep)
    {
        var offsets = new List<int>(to - from);
        var match = MatchText.Build(text, from, to, offsets);
        var hits = new List<(int MatchAt, int Length)>();
        foreach (var form in forms)
        {
            MatchText.CountOccurrences(match, form, at => hits.Add((at, form.Length)));
        }

        foreach (var (at, length) in hits.OrderBy(h => h.MatchAt).ThenByDescending(h => h.Length))
        {
            var start = offsets[at];
            var end = offsets[at + length - 1] + 1;
            if (!keep(start))
            {
                continue;
            }

            lines.Add(new Line(new ConcordanceLine
            {
                // The context stays in the passage (or heading) the hit is cited by: the one before ended in a sentence
                // of another paragraph, joined with a double space (坚强有力。  全面从严治党|永远在路上).
                Left = Flatten(text[Math.Max(from, start - context)..start].ToString()),
                Hit = Flatten(text[start..end].ToString()),
                Right = Flatten(text[end..Math.Min(to, end + context)].ToString()),
                Source = source,
            }, doc, start, heading, match[Math.Max(0, at - DuplicateWindow)..at], match[at..(at + length)],
                match[(at + length)..Math.Min(match.Length, at + length + DuplicateWindow)]));
        }
    }

    /// <summary>A cheap test before building a heading's match text: the first and last characters of a form occur in it.</summary>
    private static bool MayHold(ReadOnlySpan<char> text, int start, int end, List<string> forms)
    {
        var heading = text.Slice(start, end - start);
        foreach (var form in forms)
        {
            if (form.Length > 0 && heading.IndexOf(form[0]) >= 0 && heading.IndexOf(form[^1]) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Headings have no labels of their own: with a theme or directive-type filter they are left out; otherwise they pass
    /// when their speech does (year, organisation, speaker).
    /// </summary>
    private static bool HeadingPasses(WritingQuery query, SpeechInfo speech)
    {
        var f = query.Parsed.Filters;
        if (f.Themes.Count + f.DirectiveTypes.Count > 0)
        {
            return false;
        }

        return speech.Passages.Count == 0 ? f.IsEmpty : query.AcceptsSpeech(speech.Passages[0]);
    }

    /// <summary>
    /// Marks every line that repeats a line of another, earlier speech printing the same text: a reprint of its passage (the
    /// same text, or a twin speech's other cut of it: <see cref="Reprints.GroupOf"/>) or a line of a twin speech (one speech
    /// printed twice: <see cref="Reprints.TwinsOf"/>), with the same hit and the same context either side as far as both
    /// reach (<see cref="Agree"/>). Until a writers' trial the same 20 characters either side were enough: a formula every
    /// year's report repeats (增强“四个意识”、坚定“四个自信”、做到“两个维护”) was marked a duplicate in unrelated reports,
    /// while a speech printed twice was marked only where a hit lay away from its passage's edges, the two sources having
    /// cut their paragraphs at other places (xi-2020's xi_00011 and xi_00031: 11 of 15 lines of 主题教育).
    /// </summary>
    private static void MarkDuplicates(IndexSnapshot index, List<Line> lines) // lines oldest first
    {
        if (lines.Select(l => index.Passages[l.Doc].Speech).Distinct().Take(2).Count() < 2)
        {
            return; // one speech repeats no other: the reprints need not be made (a snapshot makes them once, on first use)
        }

        var reprints = SearchStructures.Of(index).Reprints;
        var earlier = new Dictionary<(string Hit, bool Twins, int Group), List<int>>(); // the lines so far of each text's copies, oldest first
        var marked = new int[lines.Count]; // the oldest copy each line duplicates, or −1
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var speech = index.Passages[line.Doc].Speech;
            marked[i] = -1;
            (string, bool, int)? reprinted = !line.Heading && reprints.GroupOf(line.Doc) is var g and >= 0 ? (line.Hit, false, g) : null;
            (string, bool, int)? twinned = reprints.TwinsOf(speech) is var t and >= 0 ? (line.Hit, true, t) : null;
            foreach (var key in new[] { reprinted, twinned }.OfType<(string, bool, int)>())
            {
                var copies = earlier.TryGetValue(key, out var list) ? list : earlier[key] = [];
                var first = copies.FirstOrDefault(j => index.Passages[lines[j].Doc].Speech != speech && Agree(lines[j], line), -1);
                if (first >= 0 && (marked[i] < 0 || first < marked[i]))
                {
                    marked[i] = first;
                }

                copies.Add(i);
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (marked[i] >= 0)
            {
                lines[i] = lines[i] with { Shown = lines[i].Shown with { DuplicateOf = lines[marked[i]].Shown.Source.PassageId } };
            }
        }
    }

    /// <summary>
    /// Whether two lines show the same hit in the same context as far as both reach: one's context is the other's cut short
    /// (at a passage's edge, where one copy began a paragraph and the other did not).
    /// </summary>
    private static bool Agree(Line a, Line b) =>
        (a.Before.EndsWith(b.Before, StringComparison.Ordinal) || b.Before.EndsWith(a.Before, StringComparison.Ordinal))
        && (a.After.StartsWith(b.After, StringComparison.Ordinal) || b.After.StartsWith(a.After, StringComparison.Ordinal));

    /// <summary><paramref name="byDate"/> (oldest first) in the order <paramref name="sort"/> asks.</summary>
    private static IEnumerable<ConcordanceLine> Order(IndexSnapshot index, List<Line> byDate, ConcordanceSort sort) =>
        (sort switch
        {
            ConcordanceSort.DateDescending => byDate.OrderBy(l => PassageSource.DateKey(index, l.Doc) == PassageSource.Undated) // undated last, as oldest first has them
                .ThenByDescending(l => PassageSource.DateKey(index, l.Doc), StringComparer.Ordinal).ThenBy(l => l.Doc).ThenBy(l => l.At),
            ConcordanceSort.Left => byDate.OrderBy(l => Reverse(l.Shown.Left), Collation.AsComparer()),
            ConcordanceSort.Right => byDate.OrderBy(l => l.Shown.Right, Collation.AsComparer()),
            _ => (IEnumerable<Line>)byDate,
        }).Select(l => l.Shown);

    private static string Flatten(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');

    private static string Reverse(string s)
    {
        var chars = s.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}

file static class CompareInfoExtensions
{
    public static IComparer<string> AsComparer(this CompareInfo info) => Comparer<string>.Create((a, b) => info.Compare(a, b, CompareOptions.None));
}
