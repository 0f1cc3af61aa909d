namespace SpeechArchive.LoadTest;

/// <summary>A scratch folder for the corpus copy and the index, deleted at the end.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "speecharchive-load", Guid.NewGuid().ToString("N"));

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // the server may still hold a file for a moment
        }
    }
}
