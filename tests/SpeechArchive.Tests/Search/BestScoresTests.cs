using FsCheck;
using FsCheck.Fluent;
using SpeechArchive.Search;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// The best scores found by selection are those a heap (<see cref="TopK"/>) keeps, ties and the ceiling included; the best
/// scores in order are those a full sort puts first.
/// </summary>
public sealed class BestScoresTests
{
    [Fact]
    public void WhenSelectingTheBestScores_ShouldKeepWhatTopKKeeps()
    {
        // Few distinct values, so that ties at the edge are common; some at or above the ceiling.
        var scores = Gen.Elements(0.0, 0.5, 1.0, 1.0, 2.5, 3.0, 7.25, 10.0, 500_000.0, 500_100.0).ArrayOf();
        var cases = scores.Zip(Gen.Choose(0, 40).Zip(Gen.Elements(10.0, 500_000.0, double.PositiveInfinity)));

        PropertyRuns.Check(cases, c =>
        {
            var (values, (k, ceiling)) = c;
            var top = new TopK(k, SearchSort.Relevance);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] < ceiling)
                {
                    top.Offer(i, values[i], 0);
                }
            }

            Assert.Equal(top.Drain().Select(x => x.Doc).Order(), BestScores.Below(values, values.Length, ceiling, k));
        }, cases: 500);
    }

    [Fact]
    public void WhenTakingTheTopScoresInOrder_ShouldGiveWhatAFullSortPutsFirst()
    {
        var scores = Gen.Elements(0.0, 0.5, 1.0, 1.0, 2.5, 3.0, 7.25, 10.0, 500_000.0).ArrayOf();
        var cases = scores.Zip(Gen.Choose(0, 40));

        PropertyRuns.Check(cases, c =>
        {
            var (values, k) = c;
            var sorted = Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).ThenBy(i => i).Take(k);
            Assert.Equal(sorted, BestScores.Top(values, values.Length, k));
        }, cases: 500);
    }

    [Fact]
    public void WhenOnlyTheFirstScoresCount_ShouldLookAtNoOther()
    {
        Assert.Equal([1, 2], BestScores.Below([1.0, 5.0, 4.0, 9.0, 9.0], 3, double.PositiveInfinity, 2));
        Assert.Equal([1, 2], BestScores.Top([1.0, 5.0, 4.0, 9.0, 9.0], 3, 2));
    }
}
