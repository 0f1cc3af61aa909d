namespace SpeechArchive.Semantics;

/// <summary>
/// The leading eigenpairs of a large symmetric sparse matrix by randomized subspace iteration (Halko, Martinsson and Tropp
/// 2011): a Gaussian block is multiplied by the matrix again and again, orthonormalised each time, and the matrix projected
/// on the block is solved exactly (Jacobi). Each round shrinks what the block holds of the eigenvectors past the
/// <c>rank + oversample</c>th by their eigenvalues' ratio; where eigenvalues fall slowly, as a PPMI matrix's do, a few rounds
/// leave a mixture that depends on the seed (<see cref="VectorTrainingOptions.Iterations"/>). For a PPMI matrix this is its truncated SVD where the eigenvalues are positive,
/// which is what word vectors take. Deterministic for a given seed on a given kind of processor (the SIMD width sets the
/// order of the sums).
/// </summary>
internal static class RandomizedEigen
{
    /// <summary>
    /// The <paramref name="rank"/> largest eigenvalues (descending) of <paramref name="matrix"/> and their eigenvectors as
    /// rows of a Size × rank block (row-major).
    /// </summary>
    public static (double[] Values, float[] Vectors) Leading(SparseSymmetric matrix, int rank, int seed, int iterations, int oversample = 24)
    {
        var n = matrix.Size;
        var width = Math.Min(n, rank + oversample);
        var random = new Random(seed);
        var block = new float[(long)n * width];
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = (float)Gaussian(random);
        }

        var basis = Orthonormal(matrix.Multiply(block, width), n, width);
        for (var q = 0; q < iterations; q++)
        {
            basis = Orthonormal(matrix.Multiply(basis, width), n, width);
        }

        // The matrix seen from the basis: S = Qᵀ A Q (width × width), solved exactly.
        var small = Inner(basis, matrix.Multiply(basis, width), n, width, upperOnly: false);
        for (var i = 0; i < width; i++)
        {
            for (var j = i + 1; j < width; j++)
            {
                small[i, j] = small[j, i] = (small[i, j] + small[j, i]) / 2;
            }
        }

        var (values, vectors) = Jacobi(small);
        var order = Enumerable.Range(0, width).OrderByDescending(i => values[i]).ThenBy(i => i).Take(Math.Min(rank, width)).ToArray();
        var chosen = new float[width * order.Length];
        for (var i = 0; i < width; i++)
        {
            for (var c = 0; c < order.Length; c++)
            {
                chosen[(i * order.Length) + c] = (float)vectors[i, order[c]];
            }
        }

        var result = Times(basis, n, width, chosen, order.Length);
        return ([.. order.Select(i => values[i])], result);
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
