namespace SpeechArchive.Writing;

/// <summary>
/// How far two judges' grades (0, 1, 2) of the same passages for the same needs agree: over the (need, passage) rows both
/// graded, the share given the same grade, Cohen's κ with linear weights (a grade apart counts half a disagreement of two
/// apart; chance agreement from each judge's own shares of the grades), and the table of the first judge's grades (rows) by
/// the second's (columns). What <c>eval-topical --order-by</c> prints beside the order the second judge's grades make.
/// </summary>
/// <param name="Rows">The (need, passage) rows both judges graded.</param>
/// <param name="Exact">The share of them given the same grade; null with no row.</param>
/// <param name="WeightedKappa">Cohen's κ with linear weights; null with no row.</param>
/// <param name="Table">How many rows the first judge gave each grade (0, 1, 2) and the second each grade.</param>
public sealed record JudgeAgreement(int Rows, double? Exact, double? WeightedKappa, IReadOnlyList<IReadOnlyList<int>> Table)
{
    private const int Grades = 3;

    /// <summary>The agreement of <paramref name="first"/>'s and <paramref name="second"/>'s grades on the rows both graded (none: 0 rows, no agreement or κ to give).</summary>
    public static JudgeAgreement Of(TopicalSet first, TopicalSet second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var table = Enumerable.Range(0, Grades).Select(_ => new int[Grades]).ToArray();
        foreach (var (need, graded) in first.Judgments)
        {
            foreach (var (passage, grade) in graded)
            {
                if (second.Grade(need, passage) is int other)
                {
                    table[grade][other]++;
                }
            }
        }

        var rows = table.Sum(r => r.Sum());
        if (rows == 0)
        {
            return new JudgeAgreement(0, null, null, table);
        }

        var firstShares = table.Select(r => (double)r.Sum() / rows).ToArray();
        var secondShares = Enumerable.Range(0, Grades).Select(j => (double)table.Sum(r => r[j]) / rows).ToArray();
        double observed = 0, chance = 0;
        for (var i = 0; i < Grades; i++)
        {
            for (var j = 0; j < Grades; j++)
            {
                var weight = 1 - (Math.Abs(i - j) / (double)(Grades - 1));
                observed += weight * table[i][j] / rows;
                chance += weight * firstShares[i] * secondShares[j];
            }
        }

        var exact = (double)Enumerable.Range(0, Grades).Sum(i => table[i][i]) / rows;
        var kappa = chance < 1 ? (observed - chance) / (1 - chance) : 1; // both judges gave one grade throughout: they agree
        return new JudgeAgreement(rows, exact, kappa, table);
    }
}
