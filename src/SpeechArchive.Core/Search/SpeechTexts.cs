using SpeechArchive.Storage;

namespace SpeechArchive.Search;

/// <summary>
/// The speeches' texts of a snapshot, off the managed heap: mapped from the generation's text file beside the index
/// (<see cref="SpeechTextFile"/>), written at the first load of a generation that has none. Where that file can be neither
/// read nor written (a read-only index folder loaded before any load wrote it), the texts are held as strings on the heap.
/// </summary>
internal sealed class SpeechTexts
{
    // The maps of earlier snapshots: a map is closed only once its snapshot is unreachable and a later load sweeps
    // (closing it when its owner is collected could pull pages from under a span a request still reads).
    private static readonly List<(WeakReference<SpeechTexts> Owner, SpeechTextFile File)> Maps = [];

    private readonly SpeechTextFile? file;
    private readonly string[]? strings;

    private SpeechTexts(SpeechTextFile? file, string[]? strings)
    {
        this.file = file;
        this.strings = strings;
    }

    /// <summary>The mapped file's path, or null when the texts are held on the heap.</summary>
    public string? MappedPath => file?.Path;

    public ReadOnlySpan<char> Span(int speech) => file is not null ? file.Text(speech) : strings![speech];

    /// <summary>The text as a string: the held one, or a new one made from the map.</summary>
    public string String(int speech) => strings?[speech] ?? file!.Text(speech).ToString();

    /// <summary>
    /// The texts of <paramref name="speeches"/> (read without their text, in row-id order, whose <see cref="GenerationFiles.Digest"/>
    /// is <paramref name="digest"/>) of the generation <paramref name="store"/> reads.
    /// </summary>
    public static SpeechTexts Load(IndexStore store, IReadOnlyList<StoredSpeech> speeches, string digest)
    {
        var generation = store.Generation;
        var name = SpeechTextFile.NameFor(generation, digest);
        var path = Path.Combine(store.Directory, name);
        if (Map(path, speeches.Count) is { } mapped)
        {
            return mapped;
        }

        var texts = store.ReadTextsById();
        if (!texts.Select(t => t.Id).SequenceEqual(speeches.Select(s => s.RowId)))
        {
            throw new SpeechArchiveException($"Index '{store.Directory}' changed while its speeches were read: load it again.");
        }

        var strings = texts.ConvertAll(t => t.Text).ToArray();
        try
        {
            SpeechTextFile.Write(path, strings);
            SpeechTextFile.DeleteOthers(store.Directory, generation, name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SpeechTexts(null, strings); // a read-only folder: the texts stay on the heap
        }

        return Map(path, speeches.Count) ?? new SpeechTexts(null, strings);
    }

    private static SpeechTexts? Map(string path, int count)
    {
        SpeechTextFile? file;
        try
        {
            file = SpeechTextFile.Open(path, count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // deleted by another process's load meanwhile, or unreadable: made again or held on the heap
        }

        if (file is null)
        {
            return null;
        }

        var texts = new SpeechTexts(file, null);
        lock (Maps)
        {
            Sweep();
            Maps.Add((new WeakReference<SpeechTexts>(texts), file));
        }

        return texts;
    }

    /// <summary>
    /// Closes the maps of snapshots no longer reachable (after a reindex, the previous generation's, whose file is deleted:
    /// its disk space comes back when the map is closed). Each load sweeps; <see cref="IndexSnapshot.ReleaseUnreachable"/> too.
    /// </summary>
    public static void Sweep()
    {
        lock (Maps)
        {
            Maps.RemoveAll(m =>
            {
                if (m.Owner.TryGetTarget(out _))
                {
                    return false;
                }

                m.File.Dispose();
                return true;
            });
        }
    }
}
