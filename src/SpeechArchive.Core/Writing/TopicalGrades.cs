using SpeechArchive.Search;

namespace SpeechArchive.Writing;

/// <summary>
/// A topical set's grades as the evaluation reads them. With reprints folded (the search's default, <see cref="SearchRequest.FoldReprints"/>)
/// the passages that print one text are one result: a passage takes the best grade given to any of them, and the ideal
/// ranking counts the text once, so a ranking is neither rewarded for showing the same text twice nor charged for showing
/// it once. Without folding, each passage is graded on its own (the protocol before the thirty-third session).
/// </summary>
public sealed class TopicalGrades
{
    private readonly TopicalSet set;
    private readonly IndexSnapshot index;
    private readonly Reprints? reprints;

    public TopicalGrades(TopicalSet set, IndexSnapshot index, bool foldReprints)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(index);
        this.set = set;
        this.index = index;
        reprints = foldReprints ? SearchStructures.Of(index).Reprints : null;
        FoldReprints = foldReprints;
    }

    /// <summary>Whether passages printing one text are read as one result.</summary>
    public bool FoldReprints { get; }

    /// <summary>The grade of <paramref name="passageId"/> for need <paramref name="needId"/>: its own, or folded, the best of its text's passages; null when none was judged.</summary>
    public int? Grade(string needId, string passageId)
    {
        int? best = null;
        foreach (var id in Twins(passageId))
        {
            if (set.Grade(needId, id) is int g && (best is null || g > best))
            {
                best = g;
            }
        }

        return best;
    }

    /// <summary>The grades of the need's ideal ranking, best first: every judged passage, or folded, every judged text once.</summary>
    public List<int> Ideal(string needId)
    {
        if (!set.Judgments.TryGetValue(needId, out var graded))
        {
            return [];
        }

        return reprints is null ? [.. graded.Values.OrderDescending()]
            : [.. graded.GroupBy(g => TextKey(g.Key)).Select(g => g.Max(x => x.Value)).OrderDescending()];
    }

    /// <summary>A ranking made outside the engine as the search would show it: folded, each text at its first passage only.</summary>
    public List<string> Fold(IEnumerable<string> ranking)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. ranking.Where(id => reprints is null || seen.Add(TextKey(id)))];
    }

    /// <summary>The passages holding the text of <paramref name="passageId"/> (itself first), or only it when not folding or printed once.</summary>
    private IEnumerable<string> Twins(string passageId)
    {
        yield return passageId;
        if (reprints is not null && index.FindPassage(passageId) is int doc)
        {
            foreach (var twin in reprints.Members(doc).ToArray())
            {
                if (twin != doc)
                {
                    yield return index.Passages[twin].Id;
                }
            }
        }
    }

    /// <summary>What identifies a passage's text: its reprint group, else the passage itself.</summary>
    private string TextKey(string passageId) =>
        reprints is not null && index.FindPassage(passageId) is int doc && reprints.GroupOf(doc) is var g and >= 0 ? "#" + g : passageId;
}
