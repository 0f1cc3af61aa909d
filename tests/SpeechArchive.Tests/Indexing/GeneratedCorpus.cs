using System.Text;

namespace SpeechArchive.Tests.Indexing;

/// <summary>
/// Speeches generated from the fixture sentences, many enough that an indexing run lasts seconds. Every paragraph carries the
/// version marker (甲稿, 乙稿, …), so a search tells which version of the corpus an index holds, and whether it holds a mix.
/// </summary>
public static class GeneratedCorpus
{
    public static void Write(string folder, int count, string version)
    {
        Directory.CreateDirectory(folder);
        var sentences = Directory.GetFiles(FixturePaths.Corpus)
            .SelectMany(File.ReadAllLines)
            .Where(l => l.Length > 20 && !l.StartsWith('-') && !l.Contains(':', StringComparison.Ordinal) && !l.Contains('<', StringComparison.Ordinal))
            .ToArray();
        var random = new Random(7);
        for (var i = 0; i < count; i++)
        {
            var sb = new StringBuilder($"第{i}号通报（{version}）\n\n同志们：\n");
            for (var p = 0; p < 40; p++)
            {
                sb.Append(sentences[random.Next(sentences.Length)]).Append("本段属").Append(version).Append('第').Append(i).Append("号。\n");
            }

            File.WriteAllText(Path.Combine(folder, $"gen-{i:0000}.txt"), sb.ToString());
        }
    }
}
