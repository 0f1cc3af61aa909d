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
        var projected = matrix.Multiply(basis, width);
        var small = new double[width, width];
        for (var row = 0; row < n; row++)
        {
            var q = basis.AsSpan(row * width, width);
            var a = projected.AsSpan(row * width, width);
            for (var i = 0; i < width; i++)
            {
                var qi = (double)q[i];
                for (var j = 0; j < width; j++)
                {
                    small[i, j] += qi * a[j];
                }
            }
        }

        for (var i = 0; i < width; i++)
        {
            for (var j = i + 1; j < width; j++)
            {
                small[i, j] = small[j, i] = (small[i, j] + small[j, i]) / 2;
            }
        }

        var (values, vectors) = Jacobi(small);
        var order = Enumerable.Range(0, width).OrderByDescending(i => values[i]).ThenBy(i => i).Take(Math.Min(rank, width)).ToArray();
        var result = new float[(long)n * order.Length];
        for (var row = 0; row < n; row++)
        {
            var q = basis.AsSpan(row * width, width);
            for (var c = 0; c < order.Length; c++)
            {
                var sum = 0.0;
                for (var i = 0; i < width; i++)
                {
                    sum += q[i] * vectors[i, order[c]];
                }

                result[(row * order.Length) + c] = (float)sum;
            }
        }

        return ([.. order.Select(i => values[i])], result);
    }

    /// <summary>An orthonormal basis of the columns of <paramref name="block"/> (n × width, row-major): Gram–Schmidt twice.</summary>
    private static float[] Orthonormal(float[] block, int n, int width)
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
