using FsCheck;
using FsCheck.Fluent;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// The word stage's shortcuts — how many passages hold a word answered from as few passages' text as settles it, the
/// passages holding enough of a free-text query's words found before scoring, words scored within those passages — give
/// exactly what matching, counting and scoring everything gives.
/// </summary>
public sealed partial class FastPathPropertyTests
{
    [Fact]
    public void WhenAskingWhetherEnoughPassagesHoldAWord_ShouldAnswerAsItsWholeMatchDoes()
    {
        var snapshot = fixture.Snapshot;
        var cases = Forms(snapshot).Zip(Gen.Choose(0, 6)).Zip(Gen.Choose(0, 400));

        PropertyRuns.Check(cases, c =>
        {
            var ((form, near), any) = c;
            var word = new QueryWord(form, false, form);
            var whole = Matcher.Match(snapshot, word);
            var df = whole.DocFrequency;
            foreach (var count in new[] { 0, 1, df - near, df, df + 1, any })
            {
                var matches = new WordMatches(snapshot);
                Assert.Equal(df >= count, matches.HeldAtLeast(word, count));
                Assert.True(matches.AtMostHolding(word) >= df);

                // Whatever was read on the way, the word's match afterwards is the whole match.
                var after = matches.InText(word);
                Assert.Equal(whole.Docs, after.Docs);
                Assert.Equal(Enumerable.Range(0, df).Select(whole.Frequency), Enumerable.Range(0, df).Select(after.Frequency));
            }
        }, cases: 300);
    }

    [Fact]
    public void WhenAskingWhetherAWordHoldsAShareOfAnothersPassages_ShouldAnswerAsTheirCountsDo()
    {
        var snapshot = fixture.Snapshot;
        var pairs = Forms(snapshot).Where(f => f.Length >= 3)
            .SelectMany(f => Gen.Elements(f[1..], f[..^1]).Select(w => (Part: f, Whole: w)))
            .Zip(Gen.Elements(0.0, 0.05, 0.3, 0.3, 0.5, 0.9, 1.0));

        PropertyRuns.Check(pairs, c =>
        {
            var ((part, whole), share) = c;
            var (p, w) = (new QueryWord(part, false, part), new QueryWord(whole, false, whole));
            var expected = Matcher.Match(snapshot, p).DocFrequency >= share * Matcher.Match(snapshot, w).DocFrequency;
            Assert.Equal(expected, new WordMatches(snapshot).HeldByShare(p, w, share));
        }, cases: 300);
    }

    [Fact]
    public void WhenFindingPassagesHoldingEnoughWords_ShouldFindThoseTheWordRankingCounts()
    {
        var snapshot = fixture.Snapshot;
        var word = Gen.Elements(Words).Select(w => new QueryWord(w, false, w));
        var slot = word.NonEmptyListOf().Zip(word.ListOf().Zip(Gen.Elements(0, 0, 2, 3).SelectMany(n => word.ListOf(n))),
            (words, rest) => new WordSlot(words[0].Text, [.. words.Take(2)], [.. rest.Item1.Take(2)]) { Components = [.. rest.Item2] });
        var cases = Gen.Choose(1, 6).SelectMany(n => slot.ListOf(n)).SelectMany(slots => Gen.Choose(0, slots.Count + 1).Select(m => (slots, m)));

        PropertyRuns.Check(cases, c =>
        {
            var (slots, minimum) = c;
            var matches = new WordMatches(snapshot);
            var found = FreeTextCandidates.AtLeast([.. slots], matches.InText, minimum);
            if (minimum < 2 || minimum > slots.Count)
            {
                Assert.Null(found);
                return;
            }

            var held = new Dictionary<int, int>();
            foreach (var s in slots)
            {
                var docs = s.Words.Concat(s.Expansions).SelectMany(w => matches.InText(w).Docs).ToHashSet();
                if (s.Components.Count > 1)
                {
                    docs.UnionWith(s.Components.Select(w => (IEnumerable<int>)matches.InText(w).Docs).Aggregate((a, b) => a.Intersect(b)));
                }

                foreach (var doc in docs)
                {
                    held[doc] = held.GetValueOrDefault(doc) + 1;
                }
            }

            Assert.Equal(held.Where(h => h.Value >= minimum).Select(h => h.Key).Order(), found);

            // The walk split in two halves (one on another core), as a large one is.
            Assert.Equal(found, FreeTextCandidates.AtLeast([.. slots], matches.InText, minimum, splitFrom: 1));
        }, cases: 300);
    }

    [Fact]
    public void WhenScoringAWordWithinSomePassages_ShouldScoreThemAsItsWholeMatchDoes()
    {
        var snapshot = fixture.Snapshot;
        var cases = Gen.Elements(Words).Zip(Gen.Elements(Words)).Zip(Gen.Elements(true, false));

        PropertyRuns.Check(cases, c =>
        {
            var ((text, other), headings) = c;
            var matches = new WordMatches(snapshot);
            var match = matches.Get(new QueryWord(text, false, text), headings);
            var within = matches.InText(new QueryWord(other, false, other)).Docs.Where((_, i) => i % 3 != 1).ToArray();
            var bm25 = new Bm25(snapshot);

            var whole = bm25.Score(match);
            var keep = whole.Docs.Select((d, i) => (d, i)).Where(x => Array.BinarySearch(within, x.d) >= 0).Select(x => x.i).ToList();
            var cut = bm25.Score(match.Within(within));
            Assert.Equal(match.DocFrequency, match.Within(within).DocFrequency);
            Assert.Equal(keep.Select(i => whole.Docs[i]), cut.Docs);
            Assert.Equal(keep.Select(i => whole.Scores[i]), cut.Scores);
        }, cases: 200);
    }

    /// <summary>Words of the index and strings of its passages' text (two to seven characters, some never held as written).</summary>
    private static Gen<string> Forms(IndexSnapshot snapshot)
    {
        var texts = Gen.Choose(0, snapshot.Passages.Count - 1).Select(d => snapshot.Passages[d].MatchText).Where(t => t.Length >= 2);
        var substrings = texts.SelectMany(t => Gen.Choose(0, t.Length - 2).SelectMany(start =>
            Gen.Choose(2, Math.Min(7, t.Length - start)).Select(n => t.Substring(start, n))));
        return Gen.OneOf(Gen.Elements(Words), substrings, substrings, Gen.Elements(Words).Zip(substrings, (w, s) => s[..1] + w));
    }
}
