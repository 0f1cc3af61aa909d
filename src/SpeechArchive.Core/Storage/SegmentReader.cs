using System.Text;

namespace SpeechArchive.Storage;

/// <summary>Decodes a stored segment: its term list entry by entry, and each term's postings.</summary>
internal static class SegmentReader
{
    /// <summary>Reads the number of terms at the start of a term blob.</summary>
    public static int TermCount(ReadOnlySpan<byte> terms, ref int at) => (int)Varint.Read(terms, ref at);

    /// <summary>Reads one term entry: where its UTF-8 text lies in the blob, where its postings start, and how many documents they hold.</summary>
    public static (int TextStart, int TextLength, int Offset, int Docs) NextTerm(ReadOnlySpan<byte> terms, ref int at, long segmentId)
    {
        var length = (int)Varint.Read(terms, ref at);
        if (at + length > terms.Length)
        {
            throw new SpeechArchiveException($"The index is damaged: segment {segmentId} has a truncated term list. Rebuild it with `index --rebuild`.");
        }

        var start = at;
        at += length;
        var offset = (int)Varint.Read(terms, ref at);
        var docs = (int)Varint.Read(terms, ref at);
        return (start, length, offset, docs);
    }

    /// <summary>Reads one posting at <paramref name="at"/>: advances <paramref name="doc"/> by its delta and returns its frequency.</summary>
    public static int NextPosting(ReadOnlySpan<byte> postings, ref int at, ref long doc)
    {
        var value = Varint.Read(postings, ref at);
        doc += (long)(value >> 1);
        return (value & 1) == 1 ? 1 : (int)Varint.Read(postings, ref at);
    }

    /// <summary>Calls <paramref name="onTerm"/> for each term with its document count, then <paramref name="onPosting"/> for each of its postings.</summary>
    public static void Read(SegmentData segment, Action<string, int> onTerm, Action<long, int> onPosting)
    {
        ReadOnlySpan<byte> terms = segment.Terms;
        ReadOnlySpan<byte> postings = segment.Postings;
        var at = 0;
        var count = TermCount(terms, ref at);
        for (var t = 0; t < count; t++)
        {
            var (start, length, offset, docs) = NextTerm(terms, ref at, segment.Id);
            onTerm(Encoding.UTF8.GetString(terms.Slice(start, length)), docs);
            long doc = 0;
            var p = offset;
            for (var i = 0; i < docs; i++)
            {
                var tf = NextPosting(postings, ref p, ref doc);
                onPosting(doc, tf);
            }
        }
    }
}
