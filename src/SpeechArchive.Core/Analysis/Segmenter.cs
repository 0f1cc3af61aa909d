using System.Buffers;

namespace SpeechArchive.Analysis;

/// <summary>
/// Segments text into words the jieba way: each run of Han characters takes the path through the DAG of its lexicon
/// words that maximises Σ ln P(word), P = frequency / total (a character not in the lexicon counts as frequency 1);
/// a run of Latin letters or digits is one word; punctuation, spaces and masks (xx, *) are not words.
/// </summary>
public sealed class Segmenter
{
    private readonly LexiconTrie trie;

    public Segmenter(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        Lexicon = lexicon;
        trie = new LexiconTrie(lexicon.Words, lexicon.TotalFrequency);
    }

    public Lexicon Lexicon { get; }

    /// <summary>The words of <paramref name="text"/>, in order, with offsets into it.</summary>
    public IReadOnlyList<WordSpan> Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<WordSpan>();
        Walk(text, (folded, start, end, kind, ends, _) =>
        {
            if (kind == CharKind.Cjk)
            {
                for (var i = start; i < end; i = ends[i - start] + start)
                {
                    words.Add(new WordSpan(i, ends[i - start] + start, new string(folded[i..(ends[i - start] + start)]), WordKind.Han));
                }
            }
            else if (kind == CharKind.Alnum && !ChineseAnalyzer.IsXMask(text, start, end))
            {
                words.Add(new WordSpan(start, end, new string(folded[start..end]), WordKind.Latin));
            }
        });
        return words;
    }

    /// <summary>
    /// Where <paramref name="text"/> may be cut without cutting one of its words: entry k (0 to text.Length) is false when a
    /// word of <see cref="Segment"/> begins before position k and ends after it (两个确|保 cuts 确保).
    /// </summary>
    public bool[] Boundaries(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cuts = new bool[text.Length + 1];
        Array.Fill(cuts, true);
        foreach (var word in Segment(text))
        {
            cuts.AsSpan(word.Start + 1, word.End - word.Start - 1).Clear();
        }

        return cuts;
    }

    /// <summary>The Han words of <paramref name="text"/>, in order (the words a passage's vector is made of).</summary>
    public IEnumerable<string> HanWords(string text) => Segment(text).Where(w => w.Kind == WordKind.Han).Select(w => w.Text);

    /// <summary>How many distinct words of the lexicon <see cref="CutHan"/> may name (its node numbers are below this).</summary>
    internal int WordNumbers => trie.NodeCount;

    /// <summary>
    /// The Han words of <paramref name="text"/> as <see cref="Segment"/> cuts it, without making their strings: each word's
    /// offsets and its number in the lexicon (below <see cref="WordNumbers"/>), or -1 for a character the lexicon does not
    /// hold (the word is then that character, or a surrogate pair), added to <paramref name="into"/>.
    /// </summary>
    internal void CutHan(string text, List<(int Start, int End, int Word)> into)
    {
        ArgumentNullException.ThrowIfNull(text);
        Walk(text, (_, start, end, kind, ends, nodes) =>
        {
            for (var i = start; kind == CharKind.Cjk && i < end; i = ends[i - start] + start)
            {
                into.Add((i, ends[i - start] + start, nodes[i - start]));
            }
        });
    }

    /// <summary>
    /// What a run of <paramref name="folded"/> text from <paramref name="start"/> to <paramref name="end"/> is, all of one
    /// <paramref name="kind"/>; for a run of Han characters, entry k of <paramref name="ends"/> and <paramref name="nodes"/> is
    /// where the word at <paramref name="start"/> + k ends (relative to the run) and its node in the lexicon (-1: a character
    /// the lexicon lacks).
    /// </summary>
    private delegate void RunVisitor(ReadOnlySpan<char> folded, int start, int end, CharKind kind, int[] ends, int[] nodes);

    /// <summary>Folds <paramref name="text"/>, cuts it into runs of one kind of character, finds each Han run's best path, and visits the runs in order.</summary>
    private void Walk(string text, RunVisitor visit)
    {
        var folded = ArrayPool<char>.Shared.Rent(text.Length);
        var best = ArrayPool<double>.Shared.Rent(text.Length + 1);
        var ends = ArrayPool<int>.Shared.Rent(text.Length + 1);
        var nodes = ArrayPool<int>.Shared.Rent(text.Length + 1);
        try
        {
            for (var k = 0; k < text.Length; k++)
            {
                folded[k] = TextNormalizer.Fold(text[k]);
            }

            var i = 0;
            while (i < text.Length)
            {
                var kind = TextNormalizer.KindOf(folded[i]);
                var end = i + 1;
                while (end < text.Length && TextNormalizer.KindOf(folded[end]) == kind)
                {
                    end++;
                }

                if (kind == CharKind.Cjk)
                {
                    trie.BestPath(folded.AsSpan(i, end - i), best, ends, nodes);
                }

                visit(folded.AsSpan(0, text.Length), i, end, kind, ends, nodes);
                i = end;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
            ArrayPool<double>.Shared.Return(best);
            ArrayPool<int>.Shared.Return(ends);
            ArrayPool<int>.Shared.Return(nodes);
        }
    }
}
