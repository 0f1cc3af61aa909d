namespace SpeechArchive.Semantics;

/// <summary>
/// A symmetric sparse matrix in compressed rows (both halves stored), and the one product the eigensolver needs:
/// this matrix times a dense block of columns. Rows are computed independently, so the product is deterministic however
/// it is split among threads.
/// </summary>
internal sealed class SparseSymmetric
{
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
        Parallel.For(0, Size, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, row =>
        {
            var target = result.AsSpan(row * width, width);
            for (var k = RowStarts[row]; k < RowStarts[row + 1]; k++)
            {
                VectorMath.AddScaled(target, block.AsSpan(Columns[k] * width, width), Values[k]);
            }
        });
        return result;
    }
}
