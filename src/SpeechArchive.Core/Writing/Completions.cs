using System.Diagnostics;
using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// Completions of what is being typed in a search box (<c>/api/complete</c>): how the archive goes on after the last word
/// typed, read from the passages that hold it, as a concordance would. Two kinds, each counted by the passages it comes
/// from: the word the typed text ends inside (全面从严 → 全面从严治党), cut by the archive's lexicon, and the clause it
/// begins, up to the next punctuation mark (全面从严治党 → 全面从严治党永远在路上; a clause only where two passages or more
/// say it). Only completions to the right: what is typed stays the start. Where more than <see cref="MaxSampled"/>
/// passages hold the text, an even sample of them is read and the counts are scaled (<see cref="CompletionResult.Approximate"/>).
/// </summary>
public static class Completions
{
    /// <summary>At most this many passages are read for one request (an even sample when more hold the text).</summary>
    public const int MaxSampled = 1_000;

    /// <summary>The longest continuation read after the typed text: a clause that runs on further is not offered.</summary>
    public const int MaxContinuation = 16;

    public const int MaxLimit = 20;

    /// <summary>Fewest Han characters typed before anything is completed (one character would read most of the archive).</summary>
    public const int MinTyped = 2;

    public static CompletionResult Complete(IndexSnapshot index, string? text, IReadOnlyList<string>? filters, int limit)
    {
        ArgumentNullException.ThrowIfNull(index);
        var clock = Stopwatch.StartNew();
        text ??= "";
        if (text.Length > QueryParser.MaxLength)
        {
            throw new QuerySyntaxException($"输入过长：{text.Length} 个字符，上限 {QueryParser.MaxLength}。(text too long: {text.Length} characters, the limit is {QueryParser.MaxLength})");
        }

        var cut = text.TrimEnd().LastIndexOfAny([' ', '\u3000', '\t']) + 1;
        var head = text[..cut];
        var typed = text[cut..].TrimEnd();
        var form = MatchText.Build(typed, 0, typed.Length);
        if (form.Length < MinTyped || form.Length != typed.Length
            || !form.All(c => TextNormalizer.KindOf(c) == CharKind.Cjk))
        {
            // A filter, an operator, a quote, Latin letters, punctuation: nothing to complete.
            return new CompletionResult { Text = text, Typed = form, Passages = 0, Completions = [], TookMs = Elapsed(clock) };
        }

        // Filters typed before the last word (year:2022 全面从严) count as the page's do: the completions are the search's.
        var query = WritingQuery.Parse(index, form, [.. filters ?? [], .. QueryParser.FilterTerms(head)], "词语");
        var docs = query.Passages(query.Words[0]).ToList();
        var step = Math.Max(1, (docs.Count + MaxSampled - 1) / MaxSampled);
        var sampled = 0;
        // What follows the typed text up to the clause's end in each passage, and the word the segmenter cut the typed text's
        // end into there (the typed text itself where it ends a word).
        var sayings = new List<(string Said, string Word, int Doc, bool Ended)>();
        var segmenter = SearchStructures.Of(index).Segmenter;
        var offsets = new List<int>();
        for (var k = 0; k < docs.Count; k += step)
        {
            var doc = docs[k];
            sampled++;
            var p = index.Passages[doc];
            offsets.Clear();
            var match = MatchText.Build(p.SourceText, p.Start, p.End, offsets);
            for (var at = match.IndexOf(form, StringComparison.Ordinal); at >= 0; at = match.IndexOf(form, at + 1, StringComparison.Ordinal))
            {
                if (offsets[at + form.Length - 1] - offsets[at] != form.Length - 1)
                {
                    continue; // held across punctuation (八）项目 for 八项): the passage does not say it as typed
                }

                var (continuation, ended) = Continuation(p.SourceText, offsets[at + form.Length - 1] + 1, p.End);
                var before = Before(p.SourceText, p.Start, offsets[at]);
                var said = form + continuation;
                var clauseStart = said.IndexOf(EnumerationComma, StringComparison.Ordinal) is var comma and >= 0 ? said[..comma] : said; // a word ends at the comma
                if (WordEnd(segmenter, before + clauseStart, before.Length, form.Length) is not { } end)
                {
                    continue; // 八项 of 十八项目: the text begins inside a word and another word ends it
                }

                sayings.Add((said, said[..end], doc, ended));
            }
        }

        // A word counts the passages whose own word begins with it (八项规定 those saying 八项规定精神 too; 人民共, cut from
        // 中华人民共 / 和国, not those saying 人民 | 共同); a clause those saying it and no more, where two passages or more do.
        sayings.Sort((a, b) => string.CompareOrdinal(a.Word, b.Word));
        var wordsSorted = sayings.Select(x => x.Word).ToArray();
        var candidates = new List<(string Said, int Passages, bool Clause)>();
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cut0 in wordsSorted.Where(w => w.Length > form.Length).Distinct(StringComparer.Ordinal))
        {
            var (from, to) = Range(wordsSorted, cut0);
            var holding = sayings.GetRange(from, to - from);
            var word = Settled(holding.Where(x => x.Word.Length == cut0.Length).ToList(), cut0); // where the segmenter stopped at it
            if (words.Add(word))
            {
                candidates.Add((word, holding.Where(x => x.Said.StartsWith(word, StringComparison.Ordinal)).Select(x => x.Doc).Distinct().Count(), false));
            }
        }

        foreach (var clause in sayings.Where(x => x.Ended && x.Said.Length > form.Length).GroupBy(x => x.Said, StringComparer.Ordinal))
        {
            if (!words.Contains(clause.Key) && clause.Select(x => x.Doc).Distinct().Count() is var n and >= 2)
            {
                candidates.Add((clause.Key, n, true));
            }
        }

        var scale = docs.Count / (double)Math.Max(1, sampled);
        var completions = candidates
            .OrderByDescending(c => c.Passages).ThenBy(c => c.Said.Length).ThenBy(c => c.Said, StringComparer.Ordinal)
            .Take(Math.Clamp(limit, 1, MaxLimit))
            .Select(c => new Completion(head + typed + c.Said[form.Length..], c.Said, (int)Math.Round(c.Passages * scale), c.Clause ? CompletionKind.Clause : CompletionKind.Word))
            .ToList();
        return new CompletionResult
        {
            Text = text,
            Typed = form,
            Passages = docs.Count,
            Approximate = step > 1,
            Completions = completions,
            TookMs = Elapsed(clock),
        };
    }

    /// <summary>
    /// The Han characters from <paramref name="from"/> up to the next other character (punctuation, a space, a digit), folded
    /// as matched, and whether the clause ended there rather than running past <see cref="MaxContinuation"/>. An enumeration
    /// comma before a Han character is kept, not an end (the typed text ends in one): 不忘初心、牢记使命 is said as one
    /// formulation, also after 不忘初心 typed whole.
    /// </summary>
    private static (string Text, bool Ended) Continuation(ReadOnlySpan<char> text, int from, int end)
    {
        var to = from;
        while (to < end && to - from <= MaxContinuation
            && (TextNormalizer.KindOf(text[to]) == CharKind.Cjk
                || (text[to] == EnumerationComma && to + 1 < end && TextNormalizer.KindOf(text[to + 1]) == CharKind.Cjk)))
        {
            to++;
        }

        var ended = to - from <= MaxContinuation;
        to = Math.Min(to, from + MaxContinuation);
        if (to > from && text[to - 1] == EnumerationComma)
        {
            to--; // cut by the length, just after a comma
        }

        var parts = new List<string>();
        for (var start = from; start < to;)
        {
            var comma = text[start..to].IndexOf(EnumerationComma);
            var stop = comma < 0 ? to : start + comma;
            parts.Add(MatchText.Build(text, start, stop));
            start = stop + 1;
        }

        return (string.Join(EnumerationComma, parts), ended);
    }

    private const char EnumerationComma = '、';

    /// <summary>The Han characters just before <paramref name="at"/> (up to four, folded): the context the typed text is cut in.</summary>
    private static string Before(ReadOnlySpan<char> text, int start, int at)
    {
        var from = at;
        while (from > start && at - from < 4 && TextNormalizer.KindOf(text[from - 1]) == CharKind.Cjk)
        {
            from--;
        }

        return MatchText.Build(text, from, at);
    }

    /// <summary>
    /// Where, in <c>said</c> (<paramref name="text"/> from <paramref name="typedStart"/>), the word holding the last typed
    /// character ends, cut in its context; null where the typed text starts inside a word and the last typed character
    /// belongs to another (八项 of 十八项目: 十八 | 项目): it is then no start of what the passage says.
    /// </summary>
    private static int? WordEnd(Segmenter segmenter, string text, int typedStart, int typed)
    {
        var typedEnd = typedStart + typed;
        var startsWord = typedStart == 0;
        foreach (var word in segmenter.Segment(text))
        {
            startsWord |= word.Start == typedStart;
            if (word.Start < typedEnd && word.End >= typedEnd)
            {
                return startsWord || word.Start <= typedStart ? Math.Max(word.End, typedEnd) - typedStart : null;
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="word"/> taken on while nearly every saying holding it goes on with the same character: a word the
    /// lexicon cut short (人民共 of 中华人民共 / 和国 → 人民共和国, 中国境 → 中国境内) is no place to stop. Read over the sayings
    /// the segmenter cut there (not 人民共同富裕, a word of its own).
    /// </summary>
    private static string Settled(List<(string Said, string Word, int Doc, bool Ended)> holding, string word)
    {
        while (word.Length < MaxContinuation)
        {
            var going = holding.Where(x => x.Said.StartsWith(word, StringComparison.Ordinal)).ToList();
            if (going.Count < 3)
            {
                return word;
            }

            var next = going.Where(x => x.Said.Length > word.Length).GroupBy(x => x.Said[word.Length]).MaxBy(g => g.Count());
            if (next is null || next.Count() < 0.9 * going.Count || next.Key == EnumerationComma)
            {
                return word; // a word ends at a comma; what follows it is a clause's
            }

            word += next.Key;
        }

        return word;
    }

    /// <summary>The entries of <paramref name="sorted"/> that begin with <paramref name="text"/>: [from, to).</summary>
    private static (int From, int To) Range(string[] sorted, string text)
    {
        var from = Array.BinarySearch(sorted, text, StringComparer.Ordinal);
        if (from < 0)
        {
            from = ~from;
        }

        while (from > 0 && sorted[from - 1].StartsWith(text, StringComparison.Ordinal))
        {
            from--;
        }

        var to = from;
        while (to < sorted.Length && sorted[to].StartsWith(text, StringComparison.Ordinal))
        {
            to++;
        }

        return (from, to);
    }

    private static double Elapsed(Stopwatch clock) => Math.Round(clock.Elapsed.TotalMilliseconds, 2);
}
