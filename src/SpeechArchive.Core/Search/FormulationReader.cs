using SpeechArchive.Analysis;

namespace SpeechArchive.Search;

/// <summary>
/// Reads which formulations a query describes by how near it is to their descriptions, scored by weights learned from the
/// descriptions themselves: each description held out in turn is a paraphrase of its formulation that the others must find
/// (<c>eval-reading --learn</c>). A query and a description are compared by their characters, each weighed by how rare it is
/// among the descriptions (log(1 + N / (1 + n))): the share of each side's weight the other says (as single characters, as
/// pairs of neighbours, and in order: the heaviest common subsequence), the share of the formulation's own characters the
/// query says, and the share of the query's characters and pairs that its descriptions (and its name) say between them (a paraphrase says
/// some of what one description says and some of another's: 钢铁厂太多关掉一批 of 钢铁产量太多 and 关掉多余的工厂). A
/// formulation's score is its nearest description's; those at <see cref="Threshold"/> or above are read.
/// </summary>
internal sealed class FormulationReader
{
    /// <summary>The features' names, in the order <see cref="Candidates"/> gives them.</summary>
    public static readonly string[] FeatureNames =
    [
        "characters of the description said", "characters of the query said", "pairs of the description said", "pairs of the query said",
        "description in order", "query in order", "formulation's characters said", "log description length",
        "query said by its formulation", "query pairs said by its formulation",
    ];

    /// <summary>
    /// The features' weights (per unit), as <c>eval-reading --learn</c> prints them: pairwise logistic regression of each held-out
    /// description's right formulation against the twenty others it is nearest, over ten folds of the built-in descriptions
    /// (learned again when the fillers of time were added to the stop list, forty-eighth session, and when the base lexicon and
    /// vectors were learned again from folded text, fifty-first session, and when 要做 and its like were listed as fillers,
    /// fifty-sixth session: the seventh weight 2.1909 → 2.1908, and when a word that is another formulation's whole description
    /// stopped reading a formulation alone, sixty-third session: the right formulation first for 0.460 of them, as before, and
    /// when the 641 statement formulations were added and one word said of many formulations stopped reading one with a lone
    /// character beside it, sixty-fourth session: first right for 0.350 of the 15,072, more alike to choose from, and with the
    /// two features of what the formulation's descriptions say between them, sixty-fifth session: first right for 0.391, and
    /// with six more descriptions of every formulation written, one character of a word no second thing said, and
    /// <see cref="OneWordFormulations"/> at eight, the same session: first right for 0.326 of 25,071, the new descriptions
    /// sharing fewer of their formulation's words).
    /// </summary>
    internal static readonly double[] Weights = [1.5696, 0.9413, 0.1802, -0.7599, 1.3274, 0.8930, 1.4765, 0.1873, 2.9415, 2.4426];

    /// <summary>
    /// The score a formulation must reach to be read: chosen on the tune split's and the learning set's paraphrases, from 5.0,
    /// 5.5, 6.0 and 6.5 (docs/relevance.md, forty-third session), and 5.25 against 5.0 and 5.5 on the same splits when the 641
    /// statement formulations were added (sixty-fourth session), and 4.5 against 4.25, 4.75, 5.0 and 5.25 when the scores came
    /// to weigh what a formulation's descriptions say between them, then 4.25 against 4.0, 4.5 and 5.0 once six more descriptions
    /// of every formulation were written (sixty-fifth session).
    /// </summary>
    public const double Threshold = 4.25;

    /// <summary>A second formulation is read only this near the first's score.</summary>
    public const double SecondWithin = 1.0;

    /// <summary>
    /// A description whose heaviest sequence of characters in common with the query (in order) lies in one of the query's words
    /// (question and function words not counted) names a formulation only where the descriptions of at most this many
    /// formulations say that word: 基层干部 (four) says what 基层干部太累 is about; 老百姓 (over a hundred) says little, and
    /// 老百姓买房难 does not describe 侵害群众利益 for the 老百姓 of 坑老百姓. One whose sequence lies in function words only is
    /// not scored. Five until the sixty-fifth session, when every formulation got six more descriptions (1.7 times as many):
    /// 爷爷奶奶 of 爹妈都去城里打工娃娃跟着爷爷奶奶过 came to be said of more than five, and 留守儿童 was no longer read.
    /// </summary>
    public const int OneWordFormulations = 8;

    /// <summary>A query of more Chinese characters than this is not read (the descriptions have about ten; each is compared in order).</summary>
    public const int LongestQuery = 64;

    /// <summary>Descriptions sharing less than this share of their characters' weight with the query are not scored.</summary>
    private const double Candidate = 0.3;

    private readonly List<Description> descriptions = [];
    private readonly Dictionary<char, double> characterWeights = [];
    private readonly Dictionary<string, double> pairWeights = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<int>> byCharacter = [];
    private readonly Dictionary<string, (string Characters, double Whole)> names = new(StringComparer.Ordinal);

    /// <summary>The formulations each name and each whole description (its Chinese characters) names (<see cref="NamesAnother"/>).</summary>
    private readonly Dictionary<string, HashSet<string>> whole = new(StringComparer.Ordinal);
    private readonly int longest;

    /// <summary>Every character and every pair of neighbours some description of a formulation, or its name, says.</summary>
    private readonly Dictionary<string, (HashSet<char> Characters, HashSet<string> Pairs)> said = new(StringComparer.Ordinal);

    /// <summary>
    /// How many formulations' descriptions say a word, counted the first time a query's word needs it (a word is a piece of
    /// a query: a lexicon word or a character, so the words counted are bounded by the lexicon).
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> formulationsByWord = new(StringComparer.Ordinal);

    /// <summary>
    /// A description of two Chinese characters or more: its formulation, its characters in order, its pairs of neighbours,
    /// and the weight of its distinct characters, of its pairs, and of its characters in order (repeats counted).
    /// </summary>
    private sealed record Description(string Formulation, string Characters, HashSet<string> Pairs, double CharacterWhole, double PairWhole, double InOrderWhole);

    public FormulationReader(IEnumerable<(string Formulation, IReadOnlyList<string> Descriptions)> formulations)
    {
        ArgumentNullException.ThrowIfNull(formulations);
        var read = formulations.SelectMany(f => f.Descriptions.Select(d => (f.Formulation, Characters: HanOf(d)))).Where(d => d.Characters.Length > 1).ToList();
        var n = Math.Max(1, read.Count);
        var saying = new Dictionary<char, int>();
        var pairSaying = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, characters) in read)
        {
            foreach (var c in characters.Distinct())
            {
                saying[c] = saying.GetValueOrDefault(c) + 1;
            }

            foreach (var p in FormulationMatcher.Pairs([characters]))
            {
                pairSaying[p] = pairSaying.GetValueOrDefault(p) + 1;
            }
        }

        foreach (var (c, count) in saying)
        {
            characterWeights[c] = Math.Log(1 + (n / (1.0 + count)));
        }

        foreach (var (p, count) in pairSaying)
        {
            pairWeights[p] = Math.Log(1 + (n / (1.0 + count)));
        }

        foreach (var (formulation, characters) in read)
        {
            var pairs = FormulationMatcher.Pairs([characters]);
            var d = descriptions.Count;
            descriptions.Add(new Description(formulation, characters, pairs, characters.Distinct().Sum(CharacterWeight), pairs.Sum(PairWeight), characters.Sum(CharacterWeight)));
            Say(formulation, characters, pairs);
            longest = Math.Max(longest, characters.Length);
            foreach (var c in characters.Distinct())
            {
                (byCharacter.TryGetValue(c, out var list) ? list : byCharacter[c] = []).Add(d);
            }
        }

        // Once every description is in: a character of a name no description says weighs what the whole table makes it.
        foreach (var formulation in read.Select(d => d.Formulation).Distinct())
        {
            var own = HanOf(formulation);
            names[formulation] = (own, own.Distinct().Sum(CharacterWeight));
            Say(formulation, own, FormulationMatcher.Pairs([own]));
        }

        foreach (var (formulation, characters) in read.Concat(names.Select(n => (Formulation: n.Key, Characters: n.Value.Characters))))
        {
            (whole.TryGetValue(characters, out var named) ? named : whole[characters] = new HashSet<string>(StringComparer.Ordinal)).Add(formulation);
        }

        void Say(string formulation, string characters, HashSet<string> pairs)
        {
            if (!said.TryGetValue(formulation, out var all))
            {
                said[formulation] = all = ([], new HashSet<string>(StringComparer.Ordinal));
            }

            all.Characters.UnionWith(characters);
            all.Pairs.UnionWith(pairs);
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Thesaurus, Lazy<FormulationReader>> Readers = [];

    /// <summary>The reader of <paramref name="thesaurus"/>'s formulations, made once while the thesaurus lives.</summary>
    public static FormulationReader For(Thesaurus thesaurus) =>
        Readers.GetValue(thesaurus, t => new Lazy<FormulationReader>(() => new FormulationReader(t.Formulations))).Value;

    private double CharacterWeight(char c) => characterWeights.TryGetValue(c, out var w) ? w : Math.Log(1 + (descriptions.Count / 2.0));

    private double PairWeight(string p) => pairWeights.TryGetValue(p, out var w) ? w : Math.Log(1 + (descriptions.Count / 2.0));

    /// <summary>The formulations whose score for the query of <paramref name="pieces"/> reaches <see cref="Threshold"/>, best first, with their scores.</summary>
    public IReadOnlyList<(string Formulation, double Score)> Read(IReadOnlyList<string> pieces) => [.. Score(pieces, Weights).TakeWhile(s => s.Score >= Threshold)];

    /// <summary>
    /// Of <paramref name="read"/> (best first, as <see cref="Read"/> gives them, those the archive holds), the first, and the
    /// second where it is within <see cref="SecondWithin"/> of it (the search then leaves out those the query searches already).
    /// </summary>
    public static IEnumerable<string> Nearest(IReadOnlyList<(string Formulation, double Score)> read) =>
        read.Take(2).Where(r => r.Score >= read[0].Score - SecondWithin).Select(r => r.Formulation);

    /// <summary>Every formulation some description of which is a candidate for the query of <paramref name="pieces"/>, best first, by <paramref name="weights"/>.</summary>
    public List<(string Formulation, double Score)> Score(IReadOnlyList<string> pieces, double[] weights)
    {
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (d, features) in Candidates(pieces))
        {
            var score = 0.0;
            for (var f = 0; f < features.Length; f++)
            {
                score += weights[f] * features[f];
            }

            var formulation = descriptions[d].Formulation;
            if (!best.TryGetValue(formulation, out var known) || score > known)
            {
                best[formulation] = score;
            }
        }

        return [.. best.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value))];
    }

    /// <summary>
    /// The descriptions sharing <see cref="Candidate"/> of their characters' weight with the query of <paramref name="pieces"/>
    /// (its words in order, question words out), with their features; none for a query of fewer than two Chinese characters or
    /// more than <see cref="LongestQuery"/> (a paragraph pasted in describes no one formulation).
    /// </summary>
    public IEnumerable<(int Description, double[] Features)> Candidates(IReadOnlyList<string> pieces)
    {
        // The query's Chinese characters in order, each with the piece (word, or character the lexicon leaves alone) it is in,
        // -1 in a question or function word.
        var characters = new List<char>();
        var pieceOf = new List<int>();
        for (var p = 0; p < pieces.Count; p++)
        {
            foreach (var c in pieces[p].Where(HanRuns.IsHan))
            {
                characters.Add(c);
                pieceOf.Add(QueryStopWords.Contains(pieces[p]) ? -1 : p);
            }
        }

        var query = new string([.. characters]);
        if (query.Length is < 2 or > LongestQuery)
        {
            yield break;
        }

        var distinct = query.Distinct().ToArray();
        // The weight of the characters each description shares with the query, those sharing any in the order first met.
        var shared = new double[descriptions.Count];
        var touched = new List<int>();
        foreach (var c in distinct)
        {
            if (byCharacter.TryGetValue(c, out var holders))
            {
                var w = CharacterWeight(c);
                foreach (var d in holders)
                {
                    if (shared[d] == 0)
                    {
                        touched.Add(d);
                    }

                    shared[d] += w;
                }
            }
        }

        var queryWhole = distinct.Sum(CharacterWeight);
        var queryPairs = FormulationMatcher.Pairs([query]);
        var queryPairWhole = queryPairs.Sum(PairWeight);
        var weights = query.Select(CharacterWeight).ToArray();
        var queryInOrder = weights.Sum();
        var table = new double[query.Length + 1, longest + 1];
        var byFormulation = new Dictionary<string, (double Characters, double Pairs, double Name)>(StringComparer.Ordinal);
        foreach (var d in touched)
        {
            var (description, common) = (descriptions[d], shared[d]);
            if (common < Candidate * description.CharacterWhole)
            {
                continue;
            }

            var pairsCommon = description.Pairs.Where(queryPairs.Contains).Sum(PairWeight);
            var (inOrder, taken) = InOrder(query, weights, description.Characters, table, pieceOf);
            if (taken.Count == 0 || (taken.Count == 1 && (FormulationsSaying(pieces[taken.Keys.First()]) > OneWordFormulations
                || NamesAnother(pieces[taken.Keys.First()], description.Formulation)))
                || (taken.Count == 2 && OneWordAndACharacter(pieces, taken) is { } word && FormulationsSaying(word) > OneWordFormulations))
            {
                // one word of the query, said of many formulations (老百姓 of 老百姓买房难, which 坑老百姓 says too), alone or
                // with one lone character (老百姓买房难 says only 老百姓 and 难 of 群众疾苦's 老百姓生活困难没人管: one character is no
                // second thing said; several are, 花 比 收 多 of 政府花的比收的多; nor is one character of a word, 买 of 买房 in
                // 放开搞活's 让老百姓自己做买卖), or itself the whole of another formulation's name or description (国企改革 of
                // 国企改革的历史 is 国有企业改革, not 振兴东北 for its description 东北国企改革)
                continue;
            }

            // What the query says of the formulation as a whole: of all its descriptions together, and of its name.
            if (!byFormulation.TryGetValue(description.Formulation, out var together))
            {
                var (all, name) = (said[description.Formulation], names[description.Formulation]);
                byFormulation[description.Formulation] = together = (
                    distinct.Where(all.Characters.Contains).Sum(CharacterWeight) / queryWhole,
                    queryPairWhole > 0 ? queryPairs.Where(all.Pairs.Contains).Sum(PairWeight) / queryPairWhole : 0,
                    name.Whole > 0 ? name.Characters.Distinct().Where(c => distinct.Contains(c)).Sum(CharacterWeight) / name.Whole : 0);
            }

            yield return (d,
            [
                common / description.CharacterWhole, common / queryWhole,
                description.PairWhole > 0 ? pairsCommon / description.PairWhole : 0, queryPairWhole > 0 ? pairsCommon / queryPairWhole : 0,
                inOrder / description.InOrderWhole, inOrder / queryInOrder,
                together.Name, Math.Log(description.Characters.Length), together.Characters, together.Pairs,
            ]);
        }
    }

    /// <summary>
    /// Of the two pieces of the query a sequence in common takes characters from (<paramref name="taken"/>: how many of each),
    /// the one word it takes two characters or more of where it takes a single one of the other (a lone character, or one
    /// character of a word); else null.
    /// </summary>
    private static string? OneWordAndACharacter(IReadOnlyList<string> pieces, Dictionary<int, int> taken)
    {
        var (at, to) = (taken.Keys.Min(), taken.Keys.Max());
        var (a, b) = (taken[at], taken[to]);

        return a > 1 && b == 1 ? pieces[at] : a == 1 && b > 1 ? pieces[to] : null;
    }

    /// <summary>How many formulations some description of which says <paramref name="word"/> (kept per word: a word is a lexicon word or a character).</summary>
    internal int FormulationsSaying(string word) =>
        formulationsByWord.GetOrAdd(word, w => byCharacter.TryGetValue(w.MinBy(c => byCharacter.TryGetValue(c, out var h) ? h.Count : 0), out var holders)
            ? holders.Where(d => descriptions[d].Characters.Contains(w, StringComparison.Ordinal)).Select(d => descriptions[d].Formulation).Distinct().Count()
            : 0); // read among the descriptions saying its rarest character

    /// <summary>
    /// Whether <paramref name="word"/> is by itself the name or a whole description of a formulation other than
    /// <paramref name="formulation"/>: a word the thesaurus already reads as that one.
    /// </summary>
    private bool NamesAnother(string word, string formulation) =>
        whole.TryGetValue(HanOf(word), out var named) && !named.Contains(formulation);

    /// <summary>The formulation of description <paramref name="d"/>.</summary>
    public string FormulationOf(int d) => descriptions[d].Formulation;

    /// <summary>
    /// The weight of the heaviest sequence of characters both say in the same order (a weighted longest common subsequence),
    /// and how many characters it takes from each of the query's pieces (<paramref name="pieceOf"/>: each character's piece, -1
    /// in a question or function word). <paramref name="table"/> holds the rows (at least the query's length + 1 by the
    /// description's length + 1).
    /// </summary>
    private static (double Weight, Dictionary<int, int> Pieces) InOrder(string query, double[] weights, string description, double[,] table, List<int> pieceOf)
    {
        for (var j = 0; j <= description.Length; j++)
        {
            table[0, j] = 0;
        }

        for (var i = 1; i <= query.Length; i++)
        {
            table[i, 0] = 0;
            for (var j = 1; j <= description.Length; j++)
            {
                table[i, j] = query[i - 1] == description[j - 1] ? table[i - 1, j - 1] + weights[i - 1] : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        // Back from the end: the query's characters the sequence takes, counted by the pieces they are in.
        var taken = new Dictionary<int, int>();
        for (int i = query.Length, j = description.Length; i > 0 && j > 0;)
        {
            if (query[i - 1] == description[j - 1] && table[i, j] == table[i - 1, j - 1] + weights[i - 1])
            {
                if (pieceOf[i - 1] >= 0)
                {
                    taken[pieceOf[i - 1]] = taken.GetValueOrDefault(pieceOf[i - 1]) + 1;
                }

                i--;
                j--;
            }
            else if (table[i - 1, j] >= table[i, j - 1])
            {
                i--;
            }
            else
            {
                j--;
            }
        }

        return (table[query.Length, description.Length], taken);
    }

    private static string HanOf(string text) => new([.. text.Where(HanRuns.IsHan)]);
}
