namespace SpeechArchive.Storage;

/// <summary>
/// Per-term byte streams in one arena of 1 MB pages, as Lucene's byte slice pool: each term writes into a chain of slices
/// that grow level by level (a slice's last four bytes point to the next), so appending is cheap for rare and common
/// terms alike and a term's bytes come out in the order written, with no sort at the end.
/// </summary>
internal sealed class PostingSlices
{
    private const int PageBits = 20;
    private const int PageSize = 1 << PageBits;
    private const int PointerBytes = 4;
    private static readonly int[] LevelSizes = [9, 18, 24, 34, 44, 64, 84, 124, 204, 404];

    private readonly List<byte[]> pages = [];
    private int used = PageSize; // bytes used in the last page (full: the first slice opens a page)
    private int[] head = new int[1024];
    private int[] tail = new int[1024];
    private int[] end = new int[1024];
    private byte[] level = new byte[1024];
    private int[] length = new int[1024];

    public int Streams { get; private set; }

    /// <summary>Opens a new stream and returns its number.</summary>
    public int Open()
    {
        if (Streams == head.Length)
        {
            var size = head.Length * 2;
            Array.Resize(ref head, size);
            Array.Resize(ref tail, size);
            Array.Resize(ref end, size);
            Array.Resize(ref level, size);
            Array.Resize(ref length, size);
        }

        var at = Allocate(LevelSizes[0]);
        head[Streams] = at;
        tail[Streams] = at;
        end[Streams] = at + LevelSizes[0] - PointerBytes;
        return Streams++;
    }

    /// <summary>Bytes written to <paramref name="stream"/>.</summary>
    public int Length(int stream) => length[stream];

    public void WriteVarint(int stream, ulong value)
    {
        while (value >= 0x80)
        {
            WriteByte(stream, (byte)(value | 0x80));
            value >>= 7;
        }

        WriteByte(stream, (byte)value);
    }

    /// <summary>Copies the bytes of <paramref name="stream"/> into <paramref name="target"/> (which holds exactly that many).</summary>
    public void CopyTo(int stream, Span<byte> target)
    {
        var slice = head[stream];
        var lvl = 0;
        var copied = 0;
        while (true)
        {
            var dataEnd = slice + LevelSizes[lvl] - PointerBytes;
            var n = Math.Min(target.Length - copied, dataEnd - slice);
            pages[slice >> PageBits].AsSpan(slice & (PageSize - 1), n).CopyTo(target[copied..]);
            copied += n;
            if (copied == target.Length)
            {
                return;
            }

            slice = ReadPointer(dataEnd);
            lvl = Math.Min(lvl + 1, LevelSizes.Length - 1);
        }
    }

    private void WriteByte(int stream, byte value)
    {
        var at = tail[stream];
        if (at == end[stream])
        {
            var next = Math.Min(level[stream] + 1, LevelSizes.Length - 1);
            var slice = Allocate(LevelSizes[next]);
            WritePointer(at, slice);
            level[stream] = (byte)next;
            end[stream] = slice + LevelSizes[next] - PointerBytes;
            at = slice;
        }

        pages[at >> PageBits][at & (PageSize - 1)] = value;
        tail[stream] = at + 1;
        length[stream]++;
    }

    private int Allocate(int size)
    {
        if (used + size > PageSize)
        {
            if (pages.Count == int.MaxValue >> PageBits)
            {
                throw new InvalidOperationException("A postings segment may not exceed 2 GB.");
            }

            pages.Add(new byte[PageSize]);
            used = 0;
        }

        var at = ((pages.Count - 1) << PageBits) | used;
        used += size;
        return at;
    }

    private void WritePointer(int at, int value)
    {
        var page = pages[at >> PageBits];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(page.AsSpan(at & (PageSize - 1), PointerBytes), value);
    }

    private int ReadPointer(int at) =>
        System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(pages[at >> PageBits].AsSpan(at & (PageSize - 1), PointerBytes));
}
