using System.Text;

namespace SpeechArchive.Classification.Evaluation;

/// <summary>The gold set: <c>sentences.tsv</c> and <c>passages.tsv</c> of a folder (format in the gold README).</summary>
public sealed record GoldSet(IReadOnlyList<GoldSentence> Sentences, IReadOnlyList<GoldPassage> Passages)
{
    private const string SentenceHeader = "source\ttext\tdirectiveType\tnote";
    private const string PassageHeader = "source\tstart\tthemes\tnote";

    /// <summary>Reads both files; a missing file, a wrong header or a row with too few columns throws, naming file and line.</summary>
    public static GoldSet Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var sentences = Rows(Path.Combine(folder, "sentences.tsv"), SentenceHeader)
            .Select(r => new GoldSentence(r.Cells[0], r.Cells[1], r.Cells[2].Trim(), r.Cells.ElementAtOrDefault(3) ?? "", r.Line))
            .ToList();
        var passages = Rows(Path.Combine(folder, "passages.tsv"), PassageHeader)
            .Select(r => new GoldPassage(r.Cells[0], r.Cells[1], Themes(r.Cells[2]), r.Cells.ElementAtOrDefault(3) ?? "", r.Line))
            .ToList();
        return new GoldSet(sentences, passages);
    }

    private static List<string> Themes(string cell) =>
        cell.Trim() is "" or "none" ? [] : [.. cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static IEnumerable<(string[] Cells, int Line)> Rows(string path, string header)
    {
        if (!File.Exists(path))
        {
            throw new SpeechArchiveException($"{path}: gold file not found.");
        }

        var lines = File.ReadAllLines(path, Encoding.UTF8);
        if (lines.Length == 0 || lines[0].TrimEnd('\r') != header)
        {
            throw new SpeechArchiveException($"{path}, line 1: expected the header \"{header.Replace('\t', '→')}\" (tab-separated).");
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 3 || cells[0].Length == 0 || cells[1].Length == 0)
            {
                throw new SpeechArchiveException($"{path}, line {i + 1}: expected at least 3 tab-separated columns with source and text.");
            }

            yield return (cells, i + 1);
        }
    }
}
