namespace SpeechArchive.Writing;

/// <summary>
/// How far two judges' grades (0, 1, 2) of the same passages for the same needs agree: over the (need, passage) rows both
/// graded, the share given the same grade, Cohen's κ with linear weights (a grade apart counts half a disagreement of two
/// apart; chance agreement from each judge's own shares of the grades), and the table of the first judge's grades (rows) by
/// the second's (columns). What <c>eval-topical --order-by</c> prints beside the order the second judge's grades make.
/// </summary>
public sealed record JudgeAgreement(int Rows, double Exact, double WeightedKappa, int[][] Table)
{
    private const int Grades = 3;

    /// <summary>The agreement of <paramref name="first"/>'s and <paramref name="second"/>'s grades on the rows both graded (none: 0 rows, agreement and κ 0).</summary>
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
            return new JudgeAgreement(0, 0, 0, table);
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
