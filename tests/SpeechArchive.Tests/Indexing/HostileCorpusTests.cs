using System.Text;
using SpeechArchive.Indexing;
using SpeechArchive.Search;
using SpeechArchive.Tests.Documents;

namespace SpeechArchive.Tests.Indexing;

/// <summary>A corpus of hostile files beside good ones: each bad file fails alone with its reason, everything else indexes.</summary>
public sealed class HostileCorpusTests : IDisposable
{
    private const string Speech = "在全市作风建设工作会议上的讲话\n\n同志们：\n一、提高认识\n要深入学习贯彻会议精神，严禁弄虚作假。\n";

    private readonly TempFolder temp = new();

    private static readonly Dictionary<string, Func<byte[]>> Kinds = new(StringComparer.Ordinal)
    {
        ["100 KB of random bytes"] = () => RandomBytes(100_000),
        ["speech in UTF-16 LE without a byte order mark"] = () => Encoding.Unicode.GetBytes(Speech),
        ["speech with a control character every ten characters"] = () => Utf8(string.Concat(Speech.Chunk(10).Select(c => new string(c) + "\u0001"))),
        ["speech with UTF-8-encoded surrogates (ED A0 80)"] = () => [.. Utf8(Speech), 0xED, 0xA0, 0x80, .. Utf8(Speech)],
        ["no bytes"] = () => [],
        ["only white space"] = () => Utf8(" \n\t\u3000\n"),
        ["6 MB of text"] = () => Utf8(HostileText.Repeat(Speech, 2_100_000)),
        ["front matter with nested anchors and aliases"] = () => File.ReadAllBytes(Fixture.PathOf("front-matter/billion-laughs.md")),
        ["front matter with 10,000 short keys"] = () => Utf8("---\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{i:x}:\n")) + "---\n" + Speech),
        ["front matter of 100,000 keys"] = () => Utf8("---\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"key{i}: v\n")) + "---\n" + Speech),
        ["front matter without a closing fence"] = () => Utf8("---\ntitle: 讲话\n" + Speech),
        ["10,000 quote markers on one line"] = () => Utf8(new string('>', 10_000) + " 文字\n"),
        ["a list nested one level deeper on each of 1,500 lines"] = () => Utf8(string.Concat(Enumerable.Range(0, 1_500).Select(i => new string(' ', 2 * i) + "- 项\n"))),
        ["a 600 KB line of \"[](\""] = () => Utf8(HostileText.Repeat("[](", 600_000) + "\n"),
        ["200,000 link reference definitions"] = () => Utf8(HostileText.Repeat("[a]: /b\n", 1_600_000)),
        ["speech in GB18030"] = () => Gb18030().GetBytes(Speech),
        ["speech in UTF-16 LE with a byte order mark"] = () => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Speech)],
        ["speech in UTF-16 BE with a byte order mark"] = () => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Speech)],
        ["one line of 5,000,000 characters"] = () => Utf8(HostileText.Repeat("speech archive ", 5_000_000)),
        ["speech whose title and body are HTML"] = () => Utf8("<h1 onclick=alert(1)>标题</h1>\n\n同志们：\n<script>alert(1)</script>要加强作风建设。\n"),
    };

    [Fact]
    public void WhenTheCorpusHoldsHostileFiles_ShouldFailEachAloneAndIndexTheRest()
    {
        var corpus = Path.Combine(temp.Path, "corpus");
        var cases = Fixture.ReadRows(Path.Combine("..", "Indexing", "hostile-files.tsv"));
        foreach (var row in cases)
        {
            Assert.True(Kinds.TryGetValue(row[1], out var make), $"unknown kind '{row[1]}' in hostile-files.tsv");
            temp.WriteBytes(Path.Combine("corpus", row[0]), make());
        }

        for (var i = 0; i < 20; i++)
        {
            temp.Write(Path.Combine("corpus", $"good-{i:00}.txt"), Speech.Replace("讲话", $"讲话（第{i}篇）", StringComparison.Ordinal));
        }

        var result = Indexer.Run(new IndexOptions { CorpusDirectory = corpus, IndexDirectory = Path.Combine(temp.Path, "index") });

        foreach (var (file, expected) in cases.Select(r => (r[0], r[2])))
        {
            var failure = result.Failed.SingleOrDefault(f => f.File == file);
            if (expected.StartsWith("failed: ", StringComparison.Ordinal))
            {
                Assert.True(failure is not null, $"{file} should have failed ({expected})");
                Assert.True(failure.Reason.Contains(expected["failed: ".Length..], StringComparison.Ordinal), $"{file}: expected '{expected}', got '{failure.Reason}'");
                continue;
            }

            Assert.True(failure is null, $"{file} should have been indexed but failed: {failure?.Reason}");
            if (expected.StartsWith("indexed, warning: ", StringComparison.Ordinal))
            {
                Assert.Contains(result.Warnings, w => w.StartsWith(file + ":", StringComparison.Ordinal) && w.Contains(expected["indexed, warning: ".Length..], StringComparison.Ordinal));
            }
        }

        var indexed = cases.Count(r => r[2].StartsWith("indexed", StringComparison.Ordinal));
        Assert.Equal(20 + indexed, result.Speeches);
        Assert.Equal(cases.Count - indexed, result.Failed.Count);
        var snapshot = IndexSnapshot.Load(Path.Combine(temp.Path, "index")); // the good files and the GB18030 and UTF-16 copies of the speech
        Assert.Equal(20 + 3, new Searcher(snapshot).Search(new SearchRequest { Query = "弄虚作假" }).TotalSpeeches);
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    public void Dispose() => temp.Dispose();
}
