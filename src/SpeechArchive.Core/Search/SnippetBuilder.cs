using System.Net;
using System.Text;
using SpeechArchive.Analysis;

namespace SpeechArchive.Search;

/// <summary>Makes HTML-safe snippets: the passage text where it shows most of the query (<see cref="MarkedSnippet"/>), escaped, with every hit of the query in &lt;mark&gt;.</summary>
public static class SnippetBuilder
{
    /// <summary>
    /// Character ranges [start, end) of <paramref name="text"/>[from..to) where any of <paramref name="forms"/> (match forms) occurs,
    /// merged and sorted; of <paramref name="affirmedOnly"/> (formulations a query describes), not where the occurrence is
    /// negated (不直接抚养: <see cref="Matcher.Negated"/>), as the ranking does not count it.
    /// </summary>
    public static List<(int Start, int End)> FindHits(ReadOnlySpan<char> text, int from, int to, IEnumerable<string> forms, IReadOnlySet<string>? affirmedOnly = null) =>
        FindHits(text, from, to, forms, affirmedOnly, null).Ranges;

    /// <summary>
    /// As <see cref="FindHits(ReadOnlySpan{char}, int, int, IEnumerable{string}, IReadOnlySet{string}?)"/>, with, per merged range,
    /// the bits of the query's words its forms stand for (<paramref name="concepts"/>: form → word; a form it lacks is a word of
    /// its own).
    /// </summary>
    private static (List<(int Start, int End)> Ranges, List<ulong> Concepts) FindHits(ReadOnlySpan<char> text, int from, int to, IEnumerable<string> forms,
        IReadOnlySet<string>? affirmedOnly, IReadOnlyDictionary<string, int>? concepts)
    {
        var offsets = new List<int>(Math.Max(0, to - from));
        var match = MatchText.Build(text, from, to, offsets);
        var ranges = new List<(int Start, int End, ulong Concept)>();
        var own = concepts?.Count ?? 0;
        foreach (var form in forms.Where(f => f.Length > 0).Distinct())
        {
            var concept = 1UL << (Math.Min(63, concepts is not null && concepts.TryGetValue(form, out var c) ? c : own++));
            MatchText.CountOccurrences(match.AsSpan(), form, at => ranges.Add((offsets[at], offsets[at + form.Length - 1] + 1, concept)),
                affirmedOnly?.Contains(form) == true ? Matcher.Negated : null);
        }

        ranges.Sort();
        var merged = new List<(int Start, int End)>();
        var shown = new List<ulong>();
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
                shown[^1] |= r.Concept;
            }
            else
            {
                merged.Add((r.Start, r.End));
                shown.Add(r.Concept);
            }
        }

        return (merged, shown);
    }

    /// <summary>
    /// A snippet of text[from..to) of about <paramref name="length"/> characters where it shows most of the query's words, then
    /// most of its hits (<see cref="MarkedSnippet.Build"/>; <paramref name="concepts"/> says which forms are one word: a word
    /// and its thesaurus terms); when there is no hit, on <paramref name="focus"/> (a sentence the filters asked for), which is
    /// then marked itself. Negated occurrences of <paramref name="affirmedOnly"/> are not hits (<see cref="FindHits(ReadOnlySpan{char}, int, int, IEnumerable{string}, IReadOnlySet{string}?)"/>).
    /// </summary>
    public static string Build(ReadOnlySpan<char> text, int from, int to, IEnumerable<string> forms, int length = 160, (int Start, int End)? focus = null,
        IReadOnlySet<string>? affirmedOnly = null, IReadOnlyDictionary<string, int>? concepts = null)
    {
        var (hits, shown) = FindHits(text, from, to, forms, affirmedOnly, concepts);
        if (hits.Count == 0 && focus is { } f)
        {
            hits.Add((Math.Max(from, f.Start), Math.Min(to, f.End)));
            shown.Add(1);
        }

        return MarkedSnippet.Build(text, from, to, hits, length, shown);
    }

    /// <summary>Escapes text[start..end) and wraps the given hit ranges in &lt;mark&gt;.</summary>
    public static string Render(ReadOnlySpan<char> text, int start, int end, IReadOnlyList<(int Start, int End)> hits, bool leadingEllipsis = false, bool trailingEllipsis = false)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var sb = new StringBuilder();
        if (leadingEllipsis)
        {
            sb.Append('…');
        }

        var at = start;
        foreach (var (hs, he) in hits)
        {
            var s = Math.Max(hs, start);
            var e = Math.Min(he, end);
            if (e <= s || s < at)
            {
                continue;
            }

            sb.Append(WebUtility.HtmlEncode(text[at..s].ToString())).Append("<mark>").Append(WebUtility.HtmlEncode(text[s..e].ToString())).Append("</mark>");
            at = e;
        }

        sb.Append(WebUtility.HtmlEncode(text[at..end].ToString()));
        if (trailingEllipsis)
        {
            sb.Append('…');
        }

        return sb.ToString();
    }
}
