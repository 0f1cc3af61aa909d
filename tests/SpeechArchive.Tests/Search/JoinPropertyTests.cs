using FsCheck;
using FsCheck.Fluent;
using SpeechArchive.Analysis;
using SpeechArchive.Search;
using SpeechArchive.Tests.Writing;
using Xunit.Abstractions;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// The ranking's joins, written for speed (a walk that counts, then a walk that fills arrays of the exact size), give what a
/// naive join gives: <see cref="Ranker.Max"/> the passages of any list with their highest score, <see cref="Ranker.AtLeast"/>
/// those holding enough of the words with their scores summed in the words' order (the minimum lowered while too few do),
/// <see cref="Ranker.Conjunction"/> those holding every word of a real index, scored by each word's BM25 in order. Scores
/// are compared exactly: each sum is made in the same order as the reference's, so a join adding in another order fails.
/// </summary>
public sealed class JoinPropertyTests(SeedIndexFixture seeds, ITestOutputHelper output) : IClassFixture<SeedIndexFixture>
{
    /// <summary>Ranker.FewResults: with fewer passages holding the minimum number of words, the minimum is lowered.</summary>
    private const int FewResults = 10;

    [Fact]
    public void WhenTakingTheBestOfScoredLists_ShouldKeepEveryPassageWithItsHighestScore()
    {
        var seen = new Dictionary<string, int>();
        PropertyRuns.Check(Lists, lists =>
        {
            var best = new SortedDictionary<int, double>();
            foreach (var list in lists)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    best[list.Docs[i]] = best.TryGetValue(list.Docs[i], out var score) ? Math.Max(score, list.Scores[i]) : list.Scores[i];
                }
            }

            var held = lists.Where(l => l.Count > 0).ToList();
            var max = Ranker.Max([.. lists]);
            Assert.Equal(best.Keys, max.Docs);
            Assert.Equal(best.Values, max.Scores);
            if (held.Count == 1)
            {
                Assert.Same(held[0], max); // the one list itself when the others are empty
            }

            Count(seen, "no lists", lists.Count == 0);
            Count(seen, "one list", lists.Count == 1);
            Count(seen, "an empty list among others", lists.Count > 1 && lists.Any(l => l.Count == 0));
            Count(seen, "passages in several lists", Shared(lists) > 0);
            Count(seen, "most passages shared", Shared(lists) * 2 > best.Count && lists.Count > 2);
            Count(seen, "nine lists or more, sharing passages", held.Count >= 9 && Shared(lists) > 0);
        }, cases: 500);

        AssertSeen(seen, "no lists", "one list", "an empty list among others", "passages in several lists", "most passages shared",
            "nine lists or more, sharing passages");
    }

    [Fact]
    public void WhenKeepingPassagesHoldingEnoughWords_ShouldKeepThoseTheNaiveCountKeepsWithTheirScoresSummedInOrderAndHowManyWordsEachHolds()
    {
        var seen = new Dictionary<string, int>();
        var cases = Lists.SelectMany(slots => Gen.Choose(0, slots.Count + 3)
            .Zip(Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, FewResults + 5))), (minimum, asWritten) => (slots, minimum, asWritten))
            .SelectMany(c => Gen.Frequency((1, Gen.Constant<bool[]?>(null)), (2, Gen.Elements(true, false).ArrayOf(slots.Count).Select(b => (bool[]?)b)))
                .Select(common => (c.slots, c.minimum, c.asWritten, common))));

        PropertyRuns.Check(cases, c =>
        {
            var (slots, minimum, asWritten, common) = c;
            var expected = HoldingAtLeast(slots, minimum, asWritten, common);
            var (kept, lowered, held, notAlone) = Ranker.AtLeast([.. slots], minimum, asWritten, common: common);
            Assert.Equal(expected.Minimum, lowered);
            Assert.Equal(expected.Docs, kept.Docs);
            Assert.Equal(expected.Scores, kept.Scores);
            Assert.Equal(slots.Count == 1 ? [] : expected.Held, held); // how many words each holds (what coordination weighs); one word: none
            Assert.Equal(expected.NotAlone, notAlone);
            Count(seen, "common words not counted alone", notAlone != 0);
            Count(seen, "lowered, every word common", slots.Count > 1 && lowered < Math.Min(minimum, slots.Count) && common is not null && common.All(b => b));

            Count(seen, "no slots", slots.Count == 0);
            Count(seen, "one slot", slots.Count == 1);
            Count(seen, "one slot, minimum above 1", slots.Count == 1 && minimum > 1);
            Count(seen, "minimum above the slots", slots.Count > 1 && minimum > slots.Count);
            Count(seen, "passages in several slots", Shared(slots) > 0);
            Count(seen, "as written", slots.Count > 1 && asWritten > 0);
            Count(seen, "lowered", slots.Count > 1 && lowered < Math.Min(minimum, slots.Count));
            Count(seen, "lowered to 1", slots.Count > 1 && minimum > 1 && lowered == 1);
            Count(seen, "lowered less for the as-written passages", slots.Count > 1 && lowered != HoldingAtLeast(slots, minimum, 0).Minimum);
            Count(seen, "kept at the minimum by enough passages", slots.Count > 1 && minimum <= slots.Count && minimum > 1 && lowered == minimum);
            Count(seen, "nine slots or more, sharing passages", slots.Count >= 9 && Shared(slots) > 0);
        }, cases: 1000);

        AssertSeen(seen, "no slots", "one slot", "one slot, minimum above 1", "minimum above the slots", "passages in several slots", "as written",
            "lowered", "lowered to 1", "lowered less for the as-written passages", "kept at the minimum by enough passages",
            "common words not counted alone", "lowered, every word common", "nine slots or more, sharing passages");
    }

    [Fact]
    public void WhenJoiningWordsOfARealIndex_ShouldScoreThePassagesHoldingEveryWordByTheirBm25InTheWordsOrder()
    {
        var snapshot = seeds.Snapshot;
        var segmenter = SearchStructures.Of(snapshot).Segmenter;

        // The words of each passage (lexicon words and single characters, as the segmenter cuts its text).
        var byPassage = Enumerable.Range(0, snapshot.Passages.Count)
            .Select(d => segmenter.Segment(snapshot.Passages[d].MatchText).Where(w => w.Kind == WordKind.Han).Select(w => w.Text).Distinct().ToArray())
            .Where(ws => ws.Length > 0).ToArray();
        var vocabulary = byPassage.SelectMany(ws => ws).Distinct().ToArray();
        // Strings of four to six characters of the headings and titles, which the passages under them hold (heading hits).
        var (texts, _) = SearchStructures.Of(snapshot).HeadingTexts();
        var headings = Enumerable.Range(0, texts.Count).Select(h => texts.Value(h).ToString())
            .Concat(snapshot.Speeches.Select(s => s.TitleMatch)).Where(h => h.Length >= HeadingHits.MinLength).ToArray();
        Gen<string> PartOf(string heading) => Gen.Choose(0, heading.Length - HeadingHits.MinLength)
            .SelectMany(start => Gen.Choose(HeadingHits.MinLength, Math.Min(6, heading.Length - start)).Select(n => heading.Substring(start, n)));
        var inHeading = Gen.Elements(headings).SelectMany(PartOf);

        var word = Gen.Frequency((12, Gen.Elements(vocabulary)), (2, inHeading), (1, Gen.Elements("不存在的词语", "党", "的", "工作", "全面从严治党")));
        var words = Gen.OneOf(
                Gen.Elements(byPassage).SelectMany(ws => Gen.Choose(1, 5).SelectMany(n => Gen.Elements(ws).ListOf(n))), // all held by one passage at least
                Gen.Choose(1, 5).SelectMany(n => word.ListOf(n)),
                Gen.Elements(headings).SelectMany(h => Gen.Choose(1, 4).SelectMany(n => PartOf(h).ListOf(n))), // all held through one heading
                Gen.Choose(2, 4).SelectMany(n => Gen.Elements("党", "的", "是", "和", "要", "工作", "建设", "发展").ListOf(n))) // broad: long lists, many held together
            .Select(ws => ws.Select(w => new QueryWord(w, false, w)).ToList());

        var matches = new WordMatches(snapshot);
        var within = Enumerable.Range(0, snapshot.Passages.Count).Where(d => d % 3 != 1).ToArray();
        Func<QueryWord, WordMatch>[] matchers =
        [
            w => matches.Get(w), // with the passages under a heading holding the word (frequency 0 in their own text)
            matches.InText,
            w => matches.InText(w).Within(within), // cut down to some passages, the whole match's idf kept
        ];
        var cases = words.Zip(Gen.Choose(0, matchers.Length - 1).Zip(Gen.Elements(true, false)));

        var seen = new Dictionary<string, int>();
        PropertyRuns.Check(cases, c =>
        {
            var (ws, (m, fieldBoosts)) = c;
            var match = matchers[m];
            var bm25 = new Bm25(snapshot, fieldBoosts);

            var scored = ws.Select(w => bm25.Score(match(w))).ToList();
            var docs = scored.Select(s => (IEnumerable<int>)s.Docs).Aggregate((a, b) => a.Intersect(b)).Order().ToArray();
            var scores = docs.Select(d => scored.Aggregate(0.0, (sum, s) => sum + s.Scores[Array.BinarySearch(s.Docs, d)])).ToArray();

            var joined = Ranker.Conjunction(ws, bm25, match);
            Assert.Equal(docs, joined.Docs);
            Assert.Equal(scores, joined.Scores);

            Count(seen, "one word", ws.Count == 1);
            Count(seen, "a word held nowhere", scored.Any(s => s.Count == 0));
            Count(seen, "several words, none held together", ws.Count > 1 && scored.All(s => s.Count > 0) && docs.Length == 0);
            Count(seen, "three words or more held together", ws.Distinct().Count() >= 3 && docs.Length > 0);
            Count(seen, "ten passages or more", ws.Distinct().Count() >= 2 && docs.Length >= 10);
            Count(seen, "a word twice", ws.Distinct().Count() < ws.Count && docs.Length > 0);
            Count(seen, "a passage held through its heading", m == 0 && docs.Any(d => ws.Any(w => match(w).HeadingCoverage?.ContainsKey(d) == true)));
        }, cases: 800);

        AssertSeen(seen, "one word", "a word held nowhere", "several words, none held together", "three words or more held together",
            "ten passages or more", "a word twice", "a passage held through its heading");
    }

    /// <summary>
    /// Zero to six lists of scored passages, or nine to forty (a pasted paragraph's words: the joins keep the heads in a heap
    /// from nine): independent ones (<see cref="PostingsMathTests.Scored"/>: ids below 80, so they
    /// share some), some of them empty; or all cut from one list, so that most passages are in most lists.
    /// </summary>
    private static Gen<List<ScoredDocs>> Lists { get; } = Gen.Frequency((5, Gen.Choose(0, 6)), (1, Gen.Choose(9, 40))).SelectMany(n => Gen.OneOf(
            Gen.Frequency((1, Gen.Constant(ScoredDocs.Empty)), (6, PostingsMathTests.Scored)).ListOf(n),
            PostingsMathTests.Scored.SelectMany(shared => Overlapping(shared).ListOf(n))))
        .Select(lists => lists.ToList());

    /// <summary>Three in four of <paramref name="shared"/>'s passages, each with a score of its own.</summary>
    private static Gen<ScoredDocs> Overlapping(ScoredDocs shared) =>
        Gen.Choose(0, 3).Zip(Gen.Choose(1, 1000)).ListOf(shared.Count).Select(picks =>
        {
            var kept = Enumerable.Range(0, shared.Count).Where(i => picks[i].Item1 > 0).ToArray();
            return new ScoredDocs([.. kept.Select(i => shared.Docs[i])], [.. kept.Select(i => picks[i].Item2 / 7.0)]);
        });

    /// <summary>
    /// What <see cref="Ranker.AtLeast"/> should give, written plainly: each passage's count of slots and its scores summed in
    /// the slots' order; the minimum, no more than the number of slots, lowered by one while fewer than <see cref="FewResults"/>
    /// passages hold that many (the <paramref name="asWritten"/> passages counted with them), but not below 1 (a minimum of 0
    /// or less stays); no slots, no passages and a minimum of 0. Below the minimum asked for, a passage holding only
    /// <paramref name="common"/> slots is left out, unless every slot or none is common; the common slots come back as bits
    /// when that left a passage out.
    /// </summary>
    private static (int[] Docs, double[] Scores, int Minimum, int[] Held, ulong NotAlone) HoldingAtLeast(List<ScoredDocs> slots, int minimum, int asWritten,
        bool[]? common = null)
    {
        if (slots.Count == 0)
        {
            return ([], [], 0, [], 0);
        }

        var held = new SortedDictionary<int, (int Count, double Sum)>();
        foreach (var slot in slots)
        {
            for (var i = 0; i < slot.Count; i++)
            {
                var (count, sum) = held.GetValueOrDefault(slot.Docs[i]);
                held[slot.Docs[i]] = (count + 1, sum + slot.Scores[i]);
            }
        }

        var asked = minimum;
        if (minimum >= 1)
        {
            minimum = Math.Min(minimum, slots.Count);
            asked = minimum;
            while (minimum > 1 && asWritten + held.Values.Count(h => h.Count >= minimum) < FewResults)
            {
                minimum--;
            }
        }

        var someCommon = slots.Count > 1 && common is not null && common.Any(b => b) && !common.All(b => b);
        bool HoldsRare(int doc) => Enumerable.Range(0, slots.Count).Any(s => !common![s] && slots[s].Docs.Contains(doc));
        var kept = held.Where(h => h.Value.Count >= minimum && (!someCommon || h.Value.Count >= asked || HoldsRare(h.Key))).ToList();
        var leftOut = someCommon && minimum < asked && held.Count(h => h.Value.Count >= minimum) > kept.Count;
        var notAlone = leftOut ? Enumerable.Range(0, slots.Count).Where(s => common![s]).Aggregate(0UL, (m, s) => m | (1UL << s)) : 0;
        return ([.. kept.Select(h => h.Key)], [.. kept.Select(h => h.Value.Sum)], minimum, [.. kept.Select(h => h.Value.Count)], notAlone);
    }

    /// <summary>How many passages are in more than one of <paramref name="lists"/>.</summary>
    private static int Shared(List<ScoredDocs> lists) => lists.SelectMany(l => l.Docs).GroupBy(d => d).Count(g => g.Count() > 1);

    private static void Count(Dictionary<string, int> seen, string edge, bool when)
    {
        if (when)
        {
            seen[edge] = seen.GetValueOrDefault(edge) + 1;
        }
    }

    /// <summary>The generators made each of these cases at least once (how many times each, in the test's output).</summary>
    private void AssertSeen(Dictionary<string, int> seen, params string[] edges)
    {
        output.WriteLine(string.Join(", ", edges.Select(edge => $"{edge}: {seen.GetValueOrDefault(edge)}")));
        Assert.All(edges, edge => Assert.True(seen.GetValueOrDefault(edge) > 0, $"never generated: {edge}"));
    }
}
