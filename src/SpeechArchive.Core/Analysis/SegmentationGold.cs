using System.Globalization;

namespace SpeechArchive.Analysis;

/// <summary>One sentence of a gold segmentation: its id, split (<c>tune</c> or <c>test</c>), where it is from, and its words.</summary>
public sealed record GoldSentence(string Id, string Split, string Source, IReadOnlyList<string> Words)
{
    /// <summary>The sentence as written (its words joined).</summary>
    public string Text => string.Concat(Words);
}

/// <summary>
/// How a lexicon's segmentation agrees with a segmentation made by hand, counted over Han words of two characters or more:
/// a learned word <b>crosses</b> the gold one when it begins or ends inside a gold word (严治党 in 从|严治党, 华人民共和国 in
/// 中|华人民共和国); a gold word is <b>split</b> when a learned word boundary falls inside it (一审 cut 一 + 审). A learned
/// word made of whole gold words (国有企业改革 for 国有 企业 改革) is neither: the lexicon learns the genre's compounds on
/// purpose, so only boundaries in the wrong place count as errors.
/// </summary>
public static class SegmentationGold
{
    /// <summary>
    /// Reads a gold file: <c>id, split, source, words</c> tab-separated, the words separated by single spaces; lines beginning
    /// with <c>#</c> and the header are skipped. A malformed line (an empty word, no split or the split <c>all</c>, an id
    /// seen before) or a file without sentences throws, naming the file and line.
    /// </summary>
    public static List<GoldSentence> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<GoldSentence>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("id\t", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split('\t');
            var words = fields.Length == 4 ? fields[3].Split(' ') : [];
            if (fields.Length != 4 || words.Any(w => w.Length == 0) || fields[1].Length == 0 || fields[1] == "all")
            {
                throw new SpeechArchiveException(string.Create(CultureInfo.InvariantCulture, $"{name} line {number}: expected id, split (not 'all'), source and the words separated by single spaces"));
            }

            if (!ids.Add(fields[0]))
            {
                throw new SpeechArchiveException(string.Create(CultureInfo.InvariantCulture, $"{name} line {number}: the id {fields[0]} is used twice"));
            }

            sentences.Add(new GoldSentence(fields[0], fields[1], fields[2], words));
        }

        return sentences.Count > 0 ? sentences : throw new SpeechArchiveException($"{name}: no sentences");
    }

    /// <summary>The agreement of <paramref name="segmenter"/> with <paramref name="gold"/>.</summary>
    public static SegmentationScore Score(Segmenter segmenter, IEnumerable<GoldSentence> gold)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(gold);
        int learned = 0, goldWords = 0;
        var crossed = new List<string>();
        var cut = new List<string>();
        foreach (var sentence in gold)
        {
            var text = sentence.Text;
            var goldBounds = new HashSet<int> { 0 };
            var at = 0;
            foreach (var word in sentence.Words)
            {
                at += word.Length;
                goldBounds.Add(at);
            }

            var spans = segmenter.Segment(text);
            var bounds = new HashSet<int>(spans.SelectMany(s => new[] { s.Start, s.End }));
            foreach (var span in spans.Where(s => IsHanWord(s.Text)))
            {
                learned++;
                if (!goldBounds.Contains(span.Start) || !goldBounds.Contains(span.End))
                {
                    crossed.Add(span.Text);
                }
            }

            at = 0;
            foreach (var word in sentence.Words)
            {
                if (IsHanWord(word))
                {
                    goldWords++;
                    if (Enumerable.Range(at + 1, word.Length - 1).Any(bounds.Contains))
                    {
                        cut.Add(word);
                    }
                }

                at += word.Length;
            }
        }

        return new SegmentationScore(learned, goldWords, crossed, cut);
    }

    /// <summary>
    /// The agreement per split (in order of name) and over all the sentences (<c>all</c>), each sentence segmented once.
    /// </summary>
    public static List<(string Split, SegmentationScore Score)> BySplit(Segmenter segmenter, IReadOnlyList<GoldSentence> gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var each = gold.Select(s => (s.Split, Score: Score(segmenter, [s]))).ToList();
        return
        [
            .. each.GroupBy(x => x.Split, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, SegmentationScore.Sum(g.Select(x => x.Score)))),
            ("all", SegmentationScore.Sum(each.Select(x => x.Score))),
        ];
    }

    private static bool IsHanWord(string word) => word.Length >= 2 && Lexicon.IsWord(word);
}

/// <summary>Counts of <see cref="SegmentationGold.Score"/>, with the learned words that cross and the gold words split.</summary>
public sealed record SegmentationScore(int Learned, int GoldWords, IReadOnlyList<string> Crossed, IReadOnlyList<string> Cut)
{
    /// <summary>How many learned words cross a gold word.</summary>
    public int Crossing => Crossed.Count;

    /// <summary>How many gold words a learned boundary cuts.</summary>
    public int Split => Cut.Count;

    /// <summary>The share of learned words (two characters or more) that begin or end inside a gold word.</summary>
    public double CrossingRate => Learned == 0 ? 0 : (double)Crossing / Learned;

    /// <summary>The share of gold words (two characters or more) a learned boundary cuts.</summary>
    public double SplitRate => GoldWords == 0 ? 0 : (double)Split / GoldWords;

    /// <summary>The scores added up, their words in order.</summary>
    public static SegmentationScore Sum(IEnumerable<SegmentationScore> scores)
    {
        var list = scores.ToList();
        return new(list.Sum(s => s.Learned), list.Sum(s => s.GoldWords), [.. list.SelectMany(s => s.Crossed)], [.. list.SelectMany(s => s.Cut)]);
    }
}
