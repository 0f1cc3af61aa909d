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
    public void WhenIntersectingNothingOrOneList_ShouldGiveThatList()
    {
        int[] one = [1, 4, 9];
        Assert.Empty(PostingsMath.Intersect([]));
        Assert.Same(one, PostingsMath.Intersect([one]));
        Assert.Empty(PostingsMath.Intersect([one, []]));
    }
}
