using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SpeechArchive.Storage;

/// <summary>
/// The term dictionary of one index generation (<see cref="TermDictionary"/>) in a file beside the database, written at the
/// first load of the generation so that later loads map it instead of reading every segment's term list and building a
/// table of every term. Named, as the postings file is, by the generation and the digest of its segments. Both halves of
/// the format live here: a 64-byte header (<c>SATERM01</c>, the generation, the segments' digest, the counts), the keys
/// (int64), the table of ids, each term's first part, the parts (segment, offset, documents), each word's start and the
/// words' UTF-16 characters (each padded to 8 bytes), then a checksum of all before it. A file of another generation or
/// other segments, cut short, altered or out of range is not used (the dictionary is made from the term lists and the file
/// written again).
/// </summary>
internal static class TermDictionaryFile
{
    private const string Prefix = "term-dictionary-";
    private const string Extension = ".bin";
    private const int HeaderBytes = 64;
    private static ReadOnlySpan<byte> Magic => "SATERM01"u8;

    /// <summary>The file name for <paramref name="generation"/> with the segments of <paramref name="digest"/>.</summary>
    public static string NameFor(long generation, string digest) => GenerationFiles.Name(Prefix, generation, digest, Extension);

    /// <summary>
    /// The dictionary of <paramref name="postings"/> (of <paramref name="generation"/>, read by <paramref name="store"/> in its
    /// current read transaction): mapped from the generation's file beside the index when it is whole and made for these
    /// segments; else made from the segments' term lists and written there (deleting the other generations'), then mapped.
    /// Where the file cannot be written (a read-only folder, a full disk) or the postings are not the generation's own file,
    /// the dictionary made from the term lists serves, as arrays. The second item says whether it came from the file.
    /// </summary>
    public static (TermDictionary Dictionary, bool FromFile) ReadForGeneration(IndexStore store, long generation, SegmentPostingsFile postings)
    {
        var path = postings.Digest is { } digest ? Path.Combine(store.Directory, NameFor(generation, digest)) : null;
        if (path is not null && Read(path, generation, postings.Digest!, postings) is { } mapped)
        {
            return (mapped, true);
        }

        var lists = postings.Segments.All(s => s.Terms is not null)
            ? postings.Segments.ConvertAll(s => (s.Terms!, s.Id))
            : store.ReadSegmentTermLists();
        var built = TermDictionary.Build(lists);
        if (path is null)
        {
            return (built, false);
        }

        try
        {
            Write(path, generation, postings.Digest!, postings.Segments.Count, built);
            GenerationFiles.DeleteOthers(store.Directory, Prefix, Extension, generation, Path.GetFileName(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (built, false); // a read-only folder or a full disk: the arrays serve, and the next load tries again
        }

        return (Read(path, generation, postings.Digest!, postings) ?? built, false);
    }

    /// <summary>The dictionary in the file at <paramref name="path"/> when it is whole and made for <paramref name="generation"/> and the segments of <paramref name="postings"/>; else null.</summary>
    public static TermDictionary? Read(string path, long generation, string digest, SegmentPostingsFile postings) =>
        GenerationFiles.Read(path, HeaderBytes + 8, (mapped, length) => Decode(mapped, length, generation, digest, postings));

    /// <summary>Writes <paramref name="dictionary"/> to <paramref name="path"/> (through a temporary file renamed into place).</summary>
    public static void Write(string path, long generation, string digest, int segments, TermDictionary dictionary) =>
        GenerationFiles.Write(path, stream =>
        {
            var header = GenerationFiles.Header(HeaderBytes, Magic, generation, digest);
            var counts = header.AsSpan(24);
            BinaryPrimitives.WriteInt32LittleEndian(counts, dictionary.Count);
            BinaryPrimitives.WriteInt32LittleEndian(counts[4..], dictionary.Slots.Length);
            BinaryPrimitives.WriteInt32LittleEndian(counts[8..], dictionary.Parts.Length);
            BinaryPrimitives.WriteInt32LittleEndian(counts[12..], dictionary.WordStart.Length - 1);
            BinaryPrimitives.WriteInt32LittleEndian(counts[16..], dictionary.WordChars.Length);
            BinaryPrimitives.WriteInt32LittleEndian(counts[20..], segments);
            var file = new GenerationFiles.PaddedWriter(stream);
            file.Put(header);
            file.Put(MemoryMarshal.AsBytes(dictionary.Keys.Span));
            file.Put(MemoryMarshal.AsBytes(dictionary.Slots.Span));
            file.Put(MemoryMarshal.AsBytes(dictionary.PartStart.Span));
            file.Put(MemoryMarshal.AsBytes(dictionary.Parts.Span));
            file.Put(MemoryMarshal.AsBytes(dictionary.WordStart.Span));
            file.Put(MemoryMarshal.AsBytes(dictionary.WordChars.Span));
            dictionary.KeepAlive();
            file.End();
        });

    private static unsafe TermDictionary? Decode(MappedView mapped, int length, long generation, string digest, SegmentPostingsFile postings)
    {
        var bytes = new ReadOnlySpan<byte>(mapped.Pointer, length);
        var header = bytes[..HeaderBytes];
        var counts = header[24..];
        var (terms, table, parts, words, chars) = (BinaryPrimitives.ReadInt32LittleEndian(counts), BinaryPrimitives.ReadInt32LittleEndian(counts[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(counts[8..]), BinaryPrimitives.ReadInt32LittleEndian(counts[12..]), BinaryPrimitives.ReadInt32LittleEndian(counts[16..]));
        if (!GenerationFiles.Stamped(header, Magic, generation, digest)
            || BinaryPrimitives.ReadInt32LittleEndian(counts[20..]) != postings.Segments.Count
            || terms < 0 || parts < 0 || words < 0 || chars < 0 || table != TermDictionary.TableSize(terms)
            || bytes.Length != HeaderBytes + Padded(8L * terms) + Padded(4L * table) + Padded(4L * (terms + 1)) + Padded(12L * parts)
                + Padded(4L * (words + 1)) + Padded(2L * chars) + 8)
        {
            return null;
        }

        var checksum = new GenerationFiles.Checksum();
        checksum.Add(bytes[..^8]);
        if (checksum.Value != BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]))
        {
            return null;
        }

        var at = HeaderBytes;
        var dictionary = new TermDictionary(
            GenerationFiles.Next<long>(mapped, ref at, terms), GenerationFiles.Next<int>(mapped, ref at, table), GenerationFiles.Next<int>(mapped, ref at, terms + 1),
            GenerationFiles.Next<TermPart>(mapped, ref at, parts), GenerationFiles.Next<int>(mapped, ref at, words + 1), GenerationFiles.Next<char>(mapped, ref at, chars));
        return InRange(dictionary, postings) ? dictionary : null;
    }

    /// <summary>
    /// Whether every reference of <paramref name="dictionary"/> points inside what it refers to (a file is never trusted
    /// further): the table holds each term id once (so a search for a key ends), each term has parts in ascending segments
    /// whose offsets lie in those segments' postings, the words are in ordinal order and a word's key is one of their ranks.
    /// </summary>
    private static bool InRange(TermDictionary dictionary, SegmentPostingsFile postings)
    {
        var terms = dictionary.Count;
        ReadOnlySpan<int> slots = dictionary.Slots.Span, partStart = dictionary.PartStart.Span, wordStart = dictionary.WordStart.Span;
        ReadOnlySpan<long> keys = dictionary.Keys.Span;
        ReadOnlySpan<TermPart> parts = dictionary.Parts.Span;
        ReadOnlySpan<char> chars = dictionary.WordChars.Span;
        try
        {
            var seen = new System.Collections.BitArray(terms);
            var filled = 0;
            foreach (var slot in slots)
            {
                if (slot == 0)
                {
                    continue;
                }

                if ((uint)(slot - 1) >= (uint)terms || seen[slot - 1])
                {
                    return false;
                }

                seen[slot - 1] = true;
                filled++;
            }

            if (filled != terms || partStart[0] != 0 || partStart[terms] != parts.Length || wordStart[0] != 0 || wordStart[^1] != chars.Length)
            {
                return false;
            }

            var words = wordStart.Length - 1;
            for (var id = 0; id < terms; id++)
            {
                if (partStart[id + 1] <= partStart[id] || (keys[id] >= Analysis.TermKey.WordBase && keys[id] - Analysis.TermKey.WordBase >= words) || keys[id] < 0)
                {
                    return false;
                }

                var segment = -1;
                foreach (var part in parts[partStart[id]..partStart[id + 1]])
                {
                    if (part.Segment <= segment || part.Segment >= postings.Segments.Count || part.Docs < 0
                        || (uint)part.Offset > (uint)postings.Segments[part.Segment].PostingsLength)
                    {
                        return false;
                    }

                    segment = part.Segment;
                }
            }

            for (var w = 0; w < words; w++)
            {
                if (wordStart[w + 1] <= wordStart[w]
                    || (w > 0 && chars[wordStart[w - 1]..wordStart[w]].SequenceCompareTo(chars[wordStart[w]..wordStart[w + 1]]) >= 0))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            dictionary.KeepAlive();
        }
    }

    private static long Padded(long length) => GenerationFiles.Padded(length);
}
