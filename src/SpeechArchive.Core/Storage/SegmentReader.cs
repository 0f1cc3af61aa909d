using System.Text;

namespace SpeechArchive.Storage;

/// <summary>Decodes a stored segment term by term.</summary>
internal static class SegmentReader
{
    /// <summary>Calls <paramref name="onTerm"/> for each term with its document count, then <paramref name="onPosting"/> for each of its postings.</summary>
    public static void Read(SegmentData segment, Action<string, int> onTerm, Action<long, int> onPosting)
    {
        ReadOnlySpan<byte> terms = segment.Terms;
        ReadOnlySpan<byte> postings = segment.Postings;
        var at = 0;
        var count = (int)Varint.Read(terms, ref at);
        for (var t = 0; t < count; t++)
        {
            var length = (int)Varint.Read(terms, ref at);
            if (at + length > terms.Length)
            {
                throw new SpeechArchiveException($"The index is damaged: segment {segment.Id} has a truncated term list. Rebuild it with `index --rebuild`.");
            }

            var text = Encoding.UTF8.GetString(terms.Slice(at, length));
            at += length;
            var offset = (int)Varint.Read(terms, ref at);
            var docs = (int)Varint.Read(terms, ref at);
            onTerm(text, docs);
            long doc = 0;
            var p = offset;
            for (var i = 0; i < docs; i++)
            {
                var value = Varint.Read(postings, ref p);
                doc += (long)(value >> 1);
                var tf = (value & 1) == 1 ? 1 : (int)Varint.Read(postings, ref p);
                onPosting(doc, tf);
            }
        }
    }
}
