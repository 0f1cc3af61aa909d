using SpeechArchive.Analysis;
using SpeechArchive.Storage;

namespace SpeechArchive.Semantics;

/// <summary>
/// One vector per passage from its words' vectors (<see cref="PassageVectorTable"/>: SIF, the archive's common component
/// removed), laid out for search, and the query's vector made the same way, so a passage about what a query means is near
/// it though it shares none of its words.
/// </summary>
public sealed class PassageVectors
{
    /// <summary>Cells probed per query: with about √n cells, about 1/16 of the rows are scanned (recall of the thirty nearest in docs/benchmarks.md).</summary>
    public const int DefaultProbes = 40;

    // Rows in their laid-out order: cell by cell when there are cells, else by passage. Arrays, or mapped from the
    // generation's vectors file (Storage.PassageVectorFile), whose pages are the page cache's rather than the heap's.
    private readonly Column<sbyte> data;
    private readonly Column<float> scales;
    private readonly Column<int> sums;
    private readonly float[] common;
    private readonly Lexicon lexicon;
    private readonly VectorCells? cells;

    /// <summary>Each passage's laid-out row (empty without cells: the same as the passage).</summary>
    private readonly Column<int> rowOf;

    private PassageVectors(WordVectors words, Lexicon lexicon, sbyte[] data, float[] scales, int[] sums, float[] common, VectorCells? cells, bool inPlace)
    {
        Words = words;
        this.lexicon = lexicon;
        this.common = common;
        this.cells = cells;
        if (cells is null)
        {
            (this.data, this.scales, this.sums) = (data, scales, sums);
            return;
        }

        // Lay the rows out cell by cell, so a probed cell is one contiguous scan.
        var d = words.Dimensions;
        var positions = new int[scales.Length];
        if (inPlace)
        {
            LayOutInPlace(cells.Order, data, scales, sums, positions, d);
            (this.data, this.scales, this.sums, rowOf) = (data, scales, sums, positions);
            return;
        }

        var (laidData, laidScales, laidSums) = (new sbyte[data.Length], new float[scales.Length], new int[sums.Length]);
        for (var at = 0; at < cells.Order.Length; at++)
        {
            var passage = cells.Order[at];
            data.AsSpan(passage * d, d).CopyTo(laidData.AsSpan(at * d, d));
            laidScales[at] = scales[passage];
            laidSums[at] = sums[passage];
            positions[passage] = at;
        }

        (this.data, this.scales, this.sums, rowOf) = (laidData, laidScales, laidSums, positions);
    }

    /// <summary>Vectors already laid out cell by cell (<see cref="LaidOut"/>, as <see cref="Storage.PassageVectorFile"/> maps them).</summary>
    private PassageVectors(WordVectors words, Lexicon lexicon, LaidOutRows rows, VectorCells cells)
    {
        (Words, this.lexicon, this.cells) = (words, lexicon, cells);
        (data, scales, sums, rowOf, common) = (rows.Data, rows.Scales, rows.Sums, rows.RowOf, rows.Common);
        CellsStored = true;
    }

    /// <summary>
    /// The rows as laid out for search (with cells: cell by cell, <see cref="LaidOutRows.RowOf"/> each passage's row), what
    /// <see cref="Storage.PassageVectorFile"/> writes and maps; null without cells (a small archive: rows by passage).
    /// </summary>
    internal LaidOutRows? LaidOut => cells is null ? null : new LaidOutRows(data, scales, sums, rowOf, common);

    /// <summary>Whether the rows are read from a mapped file rather than the heap.</summary>
    public bool Mapped => data.Mapped;

    /// <summary>
    /// Vectors over rows laid out for <paramref name="cells"/> (mapped from the generation's vectors file), which the caller
    /// found to <see cref="Fit"/> them (checked again only in a debug build: it reads every passage's row).
    /// </summary>
    internal static PassageVectors FromLaidOut(LaidOutRows rows, WordVectors words, Lexicon lexicon, VectorCells cells)
    {
        System.Diagnostics.Debug.Assert(Fit(rows, cells, words.Dimensions), "rows laid out for these cells");
        return new PassageVectors(words, lexicon, rows, cells);
    }

    /// <summary>
    /// Whether <paramref name="rows"/> are laid out for <paramref name="cells"/>: their sizes, <paramref name="d"/> dimensions,
    /// and each passage's row where the cells put it (<see cref="VectorCells.Order"/>; a file is never trusted further).
    /// </summary>
    internal static bool Fit(LaidOutRows rows, VectorCells cells, int d)
    {
        var n = rows.Scales.Length;
        if (rows.Common.Length != d || rows.Data.Length != (long)n * d || rows.Sums.Length != n || rows.RowOf.Length != n || cells.Rows != n || cells.Dimensions != d)
        {
            return false;
        }

        var rowOf = rows.RowOf.Span;
        var fits = true;
        for (var at = 0; at < n && fits; at++)
        {
            fits = rowOf[cells.Order[at]] == at;
        }

        rows.RowOf.KeepAlive();
        return fits;
    }

    /// <summary>
    /// Moves row <c>order[at]</c> of <paramref name="data"/>, <paramref name="scales"/> and <paramref name="sums"/> to row
    /// <c>at</c> in place, a cycle of the permutation at a time (no second copy of the vectors), and fills <paramref name="rowOf"/>.
    /// </summary>
    private static void LayOutInPlace(int[] order, sbyte[] data, float[] scales, int[] sums, int[] rowOf, int d)
    {
        var done = new bool[order.Length];
        var row = new sbyte[d];
        for (var start = 0; start < order.Length; start++)
        {
            rowOf[order[start]] = start;
            if (done[start])
            {
                continue;
            }

            // The cycle start ← order[start] ← order[order[start]] …: keep the start's row, pull each next one forward.
            data.AsSpan(start * d, d).CopyTo(row);
            var (scale, sum) = (scales[start], sums[start]);
            var at = start;
            while (true)
            {
                done[at] = true;
                var from = order[at];
                if (from == start)
                {
                    row.CopyTo(data.AsSpan(at * d, d));
                    (scales[at], sums[at]) = (scale, sum);
                    break;
                }

                data.AsSpan(from * d, d).CopyTo(data.AsSpan(at * d, d));
                (scales[at], sums[at]) = (scales[from], sums[from]);
                at = from;
            }
        }
    }

    public WordVectors Words { get; }

    public int Count => scales.Length;

    public int Dimensions => Words.Dimensions;

    /// <summary>The k-means cells a query probes, or 0 when every passage is scanned (a small archive).</summary>
    public int Cells => cells?.Count ?? 0;

    /// <summary>Whether the cells were the index's stored ones (laid out without k-means) rather than made when loading.</summary>
    public bool CellsStored { get; private init; }

    /// <summary>The cell passage <paramref name="passage"/> lies in (-1 without cells).</summary>
    internal int CellOf(int passage) => cells?.CellOf[passage] ?? -1;

    /// <summary>
    /// The vectors of <paramref name="texts"/> (one per passage), their words cut with <paramref name="segmenter"/>; with cells
    /// (<see cref="VectorCells"/>) from <paramref name="cellsFrom"/> passages on.
    /// </summary>
    public static PassageVectors Build(IReadOnlyList<string> texts, WordVectors words, Segmenter segmenter, int cellsFrom = VectorCells.MinimumRows) =>
        From(PassageVectorTable.Compute([.. Enumerable.Range(0, texts.Count).Select(i => (long)i)], i => texts[i], words, segmenter), words, segmenter.Lexicon, cellsFrom);

    /// <summary>The vectors of a stored table (row i is passage i), with cells from <paramref name="cellsFrom"/> passages on.</summary>
    public static PassageVectors From(PassageVectorTable table, WordVectors words, Lexicon lexicon, int cellsFrom = VectorCells.MinimumRows) =>
        From(table, words, lexicon, stored: null, cellsFrom, inPlace: false);

    /// <summary>
    /// The vectors of a stored table that is handed over (<paramref name="table"/> is not read again: its rows are laid out
    /// in its own arrays), with the cells stored with it.
    /// </summary>
    internal static PassageVectors FromOwned(PassageVectorTable table, WordVectors words, Lexicon lexicon, VectorCells? stored) =>
        From(table, words, lexicon, stored, VectorCells.MinimumRows, inPlace: true);

    private static PassageVectors From(PassageVectorTable table, WordVectors words, Lexicon lexicon, VectorCells? stored, int cellsFrom, bool inPlace)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(words);
        if (table.Dimensions != words.Dimensions)
        {
            throw new ArgumentException($"passage vectors of {table.Dimensions} dimensions, word vectors of {words.Dimensions}", nameof(table));
        }

        var d = table.Dimensions;
        var sums = Sums(table.Data, d);

        if (stored is not null && (stored.Rows != table.Count || stored.Dimensions != d))
        {
            throw new ArgumentException($"cells over {stored.Rows} rows of {stored.Dimensions} dimensions for a table of {table.Count} of {d}", nameof(stored));
        }

        return new PassageVectors(words, lexicon, table.Data, table.Scales, sums, table.Common,
            stored ?? VectorCells.Build(table.Data, table.Scales, sums, d, cellsFrom), inPlace)
        {
            CellsStored = stored is not null,
        };
    }

    /// <summary>Each row's sum of its bytes (what the 8-bit kernels subtract their offset with).</summary>
    internal static int[] Sums(sbyte[] data, int d)
    {
        var sums = new int[data.Length / d];
        for (var i = 0; i < sums.Length; i++)
        {
            foreach (var x in data.AsSpan(i * d, d))
            {
                sums[i] += x;
            }
        }

        return sums;
    }

    /// <summary>
    /// The query's vector from its words, or null when none has a vector. A word the vectors do not know takes the meaning
    /// of the passages that hold it (<paramref name="holding"/>: the archive says what 大吃大喝 is about though the vectors
    /// never saw it), else is composed from its characters.
    /// </summary>
    public float[]? Query(IEnumerable<string> words, Func<string, IReadOnlyList<int>>? holding = null)
    {
        var vector = new float[Dimensions];
        PassageVectorTable.Embed(Words, lexicon, words, vector, word => holding?.Invoke(word) is { Count: > 0 } passages ? MeanOf(passages) : Words.Vector(word));
        PassageVectorTable.RemoveCommon(vector, common);
        return VectorMath.Normalize(vector) ? vector : null;
    }

    /// <summary>Passages a word's meaning is read from, at most (evenly spread over those holding it).</summary>
    private const int MeaningSample = 256;

    /// <summary>The normalised mean of <paramref name="passages"/>' vectors (at most <see cref="MeaningSample"/> of them, evenly spread).</summary>
    private float[]? MeanOf(IReadOnlyList<int> passages)
    {
        var d = Dimensions;
        var sum = new float[d];
        var taken = Math.Min(passages.Count, MeaningSample);
        for (var i = 0; i < taken; i++)
        {
            var passage = passages[(int)((long)i * passages.Count / taken)];
            var at = RowOf(passage);
            var scale = scales[at];
            var row = data.Span.Slice(at * d, d);
            for (var k = 0; k < d; k++)
            {
                sum[k] += row[k] * scale;
            }
        }

        data.KeepAlive();

        return VectorMath.Normalize(sum) ? sum : null;
    }

    /// <summary>
    /// The <paramref name="count"/> passages nearest <paramref name="query"/> (a unit vector), nearest first, with their
    /// cosines (ties: the lower passage id first). With cells, the rows of the <paramref name="probes"/> cells nearest the
    /// query (approximate: a passage in a cell not probed is missed); without, or when <paramref name="exhaustive"/>, every
    /// row, split over the cores. Scanned in 8 bits either way. Once <paramref name="cancellation"/> is cancelled, no further
    /// cell is read (nor, without cells, a part of the rows not yet begun), and it throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public IReadOnlyList<(int Passage, float Cosine)> Nearest(ReadOnlySpan<float> query, int count, bool exhaustive = false, int probes = DefaultProbes,
        CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        if (count <= 0 || Count == 0)
        {
            return [];
        }

        var q = new byte[Dimensions];
        var queryScale = Int8.QuantiseUnsigned(query, q);

        if (cells is not null && !exhaustive)
        {
            var kept = new Search.TopK(count, Search.SearchSort.Relevance);
            foreach (var cell in cells.Probe(query, probes))
            {
                cancellation.ThrowIfCancellationRequested(); // no longer wanted (MeaningSearch.Restart): the cells left unread
                Scan(q, queryScale, cells.Start[cell], cells.Start[cell + 1], kept);
            }

            return [.. kept.Drain().Select(b => (b.Doc, (float)b.Score))];
        }

        var parts = Math.Max(1, Math.Min(Environment.ProcessorCount, Count / 50_000));
        var best = new List<(int Doc, double Score, int Date)>[parts];
        var qs = q;
        Parallel.For(0, parts, new ParallelOptions { CancellationToken = cancellation }, part =>
        {
            var kept = new Search.TopK(count, Search.SearchSort.Relevance);
            Scan(qs, queryScale, (int)((long)Count * part / parts), (int)((long)Count * (part + 1) / parts), kept);
            best[part] = kept.Drain();
        });

        return [.. best.SelectMany(b => b).OrderByDescending(b => b.Score).ThenBy(b => b.Doc).Take(count).Select(b => (b.Doc, (float)b.Score))];
    }

    /// <summary>
    /// How many of the <paramref name="count"/> nearest passages of a scan of every passage the cells also find, averaged
    /// over <paramref name="queries"/> (1 without cells): the price of <see cref="Nearest"/>'s speed, for the benchmark.
    /// </summary>
    public double CellRecall(IEnumerable<float[]> queries, int count, int probes = DefaultProbes)
    {
        var (found, wanted) = (0, 0);
        foreach (var query in queries)
        {
            var exact = Nearest(query, count, exhaustive: true).Select(n => n.Passage).ToHashSet();
            found += Nearest(query, count, probes: probes).Count(n => exact.Contains(n.Passage));
            wanted += exact.Count;
        }

        return wanted == 0 ? 1 : (double)found / wanted;
    }

    /// <summary>Offers the laid-out rows <paramref name="from"/>..<paramref name="to"/> to <paramref name="kept"/>, by passage.</summary>
    private void Scan(byte[] q, float queryScale, int from, int to, Search.TopK kept)
    {
        if (to <= from)
        {
            return;
        }

        var raw = System.Buffers.ArrayPool<int>.Shared.Rent(to - from);
        Int8.DotUnsignedRows(q, data.Span, from, to, raw);
        ReadOnlySpan<int> rowSums = sums.Span;
        ReadOnlySpan<float> rowScales = scales.Span;
        for (var i = from; i < to; i++)
        {
            var cosine = (raw[i - from] - (Int8.Offset * rowSums[i])) * rowScales[i] * queryScale;
            if (cosine >= kept.Threshold)
            {
                kept.Offer(cells is null ? i : cells.Order[i], cosine, 0);
            }
        }

        GC.KeepAlive(this); // the map stays open until the scan is done (its columns are this object's)
        System.Buffers.ArrayPool<int>.Shared.Return(raw);
    }

    /// <summary>A passage's own vector (unit length, from its 8 bits): to find the passages nearest it.</summary>
    public float[] VectorOf(int passage)
    {
        var d = Dimensions;
        var at = RowOf(passage);
        var vector = new float[d];
        var row = data.Span.Slice(at * d, d);
        for (var k = 0; k < d; k++)
        {
            vector[k] = row[k] * scales[at];
        }

        data.KeepAlive();
        VectorMath.Normalize(vector);
        return vector;
    }

    /// <summary>The cosine of <paramref name="query"/> (a unit vector) with one passage.</summary>
    public double Similarity(ReadOnlySpan<float> query, int passage)
    {
        var d = Dimensions;
        var at = RowOf(passage);
        var row = data.Span.Slice(at * d, d);
        var sum = 0.0;
        for (var k = 0; k < d; k++)
        {
            sum += query[k] * row[k];
        }

        data.KeepAlive();
        return sum * scales[at];
    }

    /// <summary>Passage <paramref name="passage"/>'s laid-out row.</summary>
    private int RowOf(int passage) => rowOf.Length == 0 ? passage : rowOf[passage];
}

/// <summary>
/// Passage vectors laid out for search: <see cref="Data"/> row by row (8-bit) with each row's <see cref="Scales"/> and
/// <see cref="Sums"/> (of its bytes), <see cref="RowOf"/> each passage's row, and the archive's common component.
/// </summary>
internal sealed record LaidOutRows(Column<sbyte> Data, Column<float> Scales, Column<int> Sums, Column<int> RowOf, float[] Common);
