namespace SpeechArchive.Semantics;

/// <summary>
/// An inverted-file index over 8-bit unit vectors (IVF, as FAISS's IndexIVFFlat; Jégou, Douze and Schmid 2011): spherical
/// k-means cuts the vectors into about √n cells, the rows are laid out cell by cell, and a query scans only the cells whose
/// centroids are nearest it (<see cref="Probe"/>). Approximate: a row whose cell is not probed is not seen. Deterministic for
/// given rows (a fixed seed, fixed iteration count, ties to the lower cell). Made once per table by the index's vector
/// stage and stored with it (<see cref="ToBytes"/>); rows added later are put in their nearest cell (<see cref="Follow"/>)
/// until enough changed to make them again.
/// </summary>
internal sealed class VectorCells
{
    /// <summary>Below this many rows a scan of all is cheap (about 0.2 ms): no cells.</summary>
    public const int MinimumRows = 40_000;

    private const uint Magic = 0x43565053; // "SPVC"
    private const int FormatVersion = 1;
    private const int HeaderBytes = 36;

    /// <summary>Rows per cell the training samples (the rest are only assigned).</summary>
    private const int SamplePerCell = 48;

    /// <summary>Lloyd iterations over the sample.</summary>
    private const int Iterations = 8;

    /// <summary>Rows per block of the blocked assignment (128 dimensions: 256 KB, held in the core's cache across every centroid).</summary>
    private const int Block = 2048;

    private readonly float[] centroids;

    private VectorCells(int dimensions, float[] centroids, int[] cellOf, int madeFrom, int changed)
    {
        Dimensions = dimensions;
        this.centroids = centroids;
        CellOf = cellOf;
        MadeFrom = madeFrom;
        Changed = changed;

        // The layout: each cell's rows together, in row order within a cell (a counting sort).
        var count = centroids.Length / dimensions;
        Start = new int[count + 1];
        foreach (var c in cellOf)
        {
            Start[c + 1]++;
        }

        for (var c = 0; c < count; c++)
        {
            Start[c + 1] += Start[c];
        }

        Order = new int[cellOf.Length];
        var next = Start[..^1];
        for (var i = 0; i < cellOf.Length; i++)
        {
            Order[next[cellOf[i]]++] = i;
        }
    }

    public int Dimensions { get; }

    public int Count => Start.Length - 1;

    /// <summary>How many rows the cells cover.</summary>
    public int Rows => CellOf.Length;

    /// <summary>Cell c's rows are <see cref="Order"/>[Start[c]..Start[c + 1]] (positions in the laid-out rows).</summary>
    public int[] Start { get; }

    /// <summary>For each laid-out position, the row (passage) it holds.</summary>
    public int[] Order { get; }

    /// <summary>Each row's cell.</summary>
    public int[] CellOf { get; }

    /// <summary>How many rows the k-means that made the centroids ran over.</summary>
    public int MadeFrom { get; }

    /// <summary>Rows added (put in their nearest cell) or removed since the centroids were made.</summary>
    public int Changed { get; }

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
        return new VectorCells(d, centroids, all, n, 0);
    }

    /// <summary>
    /// These cells over a table that changed a little: row i keeps the cell of this table's row <paramref name="previousRows"/>[i],
    /// or, where that is -1 (a new row), is put in the cell whose centroid is nearest it. The centroids stay; what was added and
    /// removed counts towards <see cref="Changed"/>.
    /// </summary>
    public VectorCells Follow(int[] previousRows, sbyte[] rows, int[] sums)
    {
        ArgumentNullException.ThrowIfNull(previousRows);
        var cellOf = new int[previousRows.Length];
        var added = new List<int>();
        for (var i = 0; i < previousRows.Length; i++)
        {
            if (previousRows[i] < 0)
            {
                added.Add(i);
            }
            else
            {
                cellOf[i] = CellOf[previousRows[i]];
            }
        }

        var assigned = new int[added.Count];
        Assign(rows, sums, [.. added], Dimensions, centroids, Count, assigned);
        for (var a = 0; a < added.Count; a++)
        {
            cellOf[added[a]] = assigned[a];
        }

        var removed = Rows - (previousRows.Length - added.Count);
        return new VectorCells(Dimensions, centroids, cellOf, MadeFrom, Changed + added.Count + removed);
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

    /// <summary>
    /// The stored form: a header (with <paramref name="table"/>, the fingerprint of the rows the cells were made for), the
    /// centroids, then each row's cell.
    /// </summary>
    public byte[] ToBytes(long table) =>
        StoredForm.Write(Magic, FormatVersion, HeaderBytes + (centroids.Length * 4L) + (Rows * 4L), writer =>
        {
            writer.Write(Rows);
            writer.Write(Dimensions);
            writer.Write(Count);
            writer.Write(MadeFrom);
            writer.Write(Changed);
            writer.Write(table);
            writer.WriteArray(centroids);
            writer.WriteArray(CellOf);
        });

    /// <summary>
    /// Reads what <see cref="ToBytes"/> wrote, with the fingerprint of the table it was made for; anything else throws
    /// <see cref="SpeechArchiveException"/> naming <paramref name="source"/>.
    /// </summary>
    public static (VectorCells Cells, long Table) FromBytes(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var span = bytes.AsSpan();
        if (!StoredForm.Begins(span, Magic, FormatVersion, HeaderBytes))
        {
            throw new SpeechArchiveException($"{source}: not passage-vector cells of this version");
        }

        var (rows, d, count) = (BitConverter.ToInt32(span[8..]), BitConverter.ToInt32(span[12..]), BitConverter.ToInt32(span[16..]));
        var (madeFrom, changed, table) = (BitConverter.ToInt32(span[20..]), BitConverter.ToInt32(span[24..]), BitConverter.ToInt64(span[28..]));
        if (rows < 0 || d is <= 0 or > 4096 || count is <= 0 or > 1 << 20 || span.Length != HeaderBytes + (count * (long)d * 4) + (rows * 4L))
        {
            throw new SpeechArchiveException($"{source}: {span.Length} bytes cannot hold {count} cells of {d} dimensions over {rows} rows");
        }

        var at = HeaderBytes;
        var centroids = StoredForm.ReadArray<float>(span, ref at, count * d);
        var cellOf = StoredForm.ReadArray<int>(span, ref at, rows);
        if (cellOf.Any(c => (uint)c >= (uint)count))
        {
            throw new SpeechArchiveException($"{source}: a row in a cell beyond the {count} cells");
        }

        return (new VectorCells(d, centroids, cellOf, madeFrom, changed), table);
    }

    private static void Dequantise(sbyte[] rows, float[] scales, int row, int d, Span<float> into)
    {
        for (var k = 0; k < d; k++)
        {
            into[k] = rows[(row * d) + k] * scales[row];
        }
    }
}
