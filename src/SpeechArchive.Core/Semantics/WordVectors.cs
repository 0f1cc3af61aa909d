using System.Text;

namespace SpeechArchive.Semantics;

/// <summary>
/// Word vectors learned from an archive (<see cref="VectorTrainer"/>): one unit vector per word, kept as floats in memory
/// and stored 8-bit quantised (<see cref="Write"/>, <see cref="Read"/>). A word not in the vocabulary is composed from its
/// characters (each Han character is a word of the vocabulary), so a lay word the archive never uses (挖煤) still lands near
/// the words that share its characters' senses (挖, 煤).
/// </summary>
public sealed class WordVectors
{
    private const uint Magic = 0x56415053; // "SPAV"
    private const int FormatVersion = 1;
    private const string BaseResourceName = "SpeechArchive.Semantics.BaseVectors.bin";
    private static readonly Lazy<WordVectors?> BaseVectors = new(LoadBase);

    private readonly Dictionary<string, int> ids;
    private readonly float[] data;

    public WordVectors(IReadOnlyList<string> words, float[] vectors, int dimensions, string provenance)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(vectors);
        if ((long)words.Count * dimensions != vectors.Length)
        {
            throw new ArgumentException($"{words.Count} words × {dimensions} dimensions ≠ {vectors.Length} values", nameof(vectors));
        }

        Words = words;
        Dimensions = dimensions;
        Provenance = provenance;
        data = vectors;
        ids = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            ids.TryAdd(words[i], i);
            VectorMath.Normalize(data.AsSpan(i * dimensions, dimensions));
        }
    }

    /// <summary>The vectors shipped with the library, learned from the shared public sets (null when the build has none).</summary>
    public static WordVectors? Base => BaseVectors.Value;

    public IReadOnlyList<string> Words { get; }

    public int Dimensions { get; }

    /// <summary>How the vectors were made (the command and its input), for the status and the docs.</summary>
    public string Provenance { get; }

    public int Count => Words.Count;

    public bool Contains(string word) => ids.ContainsKey(word);

    /// <summary>The row of <paramref name="word"/>'s vector (for <see cref="Row"/>), or -1 when it has none.</summary>
    internal int IdOf(string word) => ids.TryGetValue(word, out var id) ? id : -1;

    /// <summary>The vector in row <paramref name="id"/> (<see cref="IdOf"/>).</summary>
    internal ReadOnlySpan<float> Row(int id) => data.AsSpan(id * Dimensions, Dimensions);

    /// <summary>The unit vector of a vocabulary word (a view into the table), or an empty span.</summary>

    public ReadOnlySpan<float> Of(string word) => ids.TryGetValue(word, out var id) ? data.AsSpan(id * Dimensions, Dimensions) : [];

    /// <summary>
    /// The vector of <paramref name="word"/>: its own, else the mean of its characters' (each must be known), normalised;
    /// null when neither.
    /// </summary>
    public float[]? Vector(string word)
    {
        var own = Of(word);
        if (!own.IsEmpty)
        {
            return own.ToArray();
        }

        if (word.Length < 2)
        {
            return null;
        }

        var sum = new float[Dimensions];
        foreach (var c in word)
        {
            var part = Of(c.ToString());
            if (part.IsEmpty)
            {
                return null;
            }

            VectorMath.AddScaled(sum, part, 1f);
        }

        return VectorMath.Normalize(sum) ? sum : null;
    }

    /// <summary>Cosine of two unit vectors.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => VectorMath.Dot(a, b);

    /// <summary>
    /// The <paramref name="count"/> vocabulary words nearest to <paramref name="vector"/> (a unit vector) that
    /// <paramref name="accept"/> takes, nearest first, with their cosines.
    /// </summary>
    public IReadOnlyList<(string Word, double Cosine)> Nearest(ReadOnlySpan<float> vector, int count, Func<string, bool> accept)
    {
        if (count <= 0)
        {
            return [];
        }

        var best = new Search.TopK(count, Search.SearchSort.Relevance);
        for (var i = 0; i < Words.Count; i++)
        {
            var cosine = Cosine(vector, data.AsSpan(i * Dimensions, Dimensions));
            if (cosine >= best.Threshold && accept(Words[i]))
            {
                best.Offer(i, cosine, 0);
            }
        }

        return [.. best.Drain().Select(b => (Words[b.Doc], b.Score))];
    }

    /// <summary>
    /// A digest of the vectors' stored form (16 hex digits): of the bytes they were read from, or of what
    /// <see cref="Write"/> writes for vectors made in memory, so a model and the same model read back from where it was
    /// stored agree. Passages embedded with one model are kept only while the same model serves
    /// (<see cref="Indexing.ArchiveVectors"/>).
    /// </summary>
    public string Fingerprint => fingerprint ?? Digest(ToBytes());

    private string? fingerprint;

    /// <summary>What <see cref="Write"/> writes, as bytes (the form an index stores); their digest becomes the <see cref="Fingerprint"/>.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Write(stream);
        var bytes = stream.ToArray();
        fingerprint ??= Digest(bytes);
        return bytes;
    }

    private static string Digest(ReadOnlySpan<byte> bytes) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16];

    /// <summary>
    /// Writes the vectors 8-bit quantised (each unit vector scaled by its largest component): a header, then per word its
    /// UTF-8 bytes, a scale and <see cref="Dimensions"/> signed bytes.
    /// </summary>
    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Count);
        writer.Write(Dimensions);
        writer.Write(Provenance);
        var bytes = new sbyte[Dimensions];
        for (var i = 0; i < Count; i++)
        {
            var scale = VectorMath.Quantise(data.AsSpan(i * Dimensions, Dimensions), bytes);
            writer.Write(Words[i]);
            writer.Write(scale);
            writer.Write((ReadOnlySpan<byte>)System.Runtime.InteropServices.MemoryMarshal.AsBytes(bytes.AsSpan()));
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote (the whole of <paramref name="stream"/>); anything else throws <see cref="SpeechArchiveException"/> naming <paramref name="source"/>.</summary>
    public static WordVectors Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        var vectors = Parse(copy, source);
        vectors.fingerprint = Digest(copy.GetBuffer().AsSpan(0, (int)copy.Length));
        return vectors;
    }

    private static WordVectors Parse(Stream stream, string source)
    {
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion)
            {
                throw new SpeechArchiveException($"{source}: not a word-vector file of this version");
            }

            var count = reader.ReadInt32();
            var dimensions = reader.ReadInt32();
            if (count < 0 || dimensions is <= 0 or > 4096)
            {
                throw new SpeechArchiveException($"{source}: {count} words of {dimensions} dimensions is not a word-vector table");
            }

            var provenance = reader.ReadString();
            var words = new string[count];
            var data = new float[(long)count * dimensions];
            var bytes = new byte[dimensions];
            for (var i = 0; i < count; i++)
            {
                words[i] = reader.ReadString();
                var scale = reader.ReadSingle();
                reader.BaseStream.ReadExactly(bytes);
                for (var d = 0; d < dimensions; d++)
                {
                    data[(i * dimensions) + d] = (sbyte)bytes[d] * scale;
                }
            }

            return new WordVectors(words, data, dimensions, provenance);
        }
        catch (EndOfStreamException)
        {
            throw new SpeechArchiveException($"{source}: the word-vector file is cut short");
        }
    }

    private static WordVectors? LoadBase()
    {
        using var stream = typeof(WordVectors).Assembly.GetManifestResourceStream(BaseResourceName);
        return stream is null ? null : Read(stream, BaseResourceName);
    }
}
