using SpeechArchive.Analysis;
using SpeechArchive.Semantics;

namespace SpeechArchive.Tests.Semantics;

public sealed class VectorTrainingTests
{
    [Fact]
    public void WhenSolvingASymmetricMatrix_ShouldFindItsLeadingEigenpairs()
    {
        // A = Σ λ v vᵀ over five orthonormal vectors (a rotated diagonal), stored dense as a sparse matrix.
        const int n = 40;
        double[] lambdas = [50, 40, 30, -20, 5];
        var basis = Orthonormal(n, lambdas.Length, new Random(3));
        var dense = new double[n, n];
        for (var k = 0; k < lambdas.Length; k++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    dense[i, j] += lambdas[k] * basis[k][i] * basis[k][j];
                }
            }
        }

        var matrix = Sparse(dense);

        var (values, vectors) = RandomizedEigen.Leading(matrix, rank: 3, seed: 11);

        Assert.Equal(3, values.Length);
        Assert.All(values.Zip(lambdas), p => Assert.True(Math.Abs(p.First - p.Second) < 0.01, $"{p.First} for {p.Second}"));
        for (var c = 0; c < 3; c++)
        {
            var v = Enumerable.Range(0, n).Select(i => (double)vectors[(i * 3) + c]).ToArray();
            var residual = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => dense[i, j] * v[j]) - (values[c] * v[i])).Max(Math.Abs);
            Assert.True(residual < 1e-3, $"‖Av − λv‖∞ = {residual} for λ = {values[c]}");
        }
    }

    [Fact]
    public void WhenTheSpectrumFallsSlowly_ShouldReachTheSameEigenvectorFromAnySeedOrStart()
    {
        // Eigenvalues 1/√k over 160 orthonormal vectors, as a PPMI matrix's fall slowly: the block as it starts leaves the
        // eighth eigenvector mixed with its neighbours, and another seed mixes it differently; solved to the tolerance, any
        // seed or start gives it.
        const int n = 160;
        var (dense, basis) = SlowSpectrum(n);
        var matrix = Sparse(dense);
        double Error(EigenResult solved)
        {
            var v = Enumerable.Range(0, n).Select(i => (double)solved.Vectors[(i * 8) + 7]).ToArray();
            var norm = Math.Sqrt(v.Sum(x => x * x));
            return Math.Abs(v.Zip(basis[7]).Sum(p => p.First * p.Second) / norm) is var cosine ? 1 - cosine : 0;
        }

        var fromSeeds = new[] { 11, 12 }.Select(seed => RandomizedEigen.Leading(matrix, rank: 8, seed, oversample: 4)).ToList();
        // A start that holds none of the wanted eigenvectors: the 9th to 16th.
        var away = new float[n * 8];
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < 8; c++)
            {
                away[(i * 8) + c] = (float)basis[8 + c][i];
            }
        }

        var fromAway = RandomizedEigen.Leading(matrix, rank: 8, seed: 11, oversample: 4, start: away);
        var unsolved = RandomizedEigen.Leading(matrix, rank: 8, seed: 11, maxRounds: 0, oversample: 4);

        Assert.All(fromSeeds.Append(fromAway), solved =>
            Assert.True(Error(solved) < 0.001 && solved.Residual <= RandomizedEigen.DefaultTolerance,
                $"1 − |cos| = {Error(solved):0.00000} after {solved.Rounds} rounds, residual {solved.Residual:0.0e0}"));
        Assert.True(Error(unsolved) > 0.02, $"1 − |cos| = {Error(unsolved):0.0000} with no rounds: the spectrum falls too fast to tell");
    }

    [Fact]
    public void WhenFewerEigenvaluesArePositiveThanAskedFor_ShouldSolveThoseAndStop()
    {
        // Three positive eigenvalues of eight asked for, as in a small vocabulary's PPMI matrix (trace zero): the residual
        // counts the positive pairs only, so the rounds stop once those are solved instead of running to the limit.
        const int n = 60;
        double[] lambdas = [5, 4, 3, -1, -2, -3, -4, -5];
        var dense = Rotated(n, lambdas, new Random(8));

        var solved = RandomizedEigen.Leading(Sparse(dense), rank: 8, seed: 3, oversample: 4);

        Assert.True(solved.Rounds < RandomizedEigen.DefaultRounds && solved.Residual <= RandomizedEigen.DefaultTolerance,
            $"{solved.Rounds} rounds, residual {solved.Residual:0.0e0}");
        Assert.All(lambdas.Take(3).Zip(solved.Values), p => Assert.Equal(p.First, p.Second, 1e-3));
    }

    [Fact]
    public void WhenTheMatrixIsZero_ShouldReturnZerosWithoutRounds()
    {
        var solved = RandomizedEigen.Leading(Sparse(new double[30, 30]), rank: 4, seed: 3);

        Assert.Equal(0, solved.Rounds);
        Assert.Equal(0, solved.Residual);
        Assert.All(solved.Values, v => Assert.Equal(0, v));
        Assert.All(solved.Vectors, x => Assert.True(float.IsFinite(x)));
    }

    [Fact]
    public void WhenOneEigenvalueDwarfsTheRest_ShouldSolveThemOrSaySo()
    {
        // The top eigenvalue 10⁴ times the next caps the filter's degree (single precision): the solver either finds the
        // eigenvalues or reports a residual above the tolerance, never a converged result that is wrong.
        const int n = 200;
        var lambdas = new[] { 1e4 }.Concat(Enumerable.Range(1, 12).Select(k => 1 - (0.01 * k))).ToArray();
        var dense = Rotated(n, lambdas, new Random(9));

        var solved = RandomizedEigen.Leading(Sparse(dense), rank: 8, seed: 3, oversample: 4);

        var right = lambdas.Take(8).Zip(solved.Values).All(p => Math.Abs(p.First - p.Second) <= 1e-3 * Math.Abs(p.First));
        Assert.True(right || solved.Residual > RandomizedEigen.DefaultTolerance,
            $"values {string.Join(", ", solved.Values.Select(v => v.ToString("0.000")))} with residual {solved.Residual:0.0e0} after {solved.Rounds} rounds");
    }

    [Fact]
    public void WhenStartedFromItsOwnEigenvectors_ShouldTakeFewerRoundsToTheSameSolution()
    {
        const int n = 160;
        var (dense, basis) = SlowSpectrum(n);
        var matrix = Sparse(dense);
        var near = new float[n * 8];
        var random = new Random(3);
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < 8; c++)
            {
                // The eigenvectors, a little disturbed, as a like matrix's would be.
                near[(i * 8) + c] = (float)(basis[c][i] + (0.02 * (random.NextDouble() - 0.5)));
            }
        }

        var cold = RandomizedEigen.Leading(matrix, rank: 8, seed: 11, tolerance: 1e-5, oversample: 4);
        var warm = RandomizedEigen.Leading(matrix, rank: 8, seed: 11, tolerance: 1e-5, oversample: 4, start: near);

        Assert.True(warm.Rounds < cold.Rounds, $"{warm.Rounds} rounds from near the solution, {cold.Rounds} from a random block");
        for (var c = 0; c < 8; c++)
        {
            var dot = Enumerable.Range(0, n).Sum(i => (double)warm.Vectors[(i * 8) + c] * cold.Vectors[(i * 8) + c]);
            Assert.True(Math.Abs(dot) > 0.999, $"eigenvector {c}: |cos| = {Math.Abs(dot):0.00000}");
            Assert.Equal(cold.Values[c], warm.Values[c], 1e-4);
        }
    }

    [Fact]
    public void WhenLearnedFromTextsCutOnce_ShouldGiveTheSameVectorsAsFromTheTexts()
    {
        var texts = Texts();
        var segmenter = TestSegmenter();
        var options = new VectorTrainingOptions { MinCount = 1, Dimensions = 4, Window = 2, Seed = 5 };
        var sample = Enumerable.Range(0, texts.Count).Where(i => i % 3 == 0).ToList();

        var fromTexts = VectorTrainer.Train([.. sample.Select(i => texts[i])], segmenter, options, "test");
        var fromCut = VectorTrainer.Learn(CutTexts.Of(texts, segmenter), sample, options, "test").Vectors;

        Assert.Equal(Bytes(fromTexts), Bytes(fromCut));
    }

    [Fact]
    public void WhenAPassageIsReadFromTheCutText_ShouldHoldTheWordsOfItsOwnText()
    {
        var segmenter = TestSegmenter();
        // 鑫 and 𠀀 (a surrogate pair) are not in the lexicon: each is a word of its own.
        const string text = "市场新鲜苹果，价格增长。\n\n企业扩大钢铁生产；工业产量增长。\nABC居民购买香蕉水果鑫𠀀苹果";
        var cut = CutTexts.Of([text], segmenter);
        // Passages begin and end outside a run of Han characters.
        bool Han(char c) => TextNormalizer.KindOf(TextNormalizer.Fold(c)) == CharKind.Cjk;
        var ends = Enumerable.Range(0, text.Length + 1).Where(i => i == 0 || i == text.Length || !Han(text[i - 1]) || !Han(text[i])).ToList();

        foreach (var start in ends)
        {
            foreach (var end in ends.Where(e => e >= start))
            {
                var own = segmenter.Segment(text[start..end]).Where(w => w.Kind == WordKind.Han).Select(w => w.Text);
                var (from, to) = cut.Within(0, start, end);
                Assert.Equal(own, cut.Ids[0][from..to].Select(id => cut.Names[id]));
            }
        }

        // A sentence ends before 企业 (。), 工业 (；) and 居民 (。, a line and a Latin word between), not before 价格 (，).
        var words = cut.Ids[0].Select(id => cut.Names[id]).ToList();
        Assert.Equal(["企业", "工业", "居民"], words.Where((_, k) => cut.Breaks[0][k]));
    }

    [Fact]
    public void WhenWordsShareTheirContexts_ShouldPlaceThemNearEachOther()
    {
        var vectors = Train(Texts(), seed: 5);

        var fruit = WordVectors.Cosine(vectors.Of("苹果"), vectors.Of("香蕉"));
        var across = WordVectors.Cosine(vectors.Of("苹果"), vectors.Of("钢铁"));

        Assert.True(fruit > across + 0.3, $"cos(苹果, 香蕉) = {fruit:0.00}, cos(苹果, 钢铁) = {across:0.00}");
        Assert.Equal("香蕉", vectors.Nearest(vectors.Of("苹果"), 1, w => w is "香蕉" or "钢铁" or "煤炭")[0].Word);
    }

    [Fact]
    public void WhenTrainedTwiceOnTheSameText_ShouldWriteTheSameBytes()
    {
        Assert.Equal(Bytes(Train(Texts(), seed: 5)), Bytes(Train(Texts(), seed: 5)));
    }

    [Fact]
    public void WhenWrittenAndReadBack_ShouldKeepEveryWordAndItsDirection()
    {
        var vectors = Train(Texts(), seed: 5);

        var read = WordVectors.Read(new MemoryStream(Bytes(vectors)), "test");

        Assert.Equal(vectors.Words, read.Words);
        Assert.Equal(vectors.Provenance, read.Provenance);
        Assert.Equal(vectors.Fingerprint, read.Fingerprint);
        Assert.NotEqual(vectors.Fingerprint, Train(Texts(), seed: 6).Fingerprint);
        Assert.All(vectors.Words, w => Assert.True(WordVectors.Cosine(vectors.Of(w), read.Of(w)) > 0.99, w));
    }

    [Fact]
    public void WhenTheFileIsCutShortOrNotVectors_ShouldSaySoNamingIt()
    {
        var bytes = Bytes(Train(Texts(), seed: 5));

        var cut = Assert.Throws<SpeechArchiveException>(() => WordVectors.Read(new MemoryStream(bytes[..(bytes.Length / 2)]), "cut.bin"));
        var other = Assert.Throws<SpeechArchiveException>(() => WordVectors.Read(new MemoryStream("not vectors at all"u8.ToArray()), "other.bin"));

        Assert.Contains("cut.bin", cut.Message, StringComparison.Ordinal);
        Assert.Contains("other.bin", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenAWordIsNotInTheVocabulary_ShouldComposeItFromItsCharacters()
    {
        var vectors = WordVectors.Base!;

        var composed = vectors.Vector("挖煤");

        Assert.False(vectors.Contains("挖煤"));
        Assert.NotNull(composed);
        Assert.Contains(vectors.Nearest(composed, 5, _ => true), n => n.Word == "煤");
        Assert.Null(vectors.Vector("龘龘"));
    }

    [Fact]
    public void WhenNoNeighbourIsAskedFor_ShouldReturnNone()
    {
        var vectors = Train(Texts(), seed: 5);

        Assert.Empty(vectors.Nearest(vectors.Of("苹果"), 0, _ => true));
    }

    [Fact]
    public void WhenTheBaseVectorsShip_ShouldHoldTheGenresNeighbours()
    {
        var vectors = WordVectors.Base;

        Assert.NotNull(vectors);
        Assert.Contains("vectors learn", vectors!.Provenance, StringComparison.Ordinal);
        var near = vectors.Nearest(vectors.Of("退耕还林"), 10, w => w.Length > 1 && w != "退耕还林").Select(n => n.Word).ToList();
        Assert.Contains("植树造林", near);
        near = vectors.Nearest(vectors.Of("赤字"), 10, w => w.Length > 1 && w != "赤字").Select(n => n.Word).ToList();
        Assert.Contains("财政赤字", near);
    }

    private static readonly string[] Fruit = ["苹果", "香蕉"];
    private static readonly string[] Industry = ["钢铁", "煤炭"];

    /// <summary>Sentences where the fruit share one set of neighbours and the industries another.</summary>
    private static List<string> Texts()
    {
        var texts = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var fruit = Fruit[i % 2];
            var industry = Industry[i % 2];
            texts.Add($"市场新鲜{fruit}水果价格。居民购买{fruit}水果。工业{industry}产量增长。企业扩大{industry}生产。");
        }

        return texts;
    }

    private static WordVectors Train(List<string> texts, int seed) =>
        VectorTrainer.Train(texts, TestSegmenter(), new VectorTrainingOptions { MinCount = 1, Dimensions = 4, Window = 2, Seed = seed }, "test");

    private static Segmenter TestSegmenter() => new(new Lexicon([("苹果", 50), ("香蕉", 50), ("钢铁", 50), ("煤炭", 50), ("市场", 40), ("新鲜", 40), ("水果", 40),
        ("价格", 40), ("居民", 40), ("购买", 40), ("工业", 40), ("产量", 40), ("增长", 40), ("企业", 40), ("扩大", 40), ("生产", 40)]));

    /// <summary>Σ λ v vᵀ over random orthonormal vectors, one for each of <paramref name="lambdas"/>.</summary>
    private static double[,] Rotated(int n, double[] lambdas, Random random)
    {
        var basis = Orthonormal(n, lambdas.Length, random);
        var dense = new double[n, n];
        for (var k = 0; k < lambdas.Length; k++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    dense[i, j] += lambdas[k] * basis[k][i] * basis[k][j];
                }
            }
        }

        return dense;
    }

    /// <summary>A matrix whose eigenvalues are 1/√k over <paramref name="n"/> random orthonormal vectors (also returned).</summary>
    private static (double[,] Dense, double[][] Basis) SlowSpectrum(int n)
    {
        var lambdas = Enumerable.Range(1, n).Select(k => 1 / Math.Sqrt(k)).ToArray();
        var basis = Orthonormal(n, n, new Random(5));
        var dense = new double[n, n];
        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    dense[i, j] += lambdas[k] * basis[k][i] * basis[k][j];
                }
            }
        }

        return (dense, basis);
    }

    private static byte[] Bytes(WordVectors vectors) => vectors.ToBytes();

    private static double[][] Orthonormal(int n, int count, Random random)
    {
        var vectors = new List<double[]>();
        while (vectors.Count < count)
        {
            var v = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
            foreach (var u in vectors)
            {
                var dot = v.Zip(u).Sum(p => p.First * p.Second);
                for (var i = 0; i < n; i++)
                {
                    v[i] -= dot * u[i];
                }
            }

            var norm = Math.Sqrt(v.Sum(x => x * x));
            vectors.Add([.. v.Select(x => x / norm)]);
        }

        return [.. vectors];
    }

    /// <summary>A dense symmetric matrix stored as a sparse one, every entry kept.</summary>
    internal static SparseSymmetric Sparse(double[,] dense)
    {
        var n = dense.GetLength(0);
        var starts = new int[n + 1];
        var columns = new List<int>();
        var values = new List<float>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                columns.Add(j);
                values.Add((float)dense[i, j]);
            }

            starts[i + 1] = columns.Count;
        }

        return new SparseSymmetric(n, starts, [.. columns], [.. values]);
    }
}
