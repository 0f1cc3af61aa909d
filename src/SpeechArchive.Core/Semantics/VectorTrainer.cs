using SpeechArchive.Analysis;

namespace SpeechArchive.Semantics;

/// <summary>How <see cref="VectorTrainer"/> learns: window, vocabulary, rank, seed.</summary>
public sealed record VectorTrainingOptions
{
    /// <summary>Words on each side that count as context, weighted 1/distance.</summary>
    public int Window { get; init; } = 5;

    /// <summary>A word (or single character) needs this many occurrences to get a vector of its own, within <see cref="MaxWords"/>.</summary>
    public int MinCount { get; init; } = 8;

    /// <summary>At most this many words, most frequent first.</summary>
    public int MaxWords { get; init; } = 40_000;

    /// <summary>
    /// Dimensions of the word vectors: 128, chosen on the tune split over 64 scaled as now and 192 (fewer rounds); 64 with
    /// unscaled rows was level with it once both converged (docs/relevance.md, twenty-first session).
    /// </summary>
    public int Dimensions { get; init; } = 128;

    /// <summary>Context distribution smoothing (Levy, Goldberg and Dagan 2015): counts raised to this power in the marginals.</summary>
    public double Smoothing { get; init; } = 0.75;

    public int Seed { get; init; } = 20261123;

    /// <summary>
    /// Rounds of subspace iteration in the eigendecomposition. A PPMI matrix's eigenvalues fall slowly, so few rounds leave
    /// the leading eigenvectors mixed with the next ones, and the mixture depends on the seed: over the shared corpus, at
    /// 128 dimensions, two seeds gave a word 0.683 of the same ten nearest words after 3 rounds, 0.923 after 25 and 0.962
    /// after 40, so the vectors are the matrix's and not the seed's (docs/relevance.md, twenty-first session).
    /// </summary>
    public int Iterations { get; init; } = 40;
}

/// <summary>
/// Learns word vectors from an archive's own text, since no pretrained model can be obtained here: the text is cut into
/// words with the lexicon, question and function words left out (<see cref="Search.QueryStopWords.OutOfMeaning"/>: the
/// fillers a query drops stay), co-occurrences within a window counted (weighted 1/distance, not across sentence ends),
/// turned into positive PMI with smoothed marginals, and factorised to
/// <see cref="VectorTrainingOptions.Dimensions"/> by a randomized eigendecomposition iterated until another seed gives nearly the
/// same neighbours (<see cref="VectorTrainingOptions.Iterations"/>), each word's row scaled by the square
/// root of the eigenvalues. Deterministic for a given corpus, lexicon and seed on a given kind of processor.
/// </summary>
public static class VectorTrainer
{
    public static WordVectors Train(IEnumerable<string> texts, Segmenter segmenter, VectorTrainingOptions options, string provenance)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(segmenter);

        // Words of every text as ids into an interim table (sentences separated by -1), in text order.
        var interim = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var counts = new List<long>();
        var streams = texts.AsParallel().AsOrdered().Select(text => Words(text, segmenter)).AsSequential().Select(words =>
        {
            var ids = new int[words.Count];
            for (var i = 0; i < words.Count; i++)
            {
                if (words[i] is null)
                {
                    ids[i] = -1;
                    continue;
                }

                if (!interim.TryGetValue(words[i]!, out var id))
                {
                    id = names.Count;
                    interim.Add(words[i]!, id);
                    names.Add(words[i]!);
                    counts.Add(0);
                }

                counts[id]++;
                ids[i] = id;
            }

            return ids;
        }).ToList();

        var vocabulary = Enumerable.Range(0, names.Count).Where(i => counts[i] >= options.MinCount)
            .OrderByDescending(i => counts[i]).ThenBy(i => names[i], StringComparer.Ordinal).Take(options.MaxWords).ToArray();
        var remap = new int[names.Count];
        Array.Fill(remap, -1);
        for (var v = 0; v < vocabulary.Length; v++)
        {
            remap[vocabulary[v]] = v;
        }

        var matrix = Ppmi(streams, remap, vocabulary.Length, options);
        var (values, vectors) = RandomizedEigen.Leading(matrix, options.Dimensions, options.Seed, options.Iterations);
        var dimensions = values.Length;
        var weights = values.Select(v => (float)Math.Sqrt(Math.Max(v, 0))).ToArray();
        for (var row = 0; row < vocabulary.Length; row++)
        {
            for (var d = 0; d < dimensions; d++)
            {
                vectors[(row * dimensions) + d] *= weights[d];
            }
        }

        return new WordVectors([.. vocabulary.Select(i => names[i])], vectors, dimensions, provenance);
    }

    /// <summary>
    /// The base vectors extended with the words of <paramref name="texts"/> they do not know: each such word seen at least
    /// <see cref="VectorTrainingOptions.MinCount"/> times takes the mean of the known words around it (within the window,
    /// weighted 1/distance; "à la carte" without its learned transform), less the mean of all such context vectors, which
    /// every word shares. Null when no word qualifies.
    /// </summary>
    public static WordVectors? Extend(WordVectors known, IEnumerable<string> texts, Segmenter segmenter, VectorTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(known);
        var d = known.Dimensions;
        var sums = new Dictionary<string, (float[] Sum, int Count)>(StringComparer.Ordinal);
        var overall = new double[d];
        long contexts = 0;
        foreach (var words in texts.AsParallel().AsOrdered().Select(t => Words(t, segmenter)).AsSequential())
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (words[i] is not { Length: >= 2 } word || known.Contains(word))
                {
                    continue;
                }

                if (!sums.TryGetValue(word, out var entry))
                {
                    entry = (new float[d], 0);
                }

                var context = new float[d];
                foreach (var step in (ReadOnlySpan<int>)[-1, 1])
                {
                    // Outward from the word, up to the window or a sentence's end.
                    for (var j = i + step; j >= 0 && j < words.Count && Math.Abs(j - i) <= options.Window && words[j] is not null; j += step)
                    {
                        var vector = known.Of(words[j]!);
                        if (!vector.IsEmpty)
                        {
                            VectorMath.AddScaled(context, vector, 1f / Math.Abs(j - i));
                        }
                    }
                }

                VectorMath.AddScaled(entry.Sum, context, 1f);
                for (var k = 0; k < d; k++)
                {
                    overall[k] += context[k];
                }

                contexts++;
                sums[word] = (entry.Sum, entry.Count + 1);
            }
        }

        var mean = overall.Select(x => (float)(x / Math.Max(1, contexts))).ToArray();
        var added = sums.Where(kv => kv.Value.Count >= options.MinCount).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        if (added.Count == 0)
        {
            return null;
        }

        var names = new List<string>(known.Count + added.Count);
        var data = new float[(long)(known.Count + added.Count) * d];
        for (var i = 0; i < known.Count; i++)
        {
            names.Add(known.Words[i]);
            known.Of(known.Words[i]).CopyTo(data.AsSpan(i * d, d));
        }

        foreach (var (word, (sum, count)) in added)
        {
            var row = data.AsSpan(names.Count * d, d);
            sum.CopyTo(row);
            VectorMath.AddScaled(row, mean, -count);
            names.Add(word);
        }

        return new WordVectors(names, data, d, $"{known.Provenance}; extended with {added.Count:N0} of this archive's words from their contexts");
    }

    /// <summary>The content words of a text in order, null where a sentence ends (a window does not cross it).</summary>
    private static List<string?> Words(string text, Segmenter segmenter)
    {
        var words = new List<string?>();
        var previousEnd = 0;
        foreach (var span in segmenter.Segment(text))
        {
            if (EndsSentence(text.AsSpan(previousEnd, span.Start - previousEnd)))
            {
                words.Add(null);
            }

            previousEnd = span.End;
            if (span.Kind == WordKind.Han && !Search.QueryStopWords.OutOfMeaning(span.Text))
            {
                words.Add(span.Text);
            }
        }

        return words;
    }

    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create("。！？；!?;\n");

    private static bool EndsSentence(ReadOnlySpan<char> gap) => gap.IndexOfAny(SentenceEnds) >= 0;

    /// <summary>The parts the co-occurrence counts are kept in (a constant, so that the sums do not depend on the machine's threads).</summary>
    private const int CountingParts = 4;

    /// <summary>Weighted co-occurrence counts within the window, as a symmetric positive-PMI matrix over the vocabulary.</summary>
    private static SparseSymmetric Ppmi(List<int[]> streams, int[] remap, int size, VectorTrainingOptions options)
    {
        // Counted in parts, split among threads: part t takes the pairs whose first word's id is t modulo the parts. Each
        // pair's weights are added in text order, and the parts are read in order after, whatever the number of threads.
        var parts = CountingParts;
        var counted = new Dictionary<long, float>[parts];
        var threads = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, parts, threads, part =>
        {
            var pairs = new Dictionary<long, float>();
            foreach (var stream in streams)
            {
                for (var i = 0; i < stream.Length; i++)
                {
                    if (stream[i] < 0 || remap[stream[i]] is var a && a < 0)
                    {
                        continue;
                    }

                    for (var d = 1; d <= options.Window && i + d < stream.Length; d++)
                    {
                        var other = stream[i + d];
                        if (other < 0)
                        {
                            break; // a sentence ends
                        }

                        var b = remap[other];
                        if (b < 0 || b == a || Math.Min(a, b) % parts != part)
                        {
                            continue;
                        }

                        var key = a < b ? ((long)a * size) + b : ((long)b * size) + a;
                        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(pairs, key, out _) += 1f / d;
                    }
                }
            }

            counted[part] = pairs;
        });

        var marginal = new double[size];
        var total = 0.0;
        foreach (var (key, count) in counted.SelectMany(pairs => pairs))
        {
            marginal[key / size] += count;
            marginal[key % size] += count;
            total += 2 * count;
        }

        var smoothed = marginal.Select(m => Math.Pow(m, options.Smoothing)).ToArray();
        var smoothedTotal = smoothed.Sum();
        var rows = new List<(int Column, float Value)>[size];
        for (var i = 0; i < size; i++)
        {
            rows[i] = [];
        }

        foreach (var (key, count) in counted.SelectMany(pairs => pairs))
        {
            var (a, b) = ((int)(key / size), (int)(key % size));
            var pmi = Math.Log(count / total / (smoothed[a] / smoothedTotal * (smoothed[b] / smoothedTotal)));
            if (pmi > 0)
            {
                rows[a].Add((b, (float)pmi));
                rows[b].Add((a, (float)pmi));
            }
        }

        Parallel.For(0, size, threads, i => rows[i].Sort((x, y) => x.Column.CompareTo(y.Column)));
        var starts = new int[size + 1];
        for (var i = 0; i < size; i++)
        {
            starts[i + 1] = starts[i] + rows[i].Count;
        }

        var columns = new int[starts[size]];
        var values = new float[starts[size]];
        for (var i = 0; i < size; i++)
        {
            for (var k = 0; k < rows[i].Count; k++)
            {
                columns[starts[i] + k] = rows[i][k].Column;
                values[starts[i] + k] = rows[i][k].Value;
            }
        }

        return new SparseSymmetric(size, starts, columns, values);
    }
}
