using FsCheck;
using FsCheck.Fluent;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Storage;

namespace SpeechArchive.Tests.Search;

/// <summary>
/// A snapshot makes each section's path from its parent's; that gives what walking up from the section gives, for any
/// stored sections: parents before or after, missing, out of range, cycles, ordinals out of place, chains deeper than the walk.
/// </summary>
public sealed class SectionPathTests
{
    [Fact]
    public void ForAnyStoredSections_ShouldBeThePathTheWalkGives()
    {
        var sections = Gen.Choose(0, 12).SelectMany(n =>
            Gen.Choose(-2, n + 1).ArrayOf(n).SelectMany(parents =>
                Gen.Frequency((9, Gen.Constant(0)), (1, Gen.Choose(-1, 2))).ArrayOf(n).Select(shifts =>
                    Enumerable.Range(0, n).Select(k => Section(k + shifts[k], parents[k], $"第{k}节")).ToList())));

        PropertyRuns.Check(sections, list => Assert.Equal(Walked(list), Made(list)), cases: 500);
    }

    [Fact]
    public void WhenAChainIsDeeperThanTheWalk_ShouldKeepItsInnermostHeadingsAsTheWalkDoes()
    {
        var list = Enumerable.Range(0, 80).Select(k => Section(k, k - 1, $"h{k}")).ToList();

        var made = Made(list);

        Assert.Equal(Walked(list), made);
        Assert.Equal(64, made[^1].Split(" › ").Length);
        Assert.StartsWith("h16 › ", made[^1], StringComparison.Ordinal);
    }

    private static StoredSection Section(int ordinal, int parent, string heading) => new(1, ordinal, 1, "一、", heading, 0, 0, 0, 0, parent);

    private static string[] Walked(List<StoredSection> list) =>
        [.. list.Select((_, k) => string.Join(" › ", StoredStructure.SectionPath(list, k, x => (x.Ordinal, x.Parent, x.Heading))))];

    private static string[] Made(List<StoredSection> list)
    {
        var paths = new string[list.Count];
        IndexSnapshot.SectionPaths(list, paths);
        return paths;
    }
}
