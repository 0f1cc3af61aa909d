using System.Diagnostics;
using System.Globalization;
using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>Builds concordances: every occurrence of the phrase in the passages that match it, with aligned context.</summary>
public static class ConcordanceBuilder
{
    public const int MaxContext = 200;

    /// <summary>Characters of match text either side of a hit compared to find the same text in two speeches.</summary>
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

        var lines = new List<(ConcordanceLine Line, int Doc, int At, string Key)>();
        foreach (var doc in docs)
        {
            var p = index.Passages[doc];
            AddLines(lines, p.SourceText, p.Start, p.End, forms, context, PassageSource.Of(index, doc), doc, _ => true);
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
            AddLines(lines, speech.TextSpan, section.HeadingStart, section.HeadingEnd, forms, context, PassageSource.OfHeading(index, s, section), first,
                at => !speech.Passages.Any(d => index.Passages[d].Start <= at && at < index.Passages[d].End));
            if (lines.Count > before)
            {
                speeches.Add(s);
            }
        }

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
            Duplicates = lines.Count(l => l.Line.DuplicateOf is not null),
            ByYear = lines.Where(l => l.Line.Source.Year is not null).GroupBy(l => l.Line.Source.Year!.Value)
                .OrderBy(g => g.Key).Select(g => new YearCount(g.Key, g.Count())).ToList(),
            Offset = offset,
            Limit = request.Limit,
            Lines = page.ToList(),
            TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
        };
    }

    private static void AddLines(List<(ConcordanceLine Line, int Doc, int At, string Key)> lines, ReadOnlySpan<char> text, int from, int to, List<string> forms,
        int context, PassageSource source, int doc, Func<int, bool> keep)
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

            var key = match[Math.Max(0, at - DuplicateWindow)..Math.Min(match.Length, at + length + DuplicateWindow)];
            lines.Add((new ConcordanceLine
            {
                // The context stays in the passage (or heading) the hit is cited by: the one before ended in a sentence
                // of another paragraph, joined with a double space (坚强有力。  全面从严治党|永远在路上).
                Left = Flatten(text[Math.Max(from, start - context)..start].ToString()),
                Hit = Flatten(text[start..end].ToString()),
                Right = Flatten(text[end..Math.Min(to, end + context)].ToString()),
                Source = source,
            }, doc, start, key));
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

    /// <summary>Marks every line whose hit and context also occur in another speech with the first such passage by date.</summary>
    private static void MarkDuplicates(IndexSnapshot index, List<(ConcordanceLine Line, int Doc, int At, string Key)> lines)
    {
        foreach (var group in lines.Select((l, i) => (l, i)).GroupBy(x => x.l.Key, StringComparer.Ordinal))
        {
            var members = group.ToList();
            if (members.Select(m => index.Passages[m.l.Doc].Speech).Distinct().Count() < 2)
            {
                continue;
            }

            var first = members.OrderBy(m => PassageSource.DateKey(index, m.l.Doc), StringComparer.Ordinal).ThenBy(m => m.l.Doc).First();
            foreach (var (l, i) in members)
            {
                if (index.Passages[l.Doc].Speech != index.Passages[first.l.Doc].Speech)
                {
                    lines[i] = l with { Line = l.Line with { DuplicateOf = first.l.Line.Source.PassageId } };
                }
            }
        }
    }

    private static IEnumerable<ConcordanceLine> Order(IndexSnapshot index, List<(ConcordanceLine Line, int Doc, int At, string Key)> lines, ConcordanceSort sort)
    {
        var byDate = lines.OrderBy(l => PassageSource.DateKey(index, l.Doc), StringComparer.Ordinal).ThenBy(l => l.Doc).ThenBy(l => l.At);
        return (sort switch
        {
            ConcordanceSort.DateDescending => lines.OrderBy(l => PassageSource.DateKey(index, l.Doc) == PassageSource.Undated) // undated last, as oldest first has them
                .ThenByDescending(l => PassageSource.DateKey(index, l.Doc), StringComparer.Ordinal).ThenBy(l => l.Doc).ThenBy(l => l.At),
            ConcordanceSort.Left => byDate.OrderBy(l => Reverse(l.Line.Left), Collation.AsComparer()),
            ConcordanceSort.Right => byDate.OrderBy(l => l.Line.Right, Collation.AsComparer()),
            _ => byDate,
        }).Select(l => l.Line);
    }

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
