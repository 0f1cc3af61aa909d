using System.IO.MemoryMappedFiles;

namespace SpeechArchive.Storage;

/// <summary>
/// A whole file mapped read-only, with a pointer to its first byte: what <see cref="SpeechTextFile"/> and
/// <see cref="SegmentPostingsFile"/> read through (the page cache holds the pages, not the process's heap).
/// </summary>
internal sealed unsafe class MappedView : IDisposable
{
    private readonly MemoryMappedFile map;
    private readonly MemoryMappedViewAccessor view;
    private bool released;

    private MappedView(MemoryMappedFile map)
    {
        this.map = map;
        view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        Pointer = pointer + view.PointerOffset;
    }

    /// <summary>The file's first byte; valid until <see cref="Dispose"/>.</summary>
    public byte* Pointer { get; }

    /// <summary>Maps the file at <paramref name="path"/>.</summary>
    public static MappedView Of(string path) =>
        new(MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read));

    /// <summary>Maps <paramref name="file"/> (which the map then owns: closing it closes the file).</summary>
    public static MappedView Of(FileStream file) =>
        new(MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false));

    /// <summary>Closes the map when nothing reads through it any more (a column over it, <see cref="Column{T}"/>, keeps it reachable).</summary>
    ~MappedView() => Release();

    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    private void Release()
    {
        if (!released)
        {
            released = true;
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            map.Dispose();
        }
    }
}
