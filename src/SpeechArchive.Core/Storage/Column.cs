namespace SpeechArchive.Storage;

/// <summary>
/// A read-only column of values indexed by passage: an array on the heap, or a region of a mapped file
/// (<see cref="PassageColumnFile"/>), whose pages are the page cache's rather than the process's heap. A column over a map
/// keeps the map open while it is reachable: the map is closed when the last column over it has been collected.
/// </summary>
internal readonly unsafe struct Column<T>
    where T : unmanaged
{
    private readonly T[]? array;
    private readonly T* pointer;
    private readonly MappedView? owner;

    public Column(T[] array)
    {
        this.array = array;
        Length = array.Length;
    }

    internal Column(MappedView owner, T* pointer, int length)
    {
        this.owner = owner;
        this.pointer = pointer;
        Length = length;
    }

    public int Length { get; }

    /// <summary>Whether the values are read from a mapped file.</summary>
    public bool Mapped => owner is not null;

    public T this[int index]
    {
        get
        {
            if (array is not null)
            {
                return array[index];
            }

            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Length, nameof(index));

            var value = pointer[index];
            GC.KeepAlive(owner); // the map stays open until the value is read
            return value;
        }
    }

    /// <summary>The values as a span, valid while this column (or its owner) is reachable.</summary>
    public ReadOnlySpan<T> Span => array is not null ? array : new ReadOnlySpan<T>(pointer, Length);

    /// <summary>Keeps the map open up to this point (after reading through <see cref="Span"/>).</summary>
    public void KeepAlive() => GC.KeepAlive(owner);

    public static implicit operator Column<T>(T[] array) => new(array);
}
