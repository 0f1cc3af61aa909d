namespace SpeechArchive.Semantics;

/// <summary>
/// The leading eigenpairs of a large symmetric sparse matrix by Chebyshev-filtered subspace iteration (Zhou and Saad 2007)
/// from a random or given start block (Halko, Martinsson and Tropp 2011 for the randomized block). Each round multiplies the
/// block by a Chebyshev polynomial of the matrix that stays within ±1 over the eigenvalues not wanted (from a lower bound of
/// the spectrum, found by a short Lanczos run, up to the least Ritz value of the block) and grows fast above them, so the
/// wanted eigenvectors gain on the rest by cosh(degree × arccosh σ) a round instead of by their eigenvalues' ratio; the block
/// is then orthonormalised and the matrix projected on it solved exactly (Rayleigh–Ritz, Jacobi). Rounds continue until the
/// leading Ritz pairs' mean relative residual ‖Av − θv‖ / θ is within the tolerance, so the result is the matrix's to that
/// tolerance, whatever the start. A PPMI matrix's eigenvalues fall slowly, which is where plain subspace iteration needed 40
/// rounds and left the seed's mark (docs/relevance.md, twenty-first and seventieth sessions). Only positive eigenvalues are
/// wanted (word vectors take the square root of them): the filter never amplifies an eigenvalue below zero, and the residual
/// counts only the leading pairs above 10⁻⁶ of the largest (below it, a product in single precision is mostly rounding). A result not
/// within the tolerance after the most rounds says so (<see cref="EigenResult.Residual"/>). Deterministic for a given start
/// and seed on a given kind of processor (the SIMD width sets the order of the sums).
/// </summary>
internal static class RandomizedEigen
{
    /// <summary>
    /// The leading Ritz pairs' mean relative residual at which the rounds stop: over the shared corpus, each word then keeps
    /// 0.964 of its ten nearest words against a solution converged to 5·10⁻⁶, where 40 rounds of plain subspace iteration
    /// kept 0.955 at about 2·10⁻³.
    /// </summary>
    public const double DefaultTolerance = 1e-3;

    /// <summary>The most rounds, however far the residual is from the tolerance.</summary>
    public const int DefaultRounds = 30;

    /// <summary>The highest degree of a round's filter.</summary>
    private const int MaxDegree = 10;

    /// <summary>
    /// The most a round's filter may grow the top of the spectrum over the cut: beyond it, single precision would leave the
    /// least of the wanted eigenvectors under the rounding of the largest.
    /// </summary>
    private const double MaxGrowth = 1e10;

    /// <summary>Lanczos steps for the spectrum's bounds (its extremes settle first).</summary>
    private const int LanczosSteps = 32;

    /// <summary>
    /// The <paramref name="rank"/> largest eigenvalues (descending) of <paramref name="matrix"/> and their eigenvectors as
    /// rows of a Size × rank block (row-major). <paramref name="start"/> (Size × k, row-major), when given, makes the first k
    /// columns of the start block (the rest random from <paramref name="seed"/>): columns near the span of the wanted
    /// eigenvectors (a like matrix's vectors) save rounds, and any start ends within <paramref name="tolerance"/> when the
    /// rounds suffice.
    /// </summary>
    public static EigenResult Leading(SparseSymmetric matrix, int rank, int seed, double tolerance = DefaultTolerance, int maxRounds = DefaultRounds,
        int oversample = 32, float[]? start = null)
    {
        var n = matrix.Size;
        var width = Math.Min(n, rank + oversample);
        rank = Math.Min(rank, width);
        if (rank <= 0)
        {
            return new EigenResult([], [], 0, 0); // no words to solve for
        }

        var random = new Random(seed);
        var block = new float[(long)n * width];
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = (float)Gaussian(random);
        }

        if (start is { Length: > 0 } && start.Length % n == 0)
        {
            Seed(block, n, width, start, start.Length / n);
        }

        var (floor, top) = Bounds(matrix, random);
        var basis = Orthonormal(block, n, width);
        var (ritz, product, theta) = RayleighRitz(basis, matrix.Multiply(basis, width), n, width);
        basis = ritz;
        var residual = Residual(basis, product, theta, n, width, rank);
        var rounds = 0;
        for (; rounds < maxRounds && !(residual <= tolerance); rounds++)
        {
            // The interval to hold down: from under the spectrum (lowered if a Ritz value fell under it) to the block's least
            // Ritz value, and never below zero.
            floor = Math.Min(floor, theta[width - 1] - (0.01 * Math.Abs(top - floor)));
            var cut = Math.Max(theta[width - 1], 0);
            var (centre, half) = ((cut + floor) / 2, (cut - floor) / 2);
            float[] filtered;
            if (!(half > 1e-12 * Math.Abs(top)))
            {
                filtered = product; // a spectrum of one point: a plain product
            }
            else
            {
                var degree = Degree((Math.Max(top, theta[0]) - centre) / half);
                // T₁ = (A − c)/e applied to the basis (A·basis is known); Tₖ₊₁ = 2(A − c)/e Tₖ − Tₖ₋₁.
                var (previous, current) = (basis, product);
                var (scale, shift) = ((float)(1 / half), (float)(-centre / half));
                for (var i = 0; i < current.Length; i++)
                {
                    current[i] = (scale * current[i]) + (shift * previous[i]);
                }

                for (var k = 2; k <= degree; k++)
                {
                    matrix.Recur(current, width, 2 * scale, 2 * shift, previous);
                    (previous, current) = (current, previous);
                }

                filtered = current;
            }

            NormalizeColumns(filtered, n, width);
            basis = Orthonormal(filtered, n, width);
            (basis, product, theta) = RayleighRitz(basis, matrix.Multiply(basis, width), n, width);
            residual = Residual(basis, product, theta, n, width, rank);
        }

        var vectors = new float[(long)n * rank];
        for (var row = 0; row < n; row++)
        {
            Array.Copy(basis, (long)row * width, vectors, (long)row * rank, rank);
        }

        return new EigenResult(theta[..rank], vectors, rounds, residual);
    }

    /// <summary>
    /// The filter's degree: the highest (up to <see cref="MaxDegree"/>) whose growth at <paramref name="peak"/> (the top of
    /// the spectrum, mapped so that the interval held down is [−1, 1]) stays within <see cref="MaxGrowth"/>.
    /// </summary>
    private static int Degree(double peak) =>
        peak <= 1 ? 1 : Math.Clamp((int)(Math.Acosh(MaxGrowth) / Math.Acosh(peak)), 1, MaxDegree);

    /// <summary>
    /// The given start's columns, each scaled to unit length, with a little of the random block's (a tenth of its length)
    /// so that no start makes a column of the block a combination of the others.
    /// </summary>
    private static void Seed(float[] block, int n, int width, float[] start, int columns)
    {
        var noise = (float)(0.1 / Math.Sqrt(n));
        for (var c = 0; c < Math.Min(columns, width); c++)
        {
            var norm = 0.0;
            for (var row = 0; row < n; row++)
            {
                norm += (double)start[((long)row * columns) + c] * start[((long)row * columns) + c];
            }

            var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
            for (var row = 0; row < n; row++)
            {
                var at = ((long)row * width) + c;
                block[at] = (scale * start[((long)row * columns) + c]) + (noise * block[at]);
            }
        }
    }

    /// <summary>
    /// Bounds of the spectrum from a short Lanczos run (double, fully reorthogonalised): under the least eigenvalue (the least
    /// Ritz value less its error bound, or a hundredth of the spread), and the largest Ritz value.
    /// </summary>
    private static (double Floor, double Top) Bounds(SparseSymmetric matrix, Random random)
    {
        var n = matrix.Size;
        var steps = Math.Min(n, LanczosSteps);
        var basis = new List<double[]>(steps);
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = Gaussian(random);
        }

        Scale(v, 1 / Math.Sqrt(Dot(v, v)));
        var alphas = new double[steps];
        var betas = new double[steps];
        var taken = 0;
        var scale = 0.0; // the largest entry of the tridiagonal so far: a breakdown is judged against it
        while (taken < steps)
        {
            basis.Add(v);
            var w = matrix.Times(v);
            alphas[taken] = Dot(w, v);
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var u in basis)
                {
                    var d = Dot(w, u);
                    for (var i = 0; i < n; i++)
                    {
                        w[i] -= d * u[i];
                    }
                }
            }

            betas[taken] = Math.Sqrt(Dot(w, w));
            taken++;
            scale = Math.Max(scale, Math.Max(Math.Abs(alphas[taken - 1]), betas[taken - 1]));
            if (betas[taken - 1] <= 1e-12 * scale)
            {
                break; // an invariant subspace: the Ritz values are eigenvalues
            }

            Scale(w, 1 / betas[taken - 1]);
            v = w;
        }

        var tridiagonal = new double[taken, taken];
        for (var i = 0; i < taken; i++)
        {
            tridiagonal[i, i] = alphas[i];
            if (i + 1 < taken)
            {
                tridiagonal[i, i + 1] = tridiagonal[i + 1, i] = betas[i];
            }
        }

        var (values, vectors) = Jacobi(tridiagonal);
        var (low, high) = (0, 0);
        for (var i = 1; i < taken; i++)
        {
            low = values[i] < values[low] ? i : low;
            high = values[i] > values[high] ? i : high;
        }

        var error = Math.Abs(betas[taken - 1] * vectors[taken - 1, low]);
        var spread = values[high] - values[low];
        return (values[low] - Math.Max(error, 0.01 * spread), values[high]);
    }

    /// <summary>
    /// Rayleigh–Ritz: the matrix seen from the orthonormal <paramref name="basis"/> (<paramref name="product"/> is the matrix
    /// times it), solved exactly; the basis and the product turned to its eigenvectors, in descending order of their values.
    /// </summary>
    private static (float[] Basis, float[] Product, double[] Values) RayleighRitz(float[] basis, float[] product, int n, int width)
    {
        var small = Inner(basis, product, n, width, upperOnly: false);
        for (var i = 0; i < width; i++)
        {
            for (var j = i + 1; j < width; j++)
            {
                small[i, j] = small[j, i] = (small[i, j] + small[j, i]) / 2;
            }
        }

        var (values, vectors) = Jacobi(small);
        var order = Enumerable.Range(0, width).OrderByDescending(i => values[i]).ThenBy(i => i).ToArray();
        var turn = new float[width * width];
        for (var i = 0; i < width; i++)
        {
            for (var c = 0; c < width; c++)
            {
                turn[(i * width) + c] = (float)vectors[i, order[c]];
            }
        }

        return (Times(basis, n, width, turn, width), Times(product, n, width, turn, width), [.. order.Select(i => values[i])]);
    }

    /// <summary>
    /// The mean of ‖Av − θv‖ / θ over the leading <paramref name="rank"/> Ritz pairs whose θ is above 10⁻⁶ of the largest
    /// (0 when there is none: nothing positive to solve for).
    /// </summary>
    private static double Residual(float[] basis, float[] product, double[] theta, int n, int width, int rank)
    {
        var squares = ColumnSquares(product, basis, theta, n, width, rank);
        var (total, counted) = (0.0, 0);
        for (var c = 0; c < rank; c++)
        {
            if (theta[0] > 0 && theta[c] > 1e-6 * theta[0])
            {
                total += Math.Sqrt(squares[c]) / theta[c];
                counted++;
            }
        }

        return counted == 0 ? 0 : total / counted;
    }

    /// <summary>Scales every column of <paramref name="block"/> to unit length (a zero column stays), so that the Gram matrix of a filtered block, whose columns grew by very different factors, is summed in single precision without losing the small ones.</summary>
    private static void NormalizeColumns(float[] block, int n, int width)
    {
        var scales = ColumnSquares(block, null, null, n, width, width).Select(squares => squares > 0 ? (float)(1 / Math.Sqrt(squares)) : 0f).ToArray();
        Parallel.For(0, (n + GramRows - 1) / GramRows, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk =>
        {
            for (var row = chunk * GramRows; row < Math.Min(n, (chunk + 1) * GramRows); row++)
            {
                var at = block.AsSpan(row * width, width);
                for (var c = 0; c < width; c++)
                {
                    at[c] *= scales[c];
                }
            }
        });
    }

    /// <summary>
    /// For each of the first <paramref name="columns"/> columns, Σ over the rows of (a − θ·b)² in double (<paramref name="b"/>
    /// null: of a alone): summed over <see cref="GramRows"/> rows at a time, split among threads, and the parts added in order.
    /// </summary>
    private static double[] ColumnSquares(float[] a, float[]? b, double[]? theta, int n, int width, int columns)
    {
        var chunks = (n + GramRows - 1) / GramRows;
        var partial = new double[chunks][];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk =>
        {
            var sums = new double[columns];
            for (var row = chunk * GramRows; row < Math.Min(n, (chunk + 1) * GramRows); row++)
            {
                for (var c = 0; c < columns; c++)
                {
                    var at = ((long)row * width) + c;
                    var d = b is null ? a[at] : a[at] - (theta![c] * b[at]);
                    sums[c] += d * d;
                }
            }

            partial[chunk] = sums;
        });

        var total = new double[columns];
        foreach (var part in partial)
        {
            for (var c = 0; c < columns; c++)
            {
                total[c] += part[c];
            }
        }

        return total;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Scale(double[] v, double by)
    {
        for (var i = 0; i < v.Length; i++)
        {
            v[i] *= by;
        }
    }

    /// <summary>
    /// An orthonormal basis of the columns of <paramref name="block"/> (n × width, row-major): Cholesky QR twice
    /// (CholeskyQR2, Fukaya et al. 2014), whose work is two products of the block with a small matrix, split among threads,
    /// where Gram–Schmidt is a long chain of dot products one after another. A block too near rank-deficient for it (a
    /// pivot lost to rounding) takes Gram–Schmidt instead. The span is the same either way; the results differ by rounding,
    /// which decides only how eigenvectors of nearly equal eigenvalues at the cut mix (over the shared corpus, each word
    /// kept 0.998 to 1.000 of its ten nearest words).
    /// </summary>
    private static float[] Orthonormal(float[] block, int n, int width)
        => CholeskyQr(block, n, width) is { } once && CholeskyQr(once, n, width) is { } twice ? twice : GramSchmidt(block, n, width);

    /// <summary>Rows of the block summed into a Gram matrix at a time (in single precision), the partial sums then added in order in double.</summary>
    private const int GramRows = 1024;

    /// <summary>
    /// <paramref name="block"/> × R⁻¹, where Rᵀ R is the block's Gram matrix (R upper triangular, by Cholesky): its columns
    /// orthonormal, to the rounding of the Gram matrix. Null when a pivot falls under 10⁻³ of its diagonal: the Gram matrix
    /// is summed in single precision, so a column nearly a combination of the ones before it is left to Gram–Schmidt (over
    /// laws/, the least pivot of any round was 0.2 of its diagonal).
    /// </summary>
    private static float[]? CholeskyQr(float[] block, int n, int width)
    {
        var gram = Inner(block, block, n, width, upperOnly: true);

        // Rᵀ R = G, R upper triangular, row by row.
        var r = new double[width, width];
        for (var j = 0; j < width; j++)
        {
            var pivot = gram[j, j];
            for (var k = 0; k < j; k++)
            {
                pivot -= r[k, j] * r[k, j];
            }

            if (!(pivot > 1e-3 * gram[j, j]))
            {
                return null;
            }

            r[j, j] = Math.Sqrt(pivot);
            for (var i = j + 1; i < width; i++)
            {
                var sum = gram[j, i];
                for (var k = 0; k < j; k++)
                {
                    sum -= r[k, j] * r[k, i];
                }

                r[j, i] = sum / r[j, j];
            }
        }

        // R⁻¹, upper triangular, column by column; rows of it are what a row of the block is multiplied by.
        var inverse = new double[width, width];
        for (var j = 0; j < width; j++)
        {
            inverse[j, j] = 1 / r[j, j];
            for (var i = j - 1; i >= 0; i--)
            {
                var sum = 0.0;
                for (var k = i + 1; k <= j; k++)
                {
                    sum += r[i, k] * inverse[k, j];
                }

                inverse[i, j] = -sum / r[i, i];
            }
        }

        var rows = new float[width * width];
        for (var i = 0; i < width; i++)
        {
            for (var j = i; j < width; j++)
            {
                rows[(i * width) + j] = (float)inverse[i, j];
            }
        }

        return Times(block, n, width, rows, width);
    }

    /// <summary>
    /// <paramref name="left"/>ᵀ <paramref name="right"/> (both n × width, row-major), or only its upper triangle: summed in
    /// single precision over <see cref="GramRows"/> rows at a time, split among threads, and those sums added in order in
    /// double, so the result does not depend on how many threads there are.
    /// </summary>
    private static double[,] Inner(float[] left, float[] right, int n, int width, bool upperOnly)
    {
        var chunks = (n + GramRows - 1) / GramRows;
        var partial = new float[chunks][];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk =>
        {
            var (from, to) = (chunk * GramRows, Math.Min(n, (chunk + 1) * GramRows));
            var sums = new float[width * width];
            var rows = Enumerable.Range(from, to - from).ToArray();
            var scales = new float[to - from];
            var lanes = System.Numerics.Vector<float>.Count;
            for (var i = 0; i < width; i++)
            {
                for (var row = from; row < to; row++)
                {
                    scales[row - from] = left[(row * width) + i];
                }

                // Row i of the sum: the rows of the right block scaled by the left's i-th entries; for the upper triangle,
                // from the SIMD stretch that holds column i on.
                var first = upperOnly ? i / lanes * lanes : 0;
                VectorMath.SumOfScaledRows(right, width, rows, scales, sums.AsSpan((i * width) + first, width - first), first);
            }

            partial[chunk] = sums;
        });

        var total = new double[width, width];
        foreach (var part in partial)
        {
            for (var i = 0; i < width; i++)
            {
                for (var j = upperOnly ? i : 0; j < width; j++)
                {
                    total[i, j] += part[(i * width) + j];
                }
            }
        }

        return total;
    }

    /// <summary><paramref name="block"/> (n × width) times <paramref name="small"/> (width × columns), both row-major, split among threads by rows.</summary>
    private static float[] Times(float[] block, int n, int width, float[] small, int columns)
    {
        var every = Enumerable.Range(0, width).ToArray();
        var result = new float[(long)n * columns];
        Parallel.For(0, (n + GramRows - 1) / GramRows, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk =>
        {
            for (var row = chunk * GramRows; row < Math.Min(n, (chunk + 1) * GramRows); row++)
            {
                VectorMath.SumOfScaledRows(small, columns, every, block.AsSpan(row * width, width), result.AsSpan(row * columns, columns));
            }
        });
        return result;
    }

    /// <summary>An orthonormal basis of the columns of <paramref name="block"/> (n × width, row-major): Gram–Schmidt twice (a dependent column becomes zero).</summary>
    private static float[] GramSchmidt(float[] block, int n, int width)
    {
        var columns = new float[width][];
        for (var c = 0; c < width; c++)
        {
            columns[c] = new float[n];
        }

        for (var row = 0; row < n; row++)
        {
            for (var c = 0; c < width; c++)
            {
                columns[c][row] = block[(row * width) + c];
            }
        }

        for (var c = 0; c < width; c++)
        {
            for (var pass = 0; pass < 2; pass++)
            {
                for (var p = 0; p < c; p++)
                {
                    VectorMath.AddScaled(columns[c], columns[p], -(float)VectorMath.Dot(columns[p], columns[c]));
                }
            }

            var norm = Math.Sqrt(VectorMath.Dot(columns[c], columns[c]));
            var scale = norm > 1e-12 ? (float)(1 / norm) : 0f;
            for (var row = 0; row < n; row++)
            {
                columns[c][row] *= scale;
            }
        }

        var result = new float[(long)n * width];
        for (var row = 0; row < n; row++)
        {
            for (var c = 0; c < width; c++)
            {
                result[(row * width) + c] = columns[c][row];
            }
        }

        return result;
    }

    /// <summary>Eigenvalues and eigenvectors (columns) of a small symmetric matrix by cyclic Jacobi rotations.</summary>
    private static (double[] Values, double[,] Vectors) Jacobi(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var v = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            v[i, i] = 1;
        }

        for (var sweep = 0; sweep < 100; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    off += a[p, q] * a[p, q];
                }
            }

            if (off < 1e-22)
            {
                break;
            }

            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300)
                    {
                        continue;
                    }

                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    var c = 1 / Math.Sqrt((t * t) + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        var akp = a[k, p];
                        var akq = a[k, q];
                        a[k, p] = (c * akp) - (s * akq);
                        a[k, q] = (s * akp) + (c * akq);
                    }

                    for (var k = 0; k < n; k++)
                    {
                        var apk = a[p, k];
                        var aqk = a[q, k];
                        a[p, k] = (c * apk) - (s * aqk);
                        a[q, k] = (s * apk) + (c * aqk);
                    }

                    for (var k = 0; k < n; k++)
                    {
                        var vkp = v[k, p];
                        var vkq = v[k, q];
                        v[k, p] = (c * vkp) - (s * vkq);
                        v[k, q] = (s * vkp) + (c * vkq);
                    }
                }
            }
        }

        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = a[i, i];
        }

        return (values, v);
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

/// <summary>
/// The leading eigenpairs <see cref="RandomizedEigen.Leading"/> found: eigenvalues (descending), eigenvectors as rows of a
/// Size × rank block, the filtered rounds it took, and the Ritz pairs' mean relative residual at the end.
/// </summary>
internal sealed record EigenResult(double[] Values, float[] Vectors, int Rounds, double Residual)
{
    public void Deconstruct(out double[] values, out float[] vectors) => (values, vectors) = (Values, Vectors);
}
