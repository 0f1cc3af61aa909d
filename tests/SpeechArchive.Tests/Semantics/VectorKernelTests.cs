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
    [InlineData(64, 0)]
    [InlineData(200, 8)]
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
        var (eigenvalues, vectors) = RandomizedEigen.Leading(VectorTrainingTests.Sparse(dense), rank, seed: 7);

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

    [Theory]
    [InlineData(160)]
    [InlineData(13)]
    public void WhenARecurrenceStepIsTaken_ShouldGiveTheProductCombinedAsTheLoopWould(int width)
    {
        var random = new Random(width);
        var dense = new double[60, 60];
        for (var i = 0; i < 60; i++)
        {
            for (var j = i; j < 60; j++)
            {
                dense[i, j] = dense[j, i] = random.Next(4) == 0 ? random.NextDouble() - 0.5 : 0;
            }
        }

        var matrix = VectorTrainingTests.Sparse(dense);
        var block = Enumerable.Range(0, 60 * width).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var before = Enumerable.Range(0, 60 * width).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var product = matrix.Multiply(block, width);
        var expected = before.Select((x, i) => (1.7f * product[i]) + (-0.3f * block[i]) - x).ToArray();

        var into = (float[])before.Clone();
        matrix.Recur(block, width, 1.7f, -0.3f, into);

        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), into.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void WhenPairsAreCounted_ShouldSumAsADictionaryWould()
    {
        var random = new Random(9);
        var counts = new PairCounts(16); // small, so that it grows many times
        var expected = new Dictionary<long, float>();
        for (var i = 0; i < 50_000; i++)
        {
            var key = (long)random.Next(3000) * 40_000 + random.Next(3000);
            var weight = 1f / (1 + random.Next(5));
            counts.Add(key, weight);
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(expected, key, out _) += weight;
        }

        var (keys, values) = counts.Slots;
        var actual = keys.Select((k, slot) => (k, values[slot])).Where(p => p.k >= 0).ToDictionary(p => p.k, p => p.Item2);
        Assert.Equal(expected.Count, counts.Count);
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }
}
