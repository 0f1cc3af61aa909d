using System.Numerics;
using SpeechArchive.Analysis;

namespace SpeechArchive.Semantics;

/// <summary>
/// The passages' vectors as the index stores them: per passage id (ascending) its SIF vector (Arora, Liang and Ma 2017: each
/// word weighted a / (a + p(word)), the weighted mean normalised, the archive's common component removed), 8-bit with a
/// scale, and that common component. Made in full when the model or the lexicon changed (<see cref="Compute"/>); otherwise
/// brought up to date (<see cref="Update"/>): rows of passages that are gone dropped, new passages embedded with the same
/// common component, the others kept byte for byte, so adding a file embeds only its passages.
/// </summary>
public sealed class PassageVectorTable
{
    private const uint Magic = 0x56505053; // "SPPV"
    private const int FormatVersion = 1;

    /// <summary>SIF's smoothing: a word as frequent as this (share of all words) counts half.</summary>
    private const double Smoothing = 1e-4;

    private PassageVectorTable(long[] ids, float[] common, sbyte[] data, float[] scales)
    {
        (Ids, Common, Data, Scales) = (ids, common, data, scales);
    }

    /// <summary>The passages' ids, ascending.</summary>
    public long[] Ids { get; }

    /// <summary>The direction most passages share (所, 工作, 发展…), removed from every vector.</summary>
    public float[] Common { get; }

    /// <summary>Row by row (in <see cref="Ids"/> order), <see cref="Dimensions"/> signed bytes each.</summary>
    public sbyte[] Data { get; }

    /// <summary>Each row's scale: a component is its byte times this.</summary>
    public float[] Scales { get; }

    public int Count => Ids.Length;

    public int Dimensions => Common.Length;

    /// <summary>Whether the table holds a row for passage <paramref name="id"/> (its ids are ascending).</summary>
    public bool Contains(long id) => Array.BinarySearch(Ids, id) >= 0;

    /// <summary>Whether the rows are exactly the passages <paramref name="ids"/> (ascending), so row i is passage i.</summary>
    public bool Covers(ReadOnlySpan<long> ids)
    {
        if (ids.Length != Ids.Length)
        {
            return false;
        }

        for (var i = 0; i < Ids.Length; i++)
        {
            if (Ids[i] != ids[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every passage's vector, and the common component found anew from them (by power iteration).</summary>
    public static PassageVectorTable Compute(IReadOnlyList<long> ids, Func<int, string> textAt, WordVectors words, Segmenter segmenter)
    {
        return Finished(ids, EmbedAll(ids.Count, textAt, words, segmenter), words.Dimensions);
    }

    /// <summary>
    /// <see cref="Compute(IReadOnlyList{long}, Func{int, string}, WordVectors, Segmenter)"/> for passages that are spans of
    /// texts cut already (<paramref name="cut"/>; <paramref name="passages"/> gives passage i's text and offsets, and the
    /// words of a passage whose edge falls inside a run of Han characters, which its own text cuts otherwise, else null):
    /// each distinct word's vector and weight are looked up once, then every passage adds its words' rows as
    /// <see cref="Embed"/> would, word by word, so the vectors are the same to the bit.
    /// </summary>
    internal static PassageVectorTable Compute(IReadOnlyList<long> ids, CutTexts cut,
        (Func<int, (int Text, int Start, int End)> SpanAt, Func<int, IEnumerable<string>?> OwnWords) passages, WordVectors words, Lexicon lexicon)
    {
        var (spanAt, ownWords) = passages;
        var d = words.Dimensions;
        var total = Math.Max(1, lexicon.TotalFrequency);
        var rows = new int[cut.Names.Length];
        var weights = new float[cut.Names.Length];
        for (var id = 0; id < rows.Length; id++)
        {
            var word = cut.Names[id];
            rows[id] = word.Length < 2 || Search.QueryStopWords.OutOfMeaning(word) ? -1 : words.IdOf(word);
            weights[id] = rows[id] < 0 ? 0 : (float)(Smoothing / (Smoothing + ((double)lexicon.Frequency(word) / total)));
        }

        var floats = new float[(long)ids.Count * d];
        Parallel.For(0, ids.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var into = floats.AsSpan(i * d, d);
            if (ownWords(i) is { } own)
            {
                Embed(words, lexicon, own, into, unknown: null); // an edge inside a run of Han characters: the passage's own cut
                return;
            }

            var (text, start, end) = spanAt(i);
            var (from, to) = cut.Within(text, start, end);
            var textIds = cut.Ids[text];
            for (var k = from; k < to; k++)
            {
                if (rows[textIds[k]] is var row and >= 0)
                {
                    VectorMath.AddScaled(into, words.Row(row), weights[textIds[k]]);
                }
            }

            VectorMath.Normalize(into);
        });

        return Finished(ids, floats, d);
    }

    private static PassageVectorTable Finished(IReadOnlyList<long> ids, float[] floats, int d)
    {
        var common = CommonComponent(floats, ids.Count, d);
        var (data, scales) = Finish(floats, ids.Count, common);
        return new PassageVectorTable([.. ids], common, data, scales);
    }

    /// <summary>
    /// The table for the passages <paramref name="ids"/> (ascending): rows this table holds are kept as they are, the others
    /// embedded with this table's common component. Returns how many were embedded.
    /// </summary>
    public (PassageVectorTable Table, int Embedded) Update(IReadOnlyList<long> ids, Func<int, string> textAt, WordVectors words, Segmenter segmenter)
    {
        var d = Dimensions;
        var kept = RowsOf(ids);
        var missing = new List<int>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (kept[i] < 0)
            {
                missing.Add(i);
            }
        }

        var floats = EmbedAll(missing.Count, m => textAt(missing[m]), words, segmenter);
        var (fresh, freshScales) = Finish(floats, missing.Count, Common);
        var data = new sbyte[(long)ids.Count * d];
        var scales = new float[ids.Count];
        var next = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            if (kept[i] >= 0)
            {
                Data.AsSpan(kept[i] * d, d).CopyTo(data.AsSpan(i * d, d));
                scales[i] = Scales[kept[i]];
            }
            else
            {
                fresh.AsSpan(next * d, d).CopyTo(data.AsSpan(i * d, d));
                scales[i] = freshScales[next++];
            }
        }

        return (new PassageVectorTable([.. ids], Common, data, scales), missing.Count);
    }

    /// <summary>For each of the passages <paramref name="ids"/> (ascending), its row in this table, or -1 when it has none.</summary>
    public int[] RowsOf(IReadOnlyList<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var rows = new int[ids.Count];
        var at = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            while (at < Ids.Length && Ids[at] < ids[i])
            {
                at++;
            }

            rows[i] = at < Ids.Length && Ids[at] == ids[i] ? at : -1;
        }

        return rows;
    }

    /// <summary>
    /// A fingerprint of the rows' passages and the common component: what cells made for this table are checked against
    /// (rows kept by <see cref="Update"/> keep their bytes and the common component, so equal fingerprints mean equal rows).
    /// </summary>
    public long Fingerprint()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Ids.AsSpan()));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Common.AsSpan()));
        return BitConverter.ToInt64(hash.GetHashAndReset());
    }

    /// <summary>
    /// The SIF-weighted mean of the vectors of <paramref name="input"/>'s words of two or more characters (single characters
    /// are mostly function words or senses too broad to help: 黑 sits beside 反动), normalised into <paramref name="into"/>;
    /// a word without a vector of its own takes <paramref name="unknown"/>'s, when given one.
    /// </summary>
    internal static void Embed(WordVectors words, Lexicon lexicon, IEnumerable<string> input, Span<float> into, Func<string, float[]?>? unknown)
    {
        var total = Math.Max(1, lexicon.TotalFrequency);
        foreach (var word in input)
        {
            if (word.Length < 2 || Search.QueryStopWords.OutOfMeaning(word))
            {
                continue;
            }

            var own = words.Of(word);
            var vector = own.IsEmpty ? unknown?.Invoke(word) : null;
            if (own.IsEmpty && vector is null)
            {
                continue;
            }

            var sif = Smoothing / (Smoothing + ((double)lexicon.Frequency(word) / total));
            VectorMath.AddScaled(into, own.IsEmpty ? vector : own, (float)sif);
        }

        VectorMath.Normalize(into);
    }

    /// <summary>Removes <paramref name="common"/>'s direction from <paramref name="vector"/> and normalises it.</summary>
    internal static void RemoveCommon(Span<float> vector, float[] common)
    {
        VectorMath.AddScaled(vector, common, -(float)VectorMath.Dot(vector, common));
        VectorMath.Normalize(vector);
    }

    private static float[] EmbedAll(int count, Func<int, string> textAt, WordVectors words, Segmenter segmenter)
    {
        var d = words.Dimensions;
        var floats = new float[(long)count * d];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            Embed(words, segmenter.Lexicon, segmenter.HanWords(textAt(i)), floats.AsSpan(i * d, d), unknown: null);
        });
        return floats;
    }

    /// <summary>
    /// The rows' common component: the leading eigenvector of Σ rowᵀ row, by thirty rounds of power iteration from the
    /// first axis, or fewer when a round gives back the very bits it started from (every round after would too). Each round
    /// projects every row on the current estimate (split among threads) and sums the rows scaled by their projections in
    /// double, row after row, each thread taking a stretch of the dimensions: every dimension's sum takes its terms in the
    /// same order however many threads there are.
    /// </summary>
    internal static float[] CommonComponent(float[] floats, int count, int d)
    {
        var common = new float[d];
        common[0] = 1;
        var projections = new double[count];
        var lanes = Vector<float>.Count;
        var stretch = Math.Max(lanes, (d / Math.Max(1, Environment.ProcessorCount) + lanes - 1) / lanes * lanes);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var estimate = common;
            Parallel.For(0, (count + 4095) / 4096, options, chunk =>
            {
                for (var i = chunk * 4096; i < Math.Min(count, (chunk + 1) * 4096); i++)
                {
                    projections[i] = VectorMath.Dot(floats.AsSpan(i * d, d), estimate);
                }
            });

            var next = new double[d];
            Parallel.For(0, (d + stretch - 1) / stretch, options, part =>
            {
                var (from, to) = (part * stretch, Math.Min(d, (part + 1) * stretch));
                var sums = next.AsSpan(from, to - from);
                for (var i = 0; i < count; i++)
                {
                    VectorMath.AddScaledWide(sums, floats.AsSpan((i * d) + from, to - from), projections[i]);
                }
            });

            var updated = next.Select(x => (float)x).ToArray();
            if (!VectorMath.Normalize(updated))
            {
                break;
            }

            if (updated.AsSpan().SequenceEqual(common))
            {
                break; // a fixed point: every round left would give these same bits
            }

            common = updated;
        }

        return common;
    }

    private static (sbyte[] Data, float[] Scales) Finish(float[] floats, int count, float[] common)
    {
        var d = common.Length;
        var data = new sbyte[floats.Length];
        var scales = new float[count];
        for (var i = 0; i < count; i++)
        {
            var row = floats.AsSpan(i * d, d);
            RemoveCommon(row, common);
            scales[i] = VectorMath.Quantise(row, data.AsSpan(i * d, d));
        }

        return (data, scales);
    }

    /// <summary>The stored form: a header, the common component, then the ids, the scales and the rows.</summary>
    public byte[] ToBytes() =>
        StoredForm.Write(Magic, FormatVersion, 8L + (Dimensions * 4L) + (Count * (Dimensions + 12L)), writer =>
        {
            writer.Write(Count);
            writer.Write(Dimensions);
            writer.WriteArray(Common);
            writer.WriteArray(Ids);
            writer.WriteArray(Scales);
            writer.WriteArray(Data);
        });

    /// <summary>
    /// Reads what <see cref="ToBytes"/> wrote from <paramref name="stream"/> (of known length), each array straight from it (the
    /// stored form is never whole in memory); anything else throws <see cref="SpeechArchiveException"/> naming <paramref name="source"/>.
    /// </summary>
    public static PassageVectorTable Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[16];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !StoredForm.Begins(header, Magic, FormatVersion, 16))
        {
            throw new SpeechArchiveException($"{source}: not a passage-vector table of this version");
        }

        var (count, d) = (BitConverter.ToInt32(header[8..]), BitConverter.ToInt32(header[12..]));
        if (count < 0 || d is <= 0 or > 4096 || stream.Length != 16 + (d * 4L) + (count * (12L + d)))
        {
            throw new SpeechArchiveException($"{source}: a passage-vector table of {stream.Length} bytes cannot hold {count} rows of {d} dimensions");
        }

        var common = StoredForm.ReadArray<float>(stream, d);
        var ids = StoredForm.ReadArray<long>(stream, count);
        var scales = StoredForm.ReadArray<float>(stream, count);
        var data = StoredForm.ReadArray<sbyte>(stream, count * d);
        return new PassageVectorTable(ids, common, data, scales);
    }

    /// <summary>Reads what <see cref="ToBytes"/> wrote; anything else throws <see cref="SpeechArchiveException"/> naming <paramref name="source"/>.</summary>
    public static PassageVectorTable FromBytes(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Read(new MemoryStream(bytes, writable: false), source);
    }
}
