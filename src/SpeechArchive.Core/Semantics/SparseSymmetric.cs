namespace SpeechArchive.Semantics;

/// <summary>
/// A symmetric sparse matrix in compressed rows (both halves stored), and the one product the eigensolver needs:
/// this matrix times a dense block of columns. Rows are computed independently, so the product is deterministic however
/// it is split among threads.
/// </summary>
internal sealed class SparseSymmetric
{
    /// <summary>Rows handed to a thread at a time: enough to outweigh the scheduling, few enough to share rows of uneven length.</summary>
    private const int RowsPerTask = 64;

    public SparseSymmetric(int size, int[] rowStarts, int[] columns, float[] values)
    {
        Size = size;
        RowStarts = rowStarts;
        Columns = columns;
        Values = values;
    }

    public int Size { get; }

    public int[] RowStarts { get; }

    public int[] Columns { get; }

    public float[] Values { get; }

    public long NonZeros => Values.Length;

    /// <summary>This matrix times <paramref name="block"/> (Size × width, row-major), into a new Size × width block.</summary>
    public float[] Multiply(float[] block, int width)
    {
        var result = new float[(long)Size * width];
        Parallel.For(0, (Size + RowsPerTask - 1) / RowsPerTask, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, task =>
        {
            for (var row = task * RowsPerTask; row < Math.Min(Size, (task + 1) * RowsPerTask); row++)
            {
                var (from, to) = (RowStarts[row], RowStarts[row + 1]);
                VectorMath.SumOfScaledRows(block, width, Columns.AsSpan(from, to - from), Values.AsSpan(from, to - from), result.AsSpan(row * width, width));
            }
        });
        return result;
    }

    /// <summary>
    /// One step of a three-term recurrence, row by row into <paramref name="into"/>: <c>scale × (this · block) + shift × block
    /// − into</c> (<paramref name="into"/> holds the step before last on entry, and is overwritten by the next). Each row's
    /// product is made in a scratch row and combined while both are in cache, so a step reads and writes the blocks once.
    /// </summary>
    public void Recur(float[] block, int width, float scale, float shift, float[] into)
    {
        Parallel.For(0, (Size + RowsPerTask - 1) / RowsPerTask, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new float[width],
            (task, _, product) =>
            {
                for (var row = task * RowsPerTask; row < Math.Min(Size, (task + 1) * RowsPerTask); row++)
                {
                    var (from, to) = (RowStarts[row], RowStarts[row + 1]);
                    VectorMath.SumOfScaledRows(block, width, Columns.AsSpan(from, to - from), Values.AsSpan(from, to - from), product);
                    VectorMath.Combine(into.AsSpan(row * width, width), product, scale, block.AsSpan(row * width, width), shift);
                }

                return product;
            },
            _ => { });
    }

    /// <summary>This matrix times the vector <paramref name="x"/> (Size long), in double: for the few products of a Lanczos run.</summary>
    public double[] Times(double[] x)
    {
        var result = new double[Size];
        Parallel.For(0, (Size + RowsPerTask - 1) / RowsPerTask, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, task =>
        {
            for (var row = task * RowsPerTask; row < Math.Min(Size, (task + 1) * RowsPerTask); row++)
            {
                var sum = 0.0;
                for (var k = RowStarts[row]; k < RowStarts[row + 1]; k++)
                {
                    sum += Values[k] * x[Columns[k]];
                }

                result[row] = sum;
            }
        });
        return result;
    }
}
