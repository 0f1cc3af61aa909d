namespace SpeechArchive.Search;

/// <summary>
/// The question, function and filler words a free-text query drops (如何, 怎样, 什么, 是否, 的, 了, 要, 应当, 以后, 进一步…):
/// <c>QueryStopWords.txt</c>.
/// </summary>
internal static class QueryStopWords
{
    private static readonly Listed Words = Load();

    public static bool Contains(string word) => Words.All.Contains(word);

    /// <summary>
    /// Whether <paramref name="word"/> is a term spelled only with listed characters (所有人, 所得, 应对, 人才): searched as a
    /// word, not cut into characters a query drops (the "Terms" section; these are not listed words).
    /// </summary>
    public static bool IsTerm(string word) => Words.Terms.Contains(word);

    /// <summary>Whether <paramref name="word"/> asks a question (如何, 怎么办, 吗…): the query is then a question, not a half-remembered clause.</summary>
    public static bool IsQuestionWord(string word) => Words.Questions.Contains(word);

    /// <summary>
    /// Whether <paramref name="word"/> names what a question asks for rather than what it is about (举措, 措施, 办法: the
    /// "Answer words" section): a question drops it beside a word that stays; it is not a listed word.
    /// </summary>
    public static bool IsAnswerWord(string word) => Words.Answers.Contains(word);

    /// <summary>
    /// Whether <paramref name="word"/> is a filler (以后, 越来越, 进一步…): dropped from free text, but a formulation holding one
    /// (进一步深化改革) is still one found as written.
    /// </summary>
    public static bool IsFiller(string word) => Words.Fillers.Contains(word);

    /// <summary>
    /// Whether the meaning model leaves <paramref name="word"/> out (of its training, of every vector it makes, of the
    /// thesaurus's descriptions): the words listed before the sections marked "queries only" (the fillers, 怎么回事), which the
    /// model learned with; a query drops them before its vector is made.
    /// </summary>
    public static bool OutOfMeaning(string word) => Words.All.Contains(word) && !Words.QueriesOnly.Contains(word);

    /// <summary>
    /// <paramref name="text"/> cut into listed words only (有什么 → 有、什么; the fewest pieces), or null when it cannot be.
    /// </summary>
    public static List<string>? Split(string text)
    {
        // best[i]: the fewest listed words spelling text[..i], and where the last begins.
        var best = new (int Count, int From)[text.Length + 1];
        Array.Fill(best, (int.MaxValue, -1));
        best[0] = (0, 0);
        for (var end = 1; end <= text.Length; end++)
        {
            for (var start = Math.Max(0, end - Words.Longest); start < end; start++)
            {
                if (best[start].Count != int.MaxValue && best[start].Count + 1 < best[end].Count && Words.All.Contains(text[start..end]))
                {
                    best[end] = (best[start].Count + 1, start);
                }
            }
        }

        if (best[text.Length].Count == int.MaxValue)
        {
            return null;
        }

        var pieces = new List<string>();
        for (var end = text.Length; end > 0; end = best[end].From)
        {
            pieces.Insert(0, text[best[end].From..end]);
        }

        return pieces;
    }

    /// <summary>
    /// Where <paramref name="text"/> holds a question word asking when (哪一年, 什么时候: the section "Question words asking when"),
    /// left to right, the longest at each place: the reader keeps them whole, where the lexicon would cut one across a word
    /// beside it (哪一 | 年开始).
    /// </summary>
    public static List<(int Start, int Length)> QuestionWordsIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(int, int)>();
        for (var i = 0; i < text.Length;)
        {
            var length = Math.Min(Words.Longest, text.Length - i);
            while (length >= 2 && !Words.When.Contains(text.Substring(i, length)))
            {
                length--;
            }

            if (length >= 2)
            {
                found.Add((i, length));
                i += length;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    private sealed record Listed(HashSet<string> All, HashSet<string> Questions, HashSet<string> When, HashSet<string> Fillers, HashSet<string> QueriesOnly, HashSet<string> Terms, HashSet<string> Answers, int Longest);

    private static Listed Load()
    {
        using var stream = typeof(QueryStopWords).Assembly.GetManifestResourceStream("SpeechArchive.Search.QueryStopWords.txt")
            ?? throw new InvalidOperationException("The embedded QueryStopWords.txt is missing.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var questions = new HashSet<string>(StringComparer.Ordinal);
        var when = new HashSet<string>(StringComparer.Ordinal);
        var fillers = new HashSet<string>(StringComparer.Ordinal);
        var queriesOnly = new HashSet<string>(StringComparer.Ordinal);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var answers = new HashSet<string>(StringComparer.Ordinal);
        var section = "";
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..];
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue; // a comment
            }

            var listed = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (section.StartsWith("Terms", StringComparison.Ordinal))
            {
                terms.UnionWith(listed);
                continue;
            }

            if (section.StartsWith("Answer words", StringComparison.Ordinal))
            {
                answers.UnionWith(listed);
                continue;
            }

            words.UnionWith(listed);
            if (section.StartsWith("Question words", StringComparison.Ordinal))
            {
                questions.UnionWith(listed);
            }

            if (section.StartsWith("Question words asking when", StringComparison.Ordinal))
            {
                when.UnionWith(listed);
            }

            if (section.StartsWith("Fillers", StringComparison.Ordinal))
            {
                fillers.UnionWith(listed);
            }

            if (section.Contains("queries only", StringComparison.Ordinal))
            {
                queriesOnly.UnionWith(listed);
            }
        }

        return new Listed(words, questions, when, fillers, queriesOnly, terms, answers, words.Count == 0 ? 0 : words.Max(w => w.Length));
    }
}
