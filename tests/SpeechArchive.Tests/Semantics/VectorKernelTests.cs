using SpeechArchive.Semantics;

namespace SpeechArchive.Tests.Semantics;

/// <summary>
/// The SIMD kernels the vector stage runs on give, to the bit, what the plain loops they replaced gave: a change to them
/// must not move a single passage's vector.
/// </summary>
public sealed class VectorKernelTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(7, 0)]
    [InlineData(8, 0)]
    [InlineData(33, 0)]
    [InlineData(152, 0)]
    [InlineData(152, 5)]
    [InlineData(152, 144)]
    [InlineData(128, 0)]
    public void WhenRowsAreSummedScaled_ShouldGiveTheSameBitsAsAddingThemOneByOne(int width, int offset)
    {
        var random = new Random(width + offset);
        var matrix = Enumerable.Range(0, 50 * width).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var rows = Enumerable.Range(0, 23).Select(_ => random.Next(50)).ToArray();
        var scales = rows.Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
        var columns = width - offset;

        var expected = new float[columns];
        for (var k = 0; k < rows.Length; k++)
        {
            VectorMath.AddScaled(expected, matrix.AsSpan((rows[k] * width) + offset, columns), scales[k]);
        }

        var actual = new float[columns];
        VectorMath.SumOfScaledRows(matrix, width, rows, scales, actual, offset);

        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
    }

    [Theory]
    [InlineData(128, 5000)]
    [InlineData(13, 300)]
    public void WhenTheCommonComponentIsFound_ShouldGiveTheSameBitsAsThePlainPowerIteration(int d, int count)
    {
        var random = new Random(d);
        var floats = Enumerable.Range(0, d * count).Select(_ => (float)(random.NextDouble() - 0.3)).ToArray();

        // The loop the stage ran before its kernels: thirty rounds, each row projected and added in double, in order.
        var expected = new float[d];
        expected[0] = 1;
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var next = new double[d];
            for (var i = 0; i < count; i++)
            {
                var row = floats.AsSpan(i * d, d);
                var projection = VectorMath.Dot(row, expected);
                for (var k = 0; k < d; k++)
                {
                    next[k] += projection * row[k];
                }
            }

            var updated = next.Select(x => (float)x).ToArray();
            Assert.True(VectorMath.Normalize(updated));
            expected = updated;
        }

        var actual = PassageVectorTable.CommonComponent(floats, count, d);

        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
    }

    [Theory]
    [InlineData(40, 3)]
    [InlineData(300, 20)]
    public void WhenTheMatrixHasFewerDimensionsThanTheBlock_ShouldStillReturnOrthonormalEigenvectors(int n, int matrixRank)
    {
        // A rank-deficient matrix makes the block rank-deficient after one product, where Cholesky QR has no pivot left and
        // Gram–Schmidt must take over; a full-rank one goes through Cholesky QR. Either way the eigenvectors are orthonormal.
        var random = new Random(n);
        var dense = new double[n, n];
        for (var k = 0; k < matrixRank; k++)
        {
            var v = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
            var lambda = 10.0 / (k + 1);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    dense[i, j] += lambda * v[i] * v[j];
                }
            }
        }

        for (var i = 0; i < n && matrixRank >= 20; i++)
        {
            dense[i, i] += 0.01; // full rank: a small ridge
        }

        const int rank = 6;
        var (eigenvalues, vectors) = RandomizedEigen.Leading(VectorTrainingTests.Sparse(dense), rank, seed: 7, iterations: 10);

        Assert.Equal(rank, eigenvalues.Length);
        Assert.All(vectors, x => Assert.True(float.IsFinite(x)));
        for (var a = 0; a < rank; a++)
        {
            for (var b = a; b < rank; b++)
            {
                var dot = Enumerable.Range(0, n).Sum(i => (double)vectors[(i * rank) + a] * vectors[(i * rank) + b]);
                var expected = a == b && eigenvalues[a] > 1e-3 ? 1.0 : 0.0;
                Assert.True(Math.Abs(dot - expected) < 1e-4 || (a == b && eigenvalues[a] <= 1e-3), $"columns {a}, {b}: {dot}");
            }

            // And each is an eigenvector of the matrix: an orthonormal basis of the wrong span would not be.
            if (eigenvalues[a] > 1e-3)
            {
                var v = Enumerable.Range(0, n).Select(i => (double)vectors[(i * rank) + a]).ToArray();
                var residual = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => dense[i, j] * v[j]) - (eigenvalues[a] * v[i])).Max(Math.Abs);
                Assert.True(residual < 1e-3 * eigenvalues[0], $"‖Av − λv‖∞ = {residual} for λ = {eigenvalues[a]}");
            }
        }
    }
}
