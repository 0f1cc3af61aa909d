using SpeechArchive.Analysis;

namespace SpeechArchive.Search;

/// <summary>
/// The understanding stage for free text: an unquoted query without OR is read as its runs as written, then their words
/// (segmented with the archive's lexicon) without question and function words; a word no passage holds is split into parts.
/// Quoted phrases, exclusions and filters keep their exact meaning.
/// </summary>
internal static class FreeTextReader
{
    /// <summary>
    /// The free-text reading of <paramref name="query"/>, or null when the query is to be matched strictly: exact mode, OR
    /// between words, nothing unquoted, or runs that are each one word found as typed (free text would change nothing).
    /// </summary>
    public static FreeTextQuery? Read(ParsedQuery query, SearchMode mode, Segmenter segmenter, Thesaurus? thesaurus, Func<QueryWord, WordMatch> match)
    {
        if (mode == SearchMode.Exact || query.Required.Any(c => c.Alternatives.Count != 1))
        {
            return null;
        }

        var clauses = query.Required.Select(c => c.Alternatives[0]).ToList();
        var runs = clauses.Where(w => !w.Quoted).ToList();
        if (runs.Count == 0)
        {
            return null;
        }

        var plain = mode == SearchMode.Words;
        var words = new List<string>();
        var dropped = new List<string>();
        foreach (var run in runs)
        {
            foreach (var span in segmenter.Segment(run.MatchForm))
            {
                var word = span.Text;
                if (QueryStopWords.Contains(word) || (word.Length == 1 && span.Kind == WordKind.Han))
                {
                    dropped.Add(word);
                }
                else if (!words.Contains(word))
                {
                    words.Add(word);
                }
            }
        }

        if (words.Count == 0)
        {
            // Nothing but question and function words: search them after all.
            words.AddRange(dropped.Distinct());
            dropped.Clear();
        }

        var slots = new List<WordSlot>();
        var missing = new List<string>();
        var parts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var found = plain ? (Found(word) ? [word] : []) : Parts(word);
            if (found.Count == 0)
            {
                missing.Add(word);
                continue;
            }

            var expansions = plain || thesaurus is null ? [] : thesaurus.RelatedTo(word).Where(r => !words.Contains(r)).Select(Word).ToList();
            slots.Add(new WordSlot(word, [.. found.Select(Word)], expansions));
        }

        if (!plain && dropped.Count == 0 && missing.Count == 0 && runs.Count == slots.Count
            && runs.Zip(slots).All(x => !x.Second.Split && x.Second.Text == x.First.MatchForm))
        {
            return null; // each run is one word found as typed: strict matching means the same
        }

        var n = slots.Count;
        var minimum = plain ? Math.Min(1, n) : n <= 2 ? n : n <= 4 ? n - 1 : (int)Math.Ceiling(0.6 * n);
        return new FreeTextQuery(runs, slots, dropped, missing, minimum, [.. clauses.Where(w => w.Quoted)], plain);

        bool Found(string word) => match(Word(word)).DocFrequency > 0;

        // The word if some passage holds it; else the parts of its best split into two (each split again), else nothing.
        List<string> Parts(string word)
        {
            if (parts.TryGetValue(word, out var known))
            {
                return known;
            }

            List<string> result = [];
            if (Found(word))
            {
                result = [word];
            }
            else if (word.Length > 1)
            {
                foreach (var cut in Cuts(word.Length))
                {
                    var (left, right) = (word[..cut], word[cut..]);
                    var l = QueryStopWords.Contains(left) ? [] : Parts(left);
                    var r = QueryStopWords.Contains(right) ? [] : Parts(right);
                    if (l.Count > 0 && r.Count > 0)
                    {
                        result = [.. l, .. r];
                        break;
                    }

                    if (result.Count == 0)
                    {
                        result = [.. l, .. r];
                    }
                }
            }

            parts[word] = result;
            return result;
        }
    }

    /// <summary>Where to split a word of <paramref name="length"/> characters, most balanced first.</summary>
    private static IEnumerable<int> Cuts(int length) =>
        Enumerable.Range(1, length - 1).OrderBy(c => Math.Abs((2 * c) - length)).ThenBy(c => c);

    private static QueryWord Word(string form) => new(form, false, form);
}
