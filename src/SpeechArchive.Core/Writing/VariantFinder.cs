using System.Diagnostics;
using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// Finds formulation variants (提法变体): candidate passages by shared bigrams, then every sentence of them aligned with the
/// formulation character by character (<see cref="LocalAlignment"/>, halves may be swapped); the aligned wordings, grouped.
/// A wording continued by 、 (…永远在路上、只有进行时) keeps its continuation: words added at the end belong to the variant.
/// </summary>
public static class VariantFinder
{
    public const int MinLength = 4;
    private const int MaxCandidates = 5000;
    private const int MaxPerPassage = 8;

    public static VariantResult Find(IndexSnapshot index, VariantRequest request)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var query = WritingQuery.Parse(index, request.Formulation, request.Filters, "提法");
        var formulation = string.Concat(query.Words.Select(w => w.MatchForm)).Replace(MatchText.Break.ToString(), "", StringComparison.Ordinal);
        if (formulation.Length < MinLength)
        {
            throw new QuerySyntaxException($"提法至少 {MinLength} 个字。(a formulation needs at least {MinLength} characters)");
        }

        var keys = BigramCandidates.KeysOf(formulation);
        var candidates = BigramCandidates.Top(index, keys, MaxCandidates, 0.3, query.Accepts);
        var found = new List<(int Doc, Found Hit)>();
        foreach (var candidate in candidates.OrderBy(c => c.Doc))
        {
            foreach (var hit in Occurrences(index, candidate.Doc, formulation, request.MinSimilarity))
            {
                found.Add((candidate.Doc, hit));
            }
        }

        var variants = found.GroupBy(f => f.Hit.Key, StringComparer.Ordinal)
            .Select(g => Variant(index, g.ToList(), formulation, request.Examples))
            .OrderByDescending(v => v.IsExact).ThenByDescending(v => v.Count).ThenByDescending(v => v.Similarity).ThenBy(v => v.Text, StringComparer.Ordinal)
            .ToList();
        return new VariantResult
        {
            Formulation = request.Formulation,
            Variants = variants,
            Occurrences = found.Count,
            TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
        };
    }

    private sealed record Found(string Key, string Text, int Start, int End, double Similarity, bool Rotated);

    /// <summary>Every aligned wording in a passage, sentence by sentence (best first, then the rest of the sentence again).</summary>
    private static IEnumerable<Found> Occurrences(IndexSnapshot index, int doc, string formulation, double minSimilarity)
    {
        var p = index.Passages[doc];
        var speech = index.Speeches[p.Speech]; // its text is read afresh after each yield (a span cannot cross one)
        var offsets = new List<int>(p.End - p.Start);
        var match = MatchText.Build(speech.TextSpan, p.Start, p.End, offsets).ToCharArray();
        for (var k = 0; k < MaxPerPassage; k++)
        {
            var a = LocalAlignment.AlignRotations(formulation, new string(match));
            var similarity = a.Similarity(formulation.Length);
            if (similarity < minSimilarity || a.TextEnd <= a.TextStart)
            {
                yield break;
            }

            var start = offsets[a.TextStart];
            var end = Extend(speech.TextSpan, offsets[a.TextEnd - 1] + 1, p.End);
            var wording = speech.TextSpan[start..end].ToString();
            yield return new Found(MatchText.Build(wording, 0, wording.Length), wording, start, end, Math.Round(similarity, 3), a.Rotated);
            for (var i = a.TextStart; i < a.TextEnd; i++)
            {
                match[i] = MatchText.Break; // look for another occurrence elsewhere in the passage
            }
        }
    }

    /// <summary>Past a 、 the enumeration goes on: the wording keeps the next item (up to the next punctuation).</summary>
    private static int Extend(ReadOnlySpan<char> text, int end, int limit)
    {
        if (end >= limit || text[end] != '、')
        {
            return end;
        }

        var i = end + 1;
        while (i < limit && TextNormalizer.KindOf(TextNormalizer.Fold(text[i])) == CharKind.Cjk)
        {
            i++;
        }

        return i > end + 1 ? i : end;
    }

    private static FormulationVariant Variant(IndexSnapshot index, List<(int Doc, Found Hit)> group, string formulation, int examples)
    {
        var dated = group.OrderBy(g => PassageSource.DateKey(index, g.Doc), StringComparer.Ordinal).ThenBy(g => g.Doc).ToList();
        var first = dated[0];
        return new FormulationVariant
        {
            Text = first.Hit.Text.Replace('\n', ' '),
            IsExact = first.Hit.Key == formulation,
            Reordered = first.Hit.Rotated,
            Similarity = group.Max(g => g.Hit.Similarity),
            Count = group.Count,
            Speeches = group.Select(g => index.Passages[g.Doc].Speech).Distinct().Count(),
            FirstUsed = DateText(index, first.Doc),
            LastUsed = DateText(index, dated[^1].Doc),
            Examples = dated.Take(Math.Max(0, examples)).Select(g => Occurrence(index, g.Doc, g.Hit)).ToList(),
        };
    }

    private static VariantOccurrence Occurrence(IndexSnapshot index, int doc, Found hit)
    {
        var p = index.Passages[doc];
        var snippet = MarkedSnippet.Build(p.SourceText, p.Start, p.End, [(hit.Start, hit.End)], 120);
        return new VariantOccurrence(PassageSource.Of(index, doc), snippet);
    }

    private static string? DateText(IndexSnapshot index, int doc)
    {
        var s = index.Speeches[index.Passages[doc].Speech];
        return s.Date ?? s.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
