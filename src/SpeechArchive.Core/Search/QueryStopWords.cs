namespace SpeechArchive.Search;

/// <summary>The question and function words a free-text query drops (如何, 怎样, 什么, 是否, 的, 了, 要, 应当…): <c>QueryStopWords.txt</c>.</summary>
internal static class QueryStopWords
{
    private static readonly (HashSet<string> All, HashSet<string> Questions) Words = Load();

    public static bool Contains(string word) => Words.All.Contains(word);

    /// <summary>Whether <paramref name="word"/> asks a question (如何, 怎么办, 吗…): the query is then a question, not a half-remembered clause.</summary>
    public static bool IsQuestionWord(string word) => Words.Questions.Contains(word);

    private static (HashSet<string>, HashSet<string>) Load()
    {
        using var stream = typeof(QueryStopWords).Assembly.GetManifestResourceStream("SpeechArchive.Search.QueryStopWords.txt")
            ?? throw new InvalidOperationException("The embedded QueryStopWords.txt is missing.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var questions = new HashSet<string>(StringComparer.Ordinal);
        var inQuestions = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                inQuestions = line.StartsWith("# Question words", StringComparison.Ordinal);
                continue;
            }

            var listed = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            words.UnionWith(listed);
            if (inQuestions)
            {
                questions.UnionWith(listed);
            }
        }

        return (words, questions);
    }
}
