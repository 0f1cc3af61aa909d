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
    /// The eigendecomposition's stopping point: the leading Ritz pairs' mean relative residual (<see cref="RandomizedEigen"/>).
    /// A PPMI matrix's eigenvalues fall slowly, so a loose solution leaves the leading eigenvectors mixed with the next ones,
    /// and the mixture depends on the seed: over the shared corpus, at 128 dimensions, two seeds gave a word 0.683 of the same
    /// ten nearest words after 3 rounds of plain subspace iteration and 0.954 after 40 (residual 2·10⁻³); at 10⁻³ each keeps
    /// 0.96–0.97 of them against a solution converged to 10⁻⁵ (docs/relevance.md, twenty-first and seventieth sessions).
    /// </summary>
    public double Tolerance { get; init; } = RandomizedEigen.DefaultTolerance;

    /// <summary>The most filtered rounds of the eigendecomposition, whatever the residual.</summary>
    public int MaxRounds { get; init; } = RandomizedEigen.DefaultRounds;
}

/// <summary>
/// Learns word vectors from an archive's own text, since no pretrained model can be obtained here: the text is cut into
/// words with the lexicon, question and function words left out (<see cref="Search.QueryStopWords.OutOfMeaning"/>: the
/// fillers a query drops stay), co-occurrences within a window counted (weighted 1/distance, not across sentence ends),
/// turned into positive PMI with smoothed marginals, and factorised to
/// <see cref="VectorTrainingOptions.Dimensions"/> by an eigendecomposition solved to a tolerance
/// (<see cref="VectorTrainingOptions.Tolerance"/>), started from vectors already known when there are any (the base vectors,
/// for an archive learning its own: fewer rounds, the same solution), each word's row scaled by the square root of the
/// eigenvalues. Deterministic for a given corpus, lexicon, start and seed on a given kind of processor.
/// </summary>
public static class VectorTrainer
{
    public static WordVectors Train(IEnumerable<string> texts, Segmenter segmenter, VectorTrainingOptions options, string provenance, WordVectors? start = null)
        => Learn(texts, segmenter, options, provenance, start).Vectors;

    /// <summary>
    /// <see cref="Train"/>, with the eigendecomposition's rounds and final residual. <paramref name="start"/>: vectors whose
    /// rows for the vocabulary's words (zero for the words it lacks) start the eigendecomposition.
    /// </summary>
    public static (WordVectors Vectors, int Rounds, double Residual) Learn(IEnumerable<string> texts, Segmenter segmenter, VectorTrainingOptions options,
        string provenance, WordVectors? start = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(segmenter);

        var list = texts as IReadOnlyList<string> ?? texts.ToList();
        return Learn(CutTexts.Of(list, segmenter), Enumerable.Range(0, list.Count), options, provenance, start);
    }

    /// <summary>
    /// <see cref="Learn(IEnumerable{string}, Segmenter, VectorTrainingOptions, string, WordVectors?)"/> from texts already cut
    /// into words (<see cref="CutTexts"/>), those numbered <paramref name="sample"/>: their words as ids (sentences separated
    /// by -1, question and function words left out), then the vectors.
    /// </summary>
    internal static (WordVectors Vectors, int Rounds, double Residual) Learn(CutTexts cut, IEnumerable<int> sample, VectorTrainingOptions options,
        string provenance, WordVectors? start = null)
    {
        var counts = new long[cut.Names.Length];
        var streams = new List<int[]>();
        foreach (var text in sample)
        {
            var (ids, breaks) = (cut.Ids[text], cut.Breaks[text]);
            var stream = new List<int>(ids.Length);
            for (var k = 0; k < ids.Length; k++)
            {
                if (breaks[k])
                {
                    stream.Add(-1);
                }

                if (!cut.OutOfMeaning[ids[k]])
                {
                    stream.Add(ids[k]);
                    counts[ids[k]]++;
                }
            }

            streams.Add([.. stream]);
        }

        return Solve(streams, cut.Names, counts, options, provenance, start);
    }

    /// <summary>Word vectors from the texts' words as ids into <paramref name="names"/> (sentences separated by -1), with the ids' <paramref name="counts"/>.</summary>
    private static (WordVectors Vectors, int Rounds, double Residual) Solve(List<int[]> streams, IReadOnlyList<string> names, long[] counts,
        VectorTrainingOptions options, string provenance, WordVectors? start)
    {
        var vocabulary = Enumerable.Range(0, names.Count).Where(i => counts[i] >= options.MinCount)
            .OrderByDescending(i => counts[i]).ThenBy(i => names[i], StringComparer.Ordinal).Take(options.MaxWords).ToArray();
        var remap = new int[names.Count];
        Array.Fill(remap, -1);
        for (var v = 0; v < vocabulary.Length; v++)
        {
            remap[vocabulary[v]] = v;
        }

        var matrix = Ppmi(streams, remap, vocabulary.Length, options);
        var solved = RandomizedEigen.Leading(matrix, options.Dimensions, options.Seed, options.Tolerance, options.MaxRounds,
            start: start is null ? null : StartRows(start, [.. vocabulary.Select(i => names[i])]));
        var (values, vectors) = solved;
        var dimensions = values.Length;
        var weights = values.Select(v => (float)Math.Sqrt(Math.Max(v, 0))).ToArray();
        for (var row = 0; row < vocabulary.Length; row++)
        {
            for (var d = 0; d < dimensions; d++)
            {
                vectors[(row * dimensions) + d] *= weights[d];
            }
        }

        return (new WordVectors([.. vocabulary.Select(i => names[i])], vectors, dimensions, provenance), solved.Rounds, solved.Residual);
    }

    /// <summary>The rows of <paramref name="known"/> for <paramref name="words"/>, one after another (zeros for a word it lacks).</summary>
    private static float[] StartRows(WordVectors known, string[] words)
    {
        var d = known.Dimensions;
        var rows = new float[(long)words.Length * d];
        for (var i = 0; i < words.Length; i++)
        {
            known.Of(words[i]).CopyTo(rows.AsSpan(i * d, d));
        }

        return rows;
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
        var counted = new PairCounts[parts];
        var threads = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, parts, threads, part =>
        {
            var pairs = new PairCounts(1 << 20);
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

                        pairs.Add(a < b ? ((long)a * size) + b : ((long)b * size) + a, 1f / d);
                    }
                }
            }

            counted[part] = pairs;
        });

        // The marginals, each part's summed apart and the parts added in order.
        var partMarginals = new double[parts][];
        Parallel.For(0, parts, threads, part =>
        {
            var marginal = new double[size];
            var (keys, values) = counted[part].Slots;
            for (var slot = 0; slot < keys.Length; slot++)
            {
                if (keys[slot] >= 0)
                {
                    marginal[keys[slot] / size] += values[slot];
                    marginal[keys[slot] % size] += values[slot];
                }
            }

            partMarginals[part] = marginal;
        });

        var marginals = new double[size];
        foreach (var marginal in partMarginals)
        {
            for (var i = 0; i < size; i++)
            {
                marginals[i] += marginal[i];
            }
        }

        var total = marginals.Sum();
        var smoothed = marginals.Select(m => Math.Pow(m, options.Smoothing)).ToArray();
        var smoothedTotal = smoothed.Sum();
        var logShares = smoothed.Select(m => Math.Log(m / smoothedTotal)).ToArray();

        // Each pair's PMI written over its count (zero where it is not positive), and the entries of each row counted by part.
        var perPart = new int[parts][];
        Parallel.For(0, parts, threads, part =>
        {
            var entries = new int[size];
            var (keys, values) = counted[part].Slots;
            for (var slot = 0; slot < keys.Length; slot++)
            {
                if (keys[slot] < 0)
                {
                    continue;
                }

                var (a, b) = ((int)(keys[slot] / size), (int)(keys[slot] % size));
                var pmi = Math.Log(values[slot] / total) - logShares[a] - logShares[b];
                values[slot] = pmi > 0 ? (float)pmi : 0f;
                if (values[slot] > 0)
                {
                    entries[a]++;
                    entries[b]++;
                }
            }

            perPart[part] = entries;
        });

        // Compressed rows: a row's entries from part 0 first, then part 1…, each part writing where its own begin; then each
        // row sorted by column.
        var starts = new int[size + 1];
        var at = new int[parts][];
        for (var part = 0; part < parts; part++)
        {
            at[part] = new int[size];
        }

        for (var i = 0; i < size; i++)
        {
            var offset = starts[i];
            for (var part = 0; part < parts; part++)
            {
                at[part][i] = offset;
                offset += perPart[part][i];
            }

            starts[i + 1] = offset;
        }

        var columns = new int[starts[size]];
        var entriesValues = new float[starts[size]];
        Parallel.For(0, parts, threads, part =>
        {
            var next = at[part];
            var (keys, values) = counted[part].Slots;
            for (var slot = 0; slot < keys.Length; slot++)
            {
                if (keys[slot] < 0 || values[slot] <= 0)
                {
                    continue;
                }

                var (a, b) = ((int)(keys[slot] / size), (int)(keys[slot] % size));
                (columns[next[a]], entriesValues[next[a]++]) = (b, values[slot]);
                (columns[next[b]], entriesValues[next[b]++]) = (a, values[slot]);
            }
        });

        Parallel.For(0, size, threads, i => Array.Sort(columns, entriesValues, starts[i], starts[i + 1] - starts[i]));
        return new SparseSymmetric(size, starts, columns, entriesValues);
    }
}
