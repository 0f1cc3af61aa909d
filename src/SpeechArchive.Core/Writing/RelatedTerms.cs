using System.Diagnostics;
using SpeechArchive.Analysis;
using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// Significant terms: strings that occur in the passages matching a query far more than in the archive at large (JLH score,
/// as Elasticsearch's significant_terms: (fg% − bg%) · fg%/bg%). Bigrams are scored from the postings; runs of significant
/// bigrams in the matching passages become the terms (主体责任 rather than 主体, 体责, 责任), scored again as phrases.
/// </summary>
public static class RelatedTerms
{
    private const int MaxForeground = 1500;

    /// <summary>How many of a free-text query's best passages are its foreground (what a reader of its first pages sees).</summary>
    public const int FreeTextForeground = 200;
    private const int SignificantBigrams = 80;
    private const int MinForeground = 3;
    private const int MaxTermLength = 8;
    private const int MaxScored = 60;

    /// <summary>How often a candidate term occurs and what stands before and after it.</summary>
    private sealed class TermCounts
    {
        private readonly Dictionary<char, int> left = [];
        private readonly Dictionary<char, int> right = [];
        private int occurrences;
        private int aligned;
        private int lastDoc = -1;

        public int Passages { get; private set; }

        /// <summary>
        /// Whether the term stands on its own: no one character precedes (or follows) most of its occurrences, else it is
        /// a piece of a longer term (上率下 of 以上率下).
        /// </summary>
        public bool IsComplete => Dominant(left) * 10 < occurrences * 7 && Dominant(right) * 10 < occurrences * 7;

        /// <summary>
        /// Whether most of its occurrences begin and end where the index's segmenter cuts the passage into words: 党成 of
        /// 党 / 成为 and 项规定精神 of 八项规定 / 精神 do not, 党的建设 and 一岗双责 do.
        /// </summary>
        public bool IsWords => aligned * 2 > occurrences;

        /// <summary>Distinct characters seen before and after (a two-character term needs a few of each to be a word, not a seam).</summary>
        public int Neighbours => Math.Min(left.Count + (edgesLeft > 0 ? 1 : 0), right.Count + (edgesRight > 0 ? 1 : 0));

        /// <summary>
        /// Whether the segmenter cuts its first (last) character off as a word of its own in most occurrences: 以 of 以党, 由
        /// of 子女由, which are a preposition and a word rather than a term.
        /// </summary>
        public bool FirstCutOff => firstCut * 2 > occurrences;

        public bool LastCutOff => lastCut * 2 > occurrences;

        private int edgesLeft;
        private int edgesRight;
        private int firstCut;
        private int lastCut;

        public void Add(int doc, char before, char after, bool onWordEdges, bool firstCutOff, bool lastCutOff)
        {
            occurrences++;
            aligned += onWordEdges ? 1 : 0;
            firstCut += firstCutOff ? 1 : 0;
            lastCut += lastCutOff ? 1 : 0;
            if (doc != lastDoc)
            {
                Passages++;
                lastDoc = doc;
            }

            edgesLeft += Bump(left, before);
            edgesRight += Bump(right, after);
        }

        private static int Dominant(Dictionary<char, int> counts) => counts.Count == 0 ? 0 : counts.Values.Max();

        /// <summary>
        /// Counts a neighbour: every numeral (二十三, 23, 第) as one, so that a string cut from a number's side is bound to it (次会议通过
        /// of 第二十三次会议通过, 届三中全会 of 十一届三中全会, 党的十 of 党的十八大); another character not Chinese is an edge.
        /// </summary>
        private static int Bump(Dictionary<char, int> counts, char c)
        {
            if (char.IsDigit(c) || GramLevel.IsNumeral(c))
            {
                c = Numeral;
            }
            else if (TextNormalizer.KindOf(c) != CharKind.Cjk)
            {
                return 1;
            }

            counts[c] = counts.GetValueOrDefault(c) + 1;
            return 0;
        }

        /// <summary>The one neighbour every numeral counts as.</summary>
        private const char Numeral = '#';
    }

    /// <summary>
    /// The shorter words a word of four characters or more is made of (<see cref="Lexicon.Components"/>: the archive learns
    /// long compounds), remembered for the call: a term that is one or several whole components of one such word stands on
    /// word edges too (民主 of 社会主义民主, 当家作主 of 人民当家作主, 执法 of 严格执法).
    /// </summary>
    private static IReadOnlyList<string> ComponentsOf(Segmenter segmenter, string word, Dictionary<string, IReadOnlyList<string>> known)
    {
        if (word.Length < 4)
        {
            return [];
        }

        if (!known.TryGetValue(word, out var parts))
        {
            parts = segmenter.Lexicon.Components(word);
            known[word] = parts;
        }

        return parts;
    }

    /// <summary>
    /// Where the segmenter cuts a passage: its word edges, and for each word of several components the cuts between them
    /// (a term standing on them must lie within that one word: 在贫困 of 在 / 贫困地区 does not).
    /// </summary>
    private sealed class Cuts
    {
        private readonly bool[] edges;
        private readonly int[] word; // per character: the index of the word holding it, −1 for none
        private readonly (int Start, int End)[] words;
        private readonly bool[] inner; // a cut between two components of the word around it

        public Cuts(string text, Segmenter segmenter, Dictionary<string, IReadOnlyList<string>> components)
        {
            edges = new bool[text.Length + 1];
            inner = new bool[text.Length + 1];
            word = new int[text.Length];
            Array.Fill(word, -1);
            var spans = segmenter.Segment(text);
            words = new (int, int)[spans.Count];
            for (var k = 0; k < spans.Count; k++)
            {
                var span = spans[k];
                words[k] = (span.Start, span.End);
                edges[span.Start] = edges[span.End] = true;
                Array.Fill(word, k, span.Start, span.End - span.Start);
                var at = span.Start;
                foreach (var part in ComponentsOf(segmenter, span.Text, components).SkipLast(1))
                {
                    at += part.Length;
                    inner[at] = true;
                }
            }
        }

        /// <summary>Whether the segmenter cuts at <paramref name="at"/> (a word edge).</summary>
        public bool Edge(int at) => edges[at];

        /// <summary>
        /// Whether text[a..b] begins and ends on word edges, or is whole components of one word (its ends on that word's edges
        /// or on the cuts between its components).
        /// </summary>
        public bool Aligned(int a, int b)
        {
            if (edges[a] && edges[b])
            {
                return true;
            }

            if (word[a] < 0 || word[a] != word[b - 1])
            {
                return false;
            }

            var (start, end) = words[word[a]];
            return (a == start || inner[a]) && (b == end || inner[b]);
        }
    }

    private static void CountRuns(int doc, string text, Segmenter segmenter, HashSet<long> significant, Dictionary<string, TermCounts> candidates,
        Dictionary<string, IReadOnlyList<string>> components)
    {
        Cuts? cuts = null; // where the segmenter cuts the text, made once a run is found
        var i = 0;
        while (i + 1 < text.Length)
        {
            if (!significant.Contains(TermKey.Bigram(text[i], text[i + 1])))
            {
                i++;
                continue;
            }

            cuts ??= new Cuts(text, segmenter, components);
            var j = i + 1; // the run covers text[i..j]
            while (j + 1 < text.Length && significant.Contains(TermKey.Bigram(text[j], text[j + 1])))
            {
                j++;
            }

            for (var a = i; a < j; a++)
            {
                for (var b = a + 2; b <= Math.Min(j + 1, a + MaxTermLength); b++)
                {
                    var term = text[a..b];
                    if (!candidates.TryGetValue(term, out var counts))
                    {
                        counts = new TermCounts();
                        candidates[term] = counts;
                    }

                    counts.Add(doc, a > 0 ? text[a - 1] : ' ', b < text.Length ? text[b] : ' ', cuts.Aligned(a, b), cuts.Edge(a) && cuts.Edge(a + 1), cuts.Edge(b - 1) && cuts.Edge(b));
                }
            }

            i = j;
        }
    }


    /// <summary>
    /// The terms that occur with <paramref name="query"/>'s passages far more than in the archive at large. A query no passage
    /// holds as written (怎样防止干部腐败) is read as free text by <paramref name="understood"/>, when given one (the search
    /// page's and <c>related</c>'s searcher), and its first <see cref="FreeTextForeground"/> passages are the foreground,
    /// its words (防止 干部 腐败) the query's own.
    /// </summary>
    public static RelatedTermsResult Find(IndexSnapshot index, string query, IReadOnlyList<string>? filters = null, int limit = 20, Searcher? understood = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        var clock = Stopwatch.StartNew();
        var parsed = WritingQuery.Parse(index, query, filters, "词语");
        var docs = Foreground(index, parsed);
        var queryForms = parsed.Words.Select(w => w.MatchForm).ToList();
        IReadOnlyList<string> readAs = [];
        if (docs.Count == 0 && understood is not null
            && understood.Search(new SearchRequest { Query = query, Filters = filters ?? [], Limit = FreeTextForeground, NearMatches = false }) is { Reading: { } reading } found)
        {
            docs = [.. found.Hits.Select(h => index.FindPassage(h.PassageId)).OfType<int>().Distinct().Order()];
            readAs = [.. reading.Words.Select(w => w.Word)];
            queryForms = [.. queryForms, .. reading.Words.SelectMany(w => w.Parts.Where(p => p.Length > 1).Append(w.Word)).Select(w => MatchText.Build(w, 0, w.Length))];
        }

        var n = index.Passages.Count;
        var sample = docs.Count <= MaxForeground ? docs : Enumerable.Range(0, MaxForeground).Select(i => docs[(int)((long)i * docs.Count / MaxForeground)]).ToList();
        var f = sample.Count;
        if (f == 0 || n == 0)
        {
            return new RelatedTermsResult { Query = query, Foreground = docs.Count, ReadAs = readAs, Terms = [], TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2) };
        }

        var bigramDf = new Dictionary<long, int>();
        foreach (var doc in sample)
        {
            foreach (var key in BigramCandidates.KeysOf(index.Passages[doc].MatchText))
            {
                bigramDf[key] = bigramDf.TryGetValue(key, out var c) ? c + 1 : 1;
            }
        }

        var minForeground = Math.Max(MinForeground, (int)Math.Ceiling(f * 0.01));
        var significant = bigramDf.Where(kv => kv.Value >= minForeground)
            .Select(kv => (kv.Key, Score: Jlh(kv.Value, f, index.Postings(kv.Key)?.Docs.Length ?? 0, n)))
            .Where(x => x.Score > 0).OrderByDescending(x => x.Score).ThenBy(x => x.Key).Take(SignificantBigrams)
            .Select(x => x.Key).ToHashSet();

        // Candidate terms: the substrings of runs of significant bigrams, with the characters seen either side of them.
        var candidates = new Dictionary<string, TermCounts>(StringComparer.Ordinal);
        var segmenter = SearchStructures.Of(index).Segmenter;
        var components = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var doc in sample)
        {
            CountRuns(doc, index.Passages[doc].MatchText, segmenter, significant, candidates, components);
        }

        var scored = new List<RelatedTerm>();
        foreach (var (term, counts) in candidates.Where(kv => kv.Value.Passages >= minForeground && kv.Value.IsComplete && kv.Value.IsWords && IsWordLike(kv.Key, kv.Value))
                     .OrderByDescending(kv => kv.Value.Passages).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(MaxScored))
        {
            if (queryForms.Any(q => q.Contains(term, StringComparison.Ordinal) || term.Contains(q, StringComparison.Ordinal)))
            {
                continue;
            }

            var fg = counts.Passages;
            var bg = Matcher.Match(index, new QueryWord(term, true, term)).Docs.Length;
            var score = Jlh(fg, f, Math.Max(bg, fg), n);
            if (score > 0)
            {
                scored.Add(new RelatedTerm(term, fg, bg, Math.Round(score, 4)));
            }
        }

        // A term inside a longer term that covers most of its passages adds nothing.
        var terms = scored.OrderByDescending(t => t.Score).ThenBy(t => t.Term, StringComparer.Ordinal).ToList();
        var kept = new List<RelatedTerm>();
        foreach (var t in terms)
        {
            if (kept.Count >= limit)
            {
                break;
            }

            if (!terms.Any(o => o.Term.Length > t.Term.Length && o.Term.Contains(t.Term, StringComparison.Ordinal) && o.Foreground * 10 >= t.Foreground * 7)
                && !kept.Any(k => k.Term.Contains(t.Term, StringComparison.Ordinal)))
            {
                kept.Add(t);
            }
        }

        return new RelatedTermsResult
        {
            Query = query, Foreground = docs.Count, ReadAs = readAs, Terms = kept, NearInMeaning = NearInMeaning(index, readAs.Count > 0 ? [.. readAs] : queryForms, limit),
            TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
        };
    }

    /// <summary>Function characters a term does not start or end with (进党的, 和作风 are seams, not terms).</summary>
    private const string NoStart = "的了和与及是也而并或之其";
    private const string NoEnd = "的了和与及是在对把被将也而并或之其";

    /// <summary>The words nearest the query's words by meaning that passages hold, none of them a query word or part of one.</summary>
    private static IReadOnlyList<Neighbour> NearInMeaning(IndexSnapshot index, List<string> queryForms, int limit)
    {
        var text = string.Concat(queryForms);
        if (text.Length == 0 || index.MeaningVectors is null)
        {
            return [];
        }

        var words = Neighbours.WordsSaid(index);
        return [.. Neighbours.Find(index, text, Math.Min(Neighbours.MaxLimit, limit * 2)).Neighbours
            .Where(n => n.Passages > 0 && !queryForms.Any(q => q.Contains(n.Word, StringComparison.Ordinal) || n.Word.Contains(q, StringComparison.Ordinal)))
            .Where(n => words(n.Word))
            .Take(limit)];
    }

    /// <summary>Prepositions a term does not start or end with where the segmenter cuts them off (以党, 子女由; 以人为本 is one word).</summary>
    private const string Prepositions = "以由对从向于被把将给按";

    private static bool IsWordLike(string term, TermCounts counts) =>
        !QueryStopWords.Contains(term) && !NoStart.Contains(term[0], StringComparison.Ordinal) && !NoEnd.Contains(term[^1], StringComparison.Ordinal)
        && !(counts.FirstCutOff && Prepositions.Contains(term[0], StringComparison.Ordinal))
        && !(counts.LastCutOff && Prepositions.Contains(term[^1], StringComparison.Ordinal))
        && (term.Length > 2 || counts.Neighbours >= 3);

    /// <summary>JLH: how much more often in the foreground than in the background, times the absolute difference; 0 when not more often.</summary>
    public static double Jlh(int foregroundCount, int foregroundSize, int backgroundCount, int backgroundSize)
    {
        var fg = (double)foregroundCount / foregroundSize;
        var bg = (double)Math.Max(1, backgroundCount) / backgroundSize;
        return fg <= bg ? 0 : (fg - bg) * (fg / bg);
    }

    private static List<int> Foreground(IndexSnapshot index, WritingQuery query)
    {
        HashSet<int>? docs = null;
        foreach (var clause in query.Parsed.Required)
        {
            var matched = new HashSet<int>();
            foreach (var word in clause.Alternatives)
            {
                matched.UnionWith(query.Passages(word));
            }

            if (docs is null)
            {
                docs = matched;
            }
            else
            {
                docs.IntersectWith(matched);
            }
        }

        return (docs ?? []).Order().ToList();
    }
}
