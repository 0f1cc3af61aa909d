namespace SpeechArchive.Storage;

/// <summary>LEB128-style unsigned variable-length integers for postings and term blobs.</summary>
internal static class Varint
{
    public static void Write(List<byte> buffer, ulong value)
    {
        while (value >= 0x80)
        {
            buffer.Add((byte)(value | 0x80));
            value >>= 7;
        }

        buffer.Add((byte)value);
    }

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
