using SpeechArchive.Analysis;

namespace SpeechArchive.Semantics;

/// <summary>
/// Texts cut into their Han words once, for the vector stage's two readings of them: learning word vectors
/// (<see cref="VectorTrainer.Learn(CutTexts, IEnumerable{int}, VectorTrainingOptions, string, WordVectors?)"/>) and embedding
/// the passages, which are spans of the texts (<see cref="Within"/>). Each word is an id into <see cref="Names"/>, with
/// its offsets and whether a sentence ends before it. The segmenter cuts each run of Han characters on its own, so the
/// words within a passage that begins and ends outside such a run are the words the passage's own text is cut into.
/// </summary>
internal sealed class CutTexts
{
    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create("。！？；!?;\n");

    private CutTexts(string[] names, bool[] outOfMeaning, int[][] ids, int[][] starts, int[][] ends, bool[][] breaks)
    {
        (Names, OutOfMeaning, Ids, Starts, Ends, Breaks) = (names, outOfMeaning, ids, starts, ends, breaks);
    }

    /// <summary>The distinct words, by id.</summary>
    public string[] Names { get; }

    /// <summary>By id: whether the word is a question or function word, left out of learning (<see cref="Search.QueryStopWords.OutOfMeaning"/>).</summary>
    public bool[] OutOfMeaning { get; }

    /// <summary>By text: its Han words' ids, in order.</summary>
    public int[][] Ids { get; }

    /// <summary>By text: where each word begins.</summary>
    public int[][] Starts { get; }

    /// <summary>By text: where each word ends.</summary>
    public int[][] Ends { get; }

    /// <summary>By text: whether a sentence ends between a word and the Han word before it (a window does not cross it).</summary>
    public bool[][] Breaks { get; }

    /// <summary>
    /// Cuts <paramref name="texts"/> in parallel, the words numbered in order of their first use, text after text. A word is
    /// known by its number in the lexicon (a character the lexicon lacks, by the character), so no word's string is made
    /// more than once.
    /// </summary>
    public static CutTexts Of(IReadOnlyList<string> texts, Segmenter segmenter)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(segmenter);
        var byNumber = new int[segmenter.WordNumbers];
        Array.Fill(byNumber, -1);
        var byCharacter = new Dictionary<long, int>();
        var names = new List<string>();
        var (ids, starts, ends, breaks) = (new int[texts.Count][], new int[texts.Count][], new int[texts.Count][], new bool[texts.Count][]);
        var index = 0;
        foreach (var (text, words) in texts.AsParallel().AsOrdered().Select(t => (t, Cut(t, segmenter))).AsSequential())
        {
            var (textIds, textStarts, textEnds, textBreaks) = (new int[words.Count], new int[words.Count], new int[words.Count], new bool[words.Count]);
            var previousEnd = 0;
            for (var k = 0; k < words.Count; k++)
            {
                var (start, end, number) = words[k];
                int id;
                if (number >= 0)
                {
                    id = byNumber[number];
                    if (id < 0)
                    {
                        id = byNumber[number] = names.Count;
                        names.Add(Folded(text, start, end));
                    }
                }
                else
                {
                    // A character (or a surrogate pair) the lexicon lacks, known by its code units.
                    var key = ((long)Analysis.TextNormalizer.Fold(text[start]) << 16) | (end - start > 1 ? Analysis.TextNormalizer.Fold(text[start + 1]) : '\0');
                    if (!byCharacter.TryGetValue(key, out id))
                    {
                        id = names.Count;
                        byCharacter.Add(key, id);
                        names.Add(Folded(text, start, end));
                    }
                }

                (textIds[k], textStarts[k], textEnds[k]) = (id, start, end);
                textBreaks[k] = text.AsSpan(previousEnd, start - previousEnd).IndexOfAny(SentenceEnds) >= 0;
                previousEnd = end;
            }

            (ids[index], starts[index], ends[index], breaks[index]) = (textIds, textStarts, textEnds, textBreaks);
            index++;
        }

        return new CutTexts([.. names], [.. names.Select(Search.QueryStopWords.OutOfMeaning)], ids, starts, ends, breaks);
    }

    private static List<(int Start, int End, int Word)> Cut(string text, Segmenter segmenter)
    {
        var words = new List<(int Start, int End, int Word)>(text.Length / 2);
        segmenter.CutHan(text, words);
        return words;
    }

    /// <summary>A word's string as the segmenter gives it: its characters folded.</summary>
    private static string Folded(string text, int start, int end) =>
        string.Create(end - start, (text, start), (span, at) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Analysis.TextNormalizer.Fold(at.text[at.start + i]);
            }
        });

    /// <summary>The range of text <paramref name="text"/>'s words (<see cref="Ids"/>) that lie within <paramref name="start"/>–<paramref name="end"/>.</summary>
    public (int From, int To) Within(int text, int start, int end)
    {
        var (starts, ends) = (Starts[text], Ends[text]);
        var first = Array.BinarySearch(starts, start);
        var k = first < 0 ? ~first : first;
        var to = k;
        while (to < starts.Length && ends[to] <= end)
        {
            to++;
        }

        return (k, to);
    }
}
