namespace SpeechArchive.Writing;

/// <summary>
/// How far one ranking leads another over the same needs, and how sure that is: the mean of the per-need differences,
/// a 95 % percentile bootstrap interval (the needs resampled with replacement) and the two-sided p-value of the paired
/// randomization test, which IR evaluation should use (Smucker, Allan and Carterette 2007): under the null hypothesis
/// each need's difference is as likely to have either sign. Exact over every assignment of signs up to
/// <see cref="ExactUpTo"/> needs, else from <see cref="Samples"/> seeded ones; the same input always gives the same figures.
/// </summary>
/// <param name="Needs">How many needs were compared.</param>
/// <param name="Mean">The mean difference (first ranking minus second).</param>
/// <param name="Low">The 2.5th percentile of the bootstrap means.</param>
/// <param name="High">The 97.5th percentile of the bootstrap means.</param>
/// <param name="P">The chance of a mean difference at least this far from 0 if the two rankings were exchangeable.</param>
public sealed record PairedDifference(int Needs, double Mean, double Low, double High, double P)
{
    /// <summary>Up to this many needs the randomization test enumerates every assignment of signs (2^16 = 65,536).</summary>
    public const int ExactUpTo = 16;

    /// <summary>Bootstrap resamples, and random sign assignments above <see cref="ExactUpTo"/> needs.</summary>
    public const int Samples = 20_000;

    private const int Seed = 20261125;

    /// <summary>Differences this small are ties (floating-point sums in another order).</summary>
    private const double Tolerance = 1e-9;

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
        var (low, high) = Bootstrap(d);
        return new PairedDifference(d.Length, mean, low, high, Randomization(d, Math.Abs(mean)));
    }

    private static (double Low, double High) Bootstrap(double[] d)
    {
        var random = new Random(Seed);
        var means = new double[Samples];
        for (var s = 0; s < Samples; s++)
        {
            var sum = 0.0;
            for (var i = 0; i < d.Length; i++)
            {
                sum += d[random.Next(d.Length)];
            }

            means[s] = sum / d.Length;
        }

        Array.Sort(means);
        return (means[(int)(0.025 * (Samples - 1))], means[(int)Math.Ceiling(0.975 * (Samples - 1))]);
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

        // The observed assignment counts as one of the samples, so the p-value is never 0 (Phipson and Smyth 2010).
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
