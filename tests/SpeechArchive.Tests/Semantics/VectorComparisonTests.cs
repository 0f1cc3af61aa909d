using System.Text.Json;
using SpeechArchive.Semantics;
using SpeechArchive.Tests.Cli;

namespace SpeechArchive.Tests.Semantics;

public sealed class VectorComparisonTests
{
    /// <summary>Six words on a circle in three close pairs: 甲乙 at 0° and 10°, 丙丁 at 90° and 100°, 戊己 at 180° and 190°.</summary>
    private static readonly (string Word, double Degrees)[] Pairs = [("甲", 0), ("乙", 10), ("丙", 90), ("丁", 100), ("戊", 180), ("己", 190)];

    [Fact]
    public void WhenAModelIsRotated_ShouldFindTheSameNeighbours()
    {
        var model = Model(Pairs);
        var rotated = Model(Pairs.Select(p => (p.Word, p.Degrees + 45)));

        var agreement = VectorComparison.Compare(model, rotated, nearest: 1);

        Assert.Equal(6, agreement.Words);
        Assert.Equal(1.0, agreement.Overlap, 9);
        Assert.All(agreement.Bands, b => Assert.Equal(1.0, b.Overlap, 9));
    }

    [Fact]
    public void WhenAWordMovesBetweenOthers_ShouldCountTheNeighboursItChanged()
    {
        // 乙 moves to 93°: 甲's nearest becomes 丙, 乙's 丙, 丙's 乙, 丁's 乙; only 戊 and 己 keep theirs.
        var moved = Model(Pairs.Select(p => p.Word == "乙" ? (p.Word, 93.0) : p));

        var agreement = VectorComparison.Compare(Model(Pairs), moved, nearest: 1);

        Assert.Equal(2.0 / 6, agreement.Overlap, 9);
        Assert.Equal([0.0, 0.0, 1.0], agreement.Bands.Select(b => Math.Round(b.Overlap, 9)));
        Assert.Equal([2, 2, 2], agreement.Bands.Select(b => b.Words));
    }

    [Fact]
    public void WhenOnlyOneModelKnowsAWord_ShouldNeitherCompareItNorCountItAsANeighbour()
    {
        // 庚 at 5° would be 甲's nearest in the first model, but the second does not know it.
        var first = Model([.. Pairs, ("庚", 5)]);
        var second = Model([.. Pairs, ("辛", 95)]);

        var agreement = VectorComparison.Compare(first, second, nearest: 1);

        Assert.Equal(6, agreement.Words);
        Assert.Equal(1.0, agreement.Overlap, 9);
    }

    [Fact]
    public void WhenTheModelsShareNoTwoWords_ShouldCompareNone()
    {
        var agreement = VectorComparison.Compare(Model([("甲", 0), ("乙", 10)]), Model([("甲", 0), ("丙", 90)]), nearest: 1);

        Assert.Equal(0, agreement.Words);
    }

    [Fact]
    public void WhenComparingTwoFilesOnTheCommandLine_ShouldPrintTheirAgreementAndNameAMissingFile()
    {
        using var temp = new TempFolder();
        var first = Save(temp, "first.bin", Model(Pairs));
        var second = Save(temp, "second.bin", Model(Pairs.Select(p => p.Word == "乙" ? (p.Word, 93.0) : p)));

        var (code, stdout, stderr) = CliRunner.Run("vectors", "compare", first, second, "--nearest", "1", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(2.0 / 6, json.RootElement.GetProperty("overlap").GetDouble(), 6);
        Assert.Equal(6, json.RootElement.GetProperty("words").GetInt32());

        var missing = temp.Combine("nowhere.bin");
        (code, _, stderr) = CliRunner.Run("vectors", "compare", first, missing);
        Assert.NotEqual(0, code);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
    }

    private static WordVectors Model(IEnumerable<(string Word, double Degrees)> words)
    {
        var list = words.ToList();
        var data = list.SelectMany(w => new[] { (float)Math.Cos(w.Degrees * Math.PI / 180), (float)Math.Sin(w.Degrees * Math.PI / 180) }).ToArray();
        return new WordVectors([.. list.Select(w => w.Word)], data, 2, "test");
    }

    private static string Save(TempFolder temp, string name, WordVectors vectors) => temp.WriteBytes(name, vectors.ToBytes());
}
