namespace SpeechArchive.Semantics;

/// <summary>
/// An inverted-file index over 8-bit unit vectors (IVF, as FAISS's IndexIVFFlat; Jégou, Douze and Schmid 2011): spherical
/// k-means cuts the vectors into about √n cells, the rows are laid out cell by cell, and a query scans only the cells whose
/// centroids are nearest it (<see cref="Probe"/>). Approximate: a row whose cell is not probed is not seen. Deterministic for
/// given rows (a fixed seed, fixed iteration count, ties to the lower cell).
/// </summary>
internal sealed class VectorCells
{
    /// <summary>Below this many rows a scan of all is cheap (about 0.2 ms): no cells.</summary>
    public const int MinimumRows = 40_000;

    /// <summary>Rows per cell the training samples (the rest are only assigned).</summary>
    private const int SamplePerCell = 48;

    /// <summary>Lloyd iterations over the sample.</summary>
    private const int Iterations = 8;

    /// <summary>Rows per block of the blocked assignment (64 dimensions: 128 KB, held in the core's cache across every centroid).</summary>
    private const int Block = 2048;

    private readonly float[] centroids;

    private VectorCells(int dimensions, float[] centroids, int[] start, int[] order)
    {
        Dimensions = dimensions;
        this.centroids = centroids;
        Start = start;
        Order = order;
    }

    public int Dimensions { get; }

    public int Count => Start.Length - 1;

    /// <summary>Cell c's rows are <see cref="Order"/>[Start[c]..Start[c + 1]] (positions in the laid-out rows).</summary>
    public int[] Start { get; }

    /// <summary>For each laid-out position, the row (passage) it holds.</summary>
    public int[] Order { get; }

    /// <summary>
    /// The cells of <paramref name="rows"/> (n rows of <paramref name="d"/> signed bytes, each with its scale and the sum of its
    /// bytes, as <see cref="VectorMath.Quantise"/> writes them); null below <see cref="MinimumRows"/> rows.
    /// </summary>
    public static VectorCells? Build(sbyte[] rows, float[] scales, int[] sums, int d, int minimumRows = MinimumRows)
    {
        var n = scales.Length;
        if (n < Math.Max(2, minimumRows))
        {
            return null;
        }

        var cells = Math.Max(2, (int)Math.Round(Math.Sqrt(n)));
        var random = new Random(20261123);
        var shuffled = Enumerable.Range(0, n).ToArray();
        random.Shuffle(shuffled);
        var sample = shuffled.Take(Math.Min(n, cells * SamplePerCell)).Order().ToArray();

        // Spherical k-means over the sample: start from evenly spread sample rows, each centroid the normalised mean of its members.
        var centroids = new float[cells * d];
        for (var c = 0; c < cells; c++)
        {
            Dequantise(rows, scales, sample[(int)((long)c * sample.Length / cells)], d, centroids.AsSpan(c * d, d));
        }

        var assigned = new int[sample.Length];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            Assign(rows, sums, sample, d, centroids, cells, assigned);
            var sumsOf = new double[cells * d];
            var counts = new int[cells];
            var row = new float[d];
            for (var i = 0; i < sample.Length; i++)
            {
                Dequantise(rows, scales, sample[i], d, row);
                var c = assigned[i];
                counts[c]++;
                for (var k = 0; k < d; k++)
                {
                    sumsOf[(c * d) + k] += row[k];
                }
            }

            for (var c = 0; c < cells; c++)
            {
                var centroid = centroids.AsSpan(c * d, d);
                if (counts[c] == 0)
                {
                    // An empty cell starts again from a sample row chosen by the seed.
                    Dequantise(rows, scales, sample[random.Next(sample.Length)], d, centroid);
                    continue;
                }

                for (var k = 0; k < d; k++)
                {
                    centroid[k] = (float)sumsOf[(c * d) + k];
                }

                VectorMath.Normalize(centroid);
            }
        }

        var all = new int[n];
        Assign(rows, sums, Enumerable.Range(0, n).ToArray(), d, centroids, cells, all);
        var start = new int[cells + 1];
        foreach (var c in all)
        {
            start[c + 1]++;
        }

        for (var c = 0; c < cells; c++)
        {
            start[c + 1] += start[c];
        }

        var order = new int[n];
        var next = start[..^1].ToArray();
        for (var i = 0; i < n; i++)
        {
            order[next[all[i]]++] = i;
        }

        return new VectorCells(d, centroids, start, order);
    }

    /// <summary>
    /// The <paramref name="probes"/> cells whose centroids are nearest <paramref name="query"/> (a unit vector), nearest first.
    /// </summary>
    public int[] Probe(ReadOnlySpan<float> query, int probes)
    {
        var kept = new Search.TopK(Math.Min(probes, Count), Search.SearchSort.Relevance);
        for (var c = 0; c < Count; c++)
        {
            var score = VectorMath.Dot(query, centroids.AsSpan(c * Dimensions, Dimensions));
            if (score >= kept.Threshold)
            {
                kept.Offer(c, score, 0);
            }
        }

        return [.. kept.Drain().Select(k => k.Doc)];
    }

    /// <summary>
    /// Each of <paramref name="which"/>'s rows' nearest centroid into <paramref name="into"/>: rows in blocks that stay in the
    /// cache while every centroid (in 7 bits) is run over them with the 8-bit kernel; blocks split over the cores.
    /// </summary>
    private static void Assign(sbyte[] rows, int[] sums, int[] which, int d, float[] centroids, int cells, int[] into)
    {
        var quantised = new byte[cells * d];
        var centroidScales = new float[cells];
        for (var c = 0; c < cells; c++)
        {
            centroidScales[c] = Int8.QuantiseUnsigned(centroids.AsSpan(c * d, d), quantised.AsSpan(c * d, d));
        }

        var blocks = (which.Length + Block - 1) / Block;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
        {
            var from = b * Block;
            var to = Math.Min(which.Length, from + Block);
            var packed = new sbyte[(to - from) * d];
            for (var i = from; i < to; i++)
            {
                rows.AsSpan(which[i] * d, d).CopyTo(packed.AsSpan((i - from) * d, d));
            }

            var best = new float[to - from];
            Array.Fill(best, float.NegativeInfinity);
            var raw = new int[to - from];
            for (var c = 0; c < cells; c++)
            {
                Int8.DotUnsignedRows(quantised.AsSpan(c * d, d), packed, 0, to - from, raw);
                for (var i = 0; i < raw.Length; i++)
                {
                    // The row's own scale is the same for every centroid: left out of the comparison.
                    var score = (raw[i] - (Int8.Offset * sums[which[from + i]])) * centroidScales[c];
                    if (score > best[i])
                    {
                        best[i] = score;
                        into[from + i] = c;
                    }
                }
            }
        });
    }

    private static void Dequantise(sbyte[] rows, float[] scales, int row, int d, Span<float> into)
    {
        for (var k = 0; k < d; k++)
        {
            into[k] = rows[(row * d) + k] * scales[row];
        }
    }
}
