namespace SpeechArchive.Writing;

/// <summary>
/// How far one ranking leads another over the same needs, and how sure that is: the mean of the per-need differences,
/// its 95 % confidence interval (Student's t over the differences: the paired t-test's, which IR evaluation reports beside
/// its p-values) and the two-sided p-value of the paired randomization test, which IR evaluation should use (Smucker,
/// Allan and Carterette 2007): under the null hypothesis each need's difference is as likely to have either sign. Exact
/// over every assignment of signs up to <see cref="ExactUpTo"/> needs, else from <see cref="Samples"/> seeded ones; the same
/// input always gives the same figures. The p-value decides; the interval says how large a lead the needs allow.
/// </summary>
/// <param name="Needs">How many needs were compared.</param>
/// <param name="Mean">The mean difference (first ranking minus second).</param>
/// <param name="Low">The interval's lower end; null for a single need (no spread to read).</param>
/// <param name="High">The interval's upper end; null for a single need.</param>
/// <param name="P">The chance of a mean difference at least this far from 0 if the two rankings were exchangeable.</param>
public sealed record PairedDifference(int Needs, double Mean, double? Low, double? High, double P)
{
    /// <summary>Up to this many needs the randomization test enumerates every assignment of signs (2^16 = 65,536).</summary>
    public const int ExactUpTo = 16;

    /// <summary>Random sign assignments above <see cref="ExactUpTo"/> needs.</summary>
    public const int Samples = 20_000;

    private const int Seed = 20261125;

    /// <summary>Means of assignments this close to the observed one are ties (the same sum added in another order).</summary>
    private const double Tolerance = 1e-9;

    /// <summary>Student's t at 0.975 for 1 to 30 degrees of freedom.</summary>
    private static readonly double[] T975 =
    [
        12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281, 2.2010, 2.1788, 2.1604, 2.1448, 2.1314,
        2.1199, 2.1098, 2.1009, 2.0930, 2.0860, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
    ];

    /// <summary>The difference of <paramref name="first"/> over <paramref name="second"/>, need by need (the same needs, in the same order).</summary>
    public static PairedDifference Of(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count || first.Count == 0)
        {
            throw new ArgumentException($"{first.Count} and {second.Count} scores: a paired difference needs the same needs, at least one", nameof(second));
        }

        var d = first.Zip(second, (a, b) => a - b).ToArray();
        var mean = d.Average();
        var p = Randomization(d, Math.Abs(mean));
        if (d.Length < 2)
        {
            return new PairedDifference(1, mean, null, null, p);
        }

        var half = TQuantile(d.Length - 1) * Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Length - 1) / d.Length);
        return new PairedDifference(d.Length, mean, mean - half, mean + half, p);
    }

    /// <summary>
    /// Student's t at 0.975 for <paramref name="degrees"/> degrees of freedom: from the table up to 30, above it the
    /// Cornish–Fisher expansion around the normal quantile (within 1e-4 from 30 on).
    /// </summary>
    internal static double TQuantile(int degrees)
    {
        if (degrees <= T975.Length)
        {
            return T975[degrees - 1];
        }

        const double z = 1.959964;
        double v = degrees, z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
        return z + ((z3 + z) / (4 * v)) + (((5 * z5) + (16 * z3) + (3 * z)) / (96 * v * v))
            + (((3 * z7) + (19 * z5) + (17 * z3) - (15 * z)) / (384 * v * v * v));
    }

    /// <summary>The share of sign assignments whose mean is at least <paramref name="observed"/> from 0.</summary>
    private static double Randomization(double[] d, double observed)
    {
        var n = d.Length;
        if (n <= ExactUpTo)
        {
            var atLeast = 0L;
            for (var signs = 0L; signs < 1L << n; signs++)
            {
                var sum = 0.0;
                for (var i = 0; i < n; i++)
                {
                    sum += (signs & (1L << i)) == 0 ? d[i] : -d[i];
                }

                atLeast += Math.Abs(sum / n) >= observed - Tolerance ? 1 : 0;
            }

            return (double)atLeast / (1L << n);
        }

        // The observed assignment counts as one of the samples, so a sampled p-value is never 0 (Phipson and Smyth 2010).
        var random = new Random(Seed);
        var hits = 1;
        for (var s = 0; s < Samples; s++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += random.Next(2) == 0 ? d[i] : -d[i];
            }

            hits += Math.Abs(sum / n) >= observed - Tolerance ? 1 : 0;
        }

        return (double)hits / (Samples + 1);
    }
}
