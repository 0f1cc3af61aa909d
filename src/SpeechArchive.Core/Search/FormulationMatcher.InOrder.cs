using SpeechArchive.Analysis;

namespace SpeechArchive.Search;

/// <summary>
/// The formulations a statement describes by the characters it says in a description's order: the reading free text gets
/// when its words bring it near no description (<see cref="FormulationMatcher.Match"/>).
/// </summary>
internal static partial class FormulationMatcher
{
    /// <summary>The share of a description's characters' weight that the characters a query says in its order must weigh (<see cref="MatchInOrder"/>).</summary>
    public const double InOrderOfDescription = 0.7;

    /// <summary>The share of the query's characters' weight that those characters must weigh (<see cref="MatchInOrder"/>).</summary>
    public const double InOrderOfQuery = 0.25;

    /// <summary>
    /// The formulations <paramref name="text"/> describes by the characters it shares with a description in the
    /// description's order, nearest first, each once. Free text asks it for a statement (no question word) whose words the
    /// pairs of <see cref="Match"/> bring near no description, giving the Chinese characters of its runs as read (question
    /// words taken out), one run after another: everyday speech often comes out of the archive's lexicon as single
    /// characters the pairs never see (山里人家不用再走几里路挑水吃 is 山 / 里 / 人 / 家 / 不 / 用 / 再 / 走 …), and it says
    /// 山里人挑水 of 山里人挑水喝, a description of 农村饮水安全, in that order. Each character weighs by how rare it is among the
    /// descriptions (<see cref="InOrderTable"/>: 的 little, 挑 much); the heaviest sequence both say in the same order (a
    /// weighted longest common subsequence) must weigh <see cref="InOrderOfDescription"/> of the description's characters
    /// (the query says most of what the description says, in its order) and <see cref="InOrderOfQuery"/> of the query's
    /// (not a stray phrase of a long query). Descriptions are ordered by the first share times the square root of the
    /// second. Questions do not take this reading: their words name what they ask, and read so they gained nothing on the
    /// needs to learn from (docs/relevance.md, forty-second session).
    /// </summary>
    public static IReadOnlyList<string> MatchInOrder(string text, Thesaurus thesaurus, Segmenter segmenter)
    {
        if (thesaurus.Formulations.Count == 0)
        {
            return [];
        }

        var table = Table(thesaurus, segmenter).InOrder;
        var query = text.Where(HanRuns.IsHan).ToArray();
        var weights = new double[query.Length];
        var total = 0.0;
        for (var i = 0; i < query.Length; i++)
        {
            total += weights[i] = table.Weight(query[i]);
        }

        if (query.Length < 2 || total <= 0)
        {
            return [];
        }

        // What each description could share at most: the weight of its characters the query says anywhere.
        var bound = new Dictionary<int, double>();
        foreach (var c in query.Distinct())
        {
            if (table.ByCharacter.TryGetValue(c, out var holders))
            {
                var weight = table.Weight(c);
                foreach (var (d, times) in holders)
                {
                    bound[d] = bound.GetValueOrDefault(d) + (weight * times);
                }
            }
        }

        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        var previous = new double[table.Longest + 1];
        var current = new double[table.Longest + 1];
        foreach (var (d, most) in bound)
        {
            var (formulation, characters, whole) = table.Descriptions[d];
            if (most < InOrderOfDescription * whole || most < InOrderOfQuery * total)
            {
                continue; // even every character it shares, in order, would not be enough
            }

            // The heaviest common subsequence, row by row over the query's characters.
            Array.Clear(previous);
            for (var i = 0; i < query.Length; i++)
            {
                current[0] = 0;
                for (var j = 1; j <= characters.Length; j++)
                {
                    current[j] = query[i] == characters[j - 1] ? previous[j - 1] + weights[i] : Math.Max(previous[j], current[j - 1]);
                }

                (previous, current) = (current, previous);
            }

            var common = previous[characters.Length];
            var (ofDescription, ofQuery) = (common / whole, common / total);
            if (ofDescription < InOrderOfDescription || ofQuery < InOrderOfQuery)
            {
                continue;
            }

            var score = ofDescription * Math.Sqrt(ofQuery);
            if (!best.TryGetValue(formulation, out var known) || score > known)
            {
                best[formulation] = score;
            }
        }

        return [.. best.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key)];
    }

    /// <summary>
    /// Every description of two Chinese characters or more as <see cref="MatchInOrder"/> reads it: its formulation, its
    /// characters in order and their whole weight; each character's weight, log(1 + N / (1 + n)) over the N descriptions,
    /// n of them saying it; the descriptions saying each character, with how often; and the most characters one has.
    /// </summary>
    private sealed record InOrderTable(
        List<(string Formulation, string Characters, double Whole)> Descriptions,
        Dictionary<char, double> Weights,
        Dictionary<char, List<(int Description, int Times)>> ByCharacter,
        int Longest)
    {
        /// <summary>A character's weight; one no description says weighs what one said once would (it is rare, and shares nothing).</summary>
        public double Weight(char c) => Weights.TryGetValue(c, out var weight) ? weight : Math.Log(1 + (Descriptions.Count / 2.0));

        public static InOrderTable Of(IEnumerable<(string Formulation, string Text)> descriptions)
        {
            var read = descriptions.Select(d => (d.Formulation, Characters: new string([.. d.Text.Where(HanRuns.IsHan)])))
                .Where(d => d.Characters.Length > 1).ToList();
            var saying = new Dictionary<char, int>();
            foreach (var c in read.SelectMany(d => d.Characters.Distinct()))
            {
                saying[c] = saying.GetValueOrDefault(c) + 1;
            }

            var weights = saying.ToDictionary(kv => kv.Key, kv => Math.Log(1 + (read.Count / (1.0 + kv.Value))));
            var byCharacter = new Dictionary<char, List<(int Description, int Times)>>();
            for (var d = 0; d < read.Count; d++)
            {
                foreach (var group in read[d].Characters.GroupBy(c => c))
                {
                    (byCharacter.TryGetValue(group.Key, out var list) ? list : byCharacter[group.Key] = []).Add((d, group.Count()));
                }
            }

            return new InOrderTable([.. read.Select(d => (d.Formulation, d.Characters, d.Characters.Sum(c => weights[c])))], weights, byCharacter,
                read.Count == 0 ? 0 : read.Max(d => d.Characters.Length));
        }
    }
}
