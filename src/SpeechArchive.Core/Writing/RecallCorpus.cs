namespace SpeechArchive.Writing;

/// <summary>
/// Lays several corpus folders out as one, for the index a recall set is evaluated on: the first folder's files at the top
/// (the project's own speeches, sources <c>corpus/…</c>), each further folder as a sub-folder named after it (<c>reports/…</c>).
/// </summary>
public static class RecallCorpus
{
    public static void Stage(string target, IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        Directory.CreateDirectory(target);
        for (var i = 0; i < folders.Count; i++)
        {
            var source = Path.GetFullPath(folders[i]);
            if (!Directory.Exists(source))
            {
                throw new SpeechArchiveException($"corpus folder not found: {folders[i]}");
            }

            var into = i == 0 ? target : Path.Combine(target, Path.GetFileName(source.TrimEnd(Path.DirectorySeparatorChar)));
            Copy(source, into);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith('.'))
            {
                File.Copy(file, Path.Combine(to, name), overwrite: true);
            }
        }
    }
}
