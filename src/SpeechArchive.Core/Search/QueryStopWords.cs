namespace SpeechArchive.Search;

/// <summary>The question and function words a free-text query drops (如何, 怎样, 什么, 是否, 的, 了, 要, 应当…): <c>QueryStopWords.txt</c>.</summary>
internal static class QueryStopWords
{
    private static readonly HashSet<string> Words = Load();

    public static bool Contains(string word) => Words.Contains(word);

    private static HashSet<string> Load()
    {
        using var stream = typeof(QueryStopWords).Assembly.GetManifestResourceStream("SpeechArchive.Search.QueryStopWords.txt")
            ?? throw new InvalidOperationException("The embedded QueryStopWords.txt is missing.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (!line.StartsWith('#'))
            {
                words.UnionWith(line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        return words;
    }
}
