namespace SpeechArchive.Storage;

/// <summary>Reads the LEB128-style unsigned variable-length integers of postings and term blobs (written by <see cref="ByteWriter"/> and the indexer's posting streams).</summary>
internal static class Varint
{
    public static ulong Read(ReadOnlySpan<byte> data, ref int at)
    {
        ulong result = 0;
        var shift = 0;
        while (true)
        {
            if (at >= data.Length || shift > 63)
            {
                throw new SpeechArchiveException("The index is damaged: a postings blob ends inside a number. Rebuild it with `index --rebuild`.");
            }

            var b = data[at++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }

            shift += 7;
        }
    }
}
