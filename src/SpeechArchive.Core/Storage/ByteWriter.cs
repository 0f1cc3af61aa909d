namespace SpeechArchive.Storage;

/// <summary>A growable byte buffer with varint writes (faster than List&lt;byte&gt; for tens of megabytes).</summary>
internal sealed class ByteWriter(int capacity = 1024)
{
    private byte[] buffer = new byte[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public void WriteVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            buffer[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[Length++] = (byte)value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public byte[] ToArray() => buffer.AsSpan(0, Length).ToArray();

    private void Ensure(int extra)
    {
        if (Length + extra > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, Length + extra));
        }
    }
}
