using FsCheck;
using FsCheck.Fluent;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

public sealed class PostingsMathTests
{
    [Fact]
    public void WhenIntersectingSortedLists_ShouldGiveThePassagesInEveryOne()
    {
        // Lists of very different lengths and densities, so the leapfrog both gallops and steps one at a time.
        var list = Gen.Choose(1, 40).SelectMany(step => Gen.Choose(0, 300).SelectMany(n => Gen.Choose(1, step).ListOf(n)))
            .Select(gaps => gaps.Select((g, i) => gaps.Take(i + 1).Sum()).ToArray());
        var lists = Gen.Choose(1, 5).SelectMany(n => list.ListOf(n));

        PropertyRuns.Check(lists, ls =>
        {
            var expected = ls.Skip(1).Aggregate((IEnumerable<int>)ls[0], (a, b) => a.Intersect(b)).Order().ToArray();
            Assert.Equal(expected, PostingsMath.Intersect([.. ls]));
        }, cases: 500);
    }

    [Fact]
    public void WhenWalkingSortedListsTogether_ShouldGiveWhatIntersectingGives()
    {
        var list = Gen.Choose(1, 40).SelectMany(step => Gen.Choose(0, 300).SelectMany(n => Gen.Choose(1, step).ListOf(n)))
            .Select(gaps => gaps.Select((g, i) => gaps.Take(i + 1).Sum()).ToArray());
        var lists = Gen.Choose(0, 5).SelectMany(n => list.ListOf(n));

        PropertyRuns.Check(lists, ls =>
        {
            Assert.Equal(PostingsMath.Intersect([.. ls]), PostingsMath.Together([.. ls]).ToArray());
        }, cases: 500);
    }

    /// <summary>Up to 60 passages (ids below 80, so that two lists often share some), each with a score.</summary>
    internal static Gen<ScoredDocs> Scored { get; } = Gen.Choose(0, 60).SelectMany(n => Gen.Choose(0, 80).ListOf(n).Zip(Gen.Choose(1, 1000).ListOf(n)))
        .Select(p => p.Item1.Zip(p.Item2).DistinctBy(x => x.First).OrderBy(x => x.First).ToArray())
        .Select(xs => new ScoredDocs([.. xs.Select(x => x.First)], [.. xs.Select(x => x.Second / 7.0)]));

    [Fact]
    public void WhenJoiningScoredPassages_ShouldKeepEveryPassageAndAddTheScoresOfThoseInBoth()
    {
        PropertyRuns.Check(Scored.Two(), pair =>
        {
            var (a, b) = pair;
            var expected = a.Docs.Union(b.Docs).Order().Select(d => (d, Array.IndexOf(a.Docs, d), Array.IndexOf(b.Docs, d)))
                .Select(x => (x.d, x.Item2 < 0 ? b.Scores[x.Item3] : x.Item3 < 0 ? a.Scores[x.Item2] : a.Scores[x.Item2] + b.Scores[x.Item3])).ToList();
            var joined = a.Or(b);
            Assert.Equal(expected.Select(x => x.d), joined.Docs);
            Assert.Equal(expected.Select(x => x.Item2), joined.Scores);
            if (joined.Count > 0) // (two empty lists join into the runtime's one empty array, which nothing can change)
            {
                Assert.NotSame(a.Scores, joined.Scores); // a fresh array, which the ranking may change in place
                Assert.NotSame(b.Scores, joined.Scores);
            }
        }, cases: 500);
    }

    [Fact]
    public void WhenKeepingScoredPassagesInBothOrNotExcluded_ShouldKeepExactlyThoseWithTheirScores()
    {
        PropertyRuns.Check(Scored.Two(), pair =>
        {
            var (a, b) = pair;
            var (small, large) = a.Count <= b.Count ? (a, b) : (b, a); // the shorter one's score comes first in the sum
            var both = small.Docs.Where(d => Array.IndexOf(large.Docs, d) >= 0).ToList();
            var joined = a.And(b);
            Assert.Equal(both, joined.Docs);
            Assert.Equal(both.Select(d => small.Scores[Array.IndexOf(small.Docs, d)] + large.Scores[Array.IndexOf(large.Docs, d)]), joined.Scores);

            var kept = a.Except(b.Docs);
            var notInB = Enumerable.Range(0, a.Count).Where(i => Array.IndexOf(b.Docs, a.Docs[i]) < 0).ToList();
            Assert.Equal(notInB.Select(i => a.Docs[i]), kept.Docs);
            Assert.Equal(notInB.Select(i => a.Scores[i]), kept.Scores);
        }, cases: 500);
    }

    [Fact]
    public void WhenIntersectingNothingOrOneList_ShouldGiveThatList()
    {
        int[] one = [1, 4, 9];
        Assert.Empty(PostingsMath.Intersect([]));
        Assert.Same(one, PostingsMath.Intersect([one]));
        Assert.Empty(PostingsMath.Intersect([one, []]));
    }
}
