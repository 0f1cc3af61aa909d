using SpeechArchive.Structure;

namespace SpeechArchive.Tests.Structure;

/// <summary>Reads the tab-separated case files under Fixtures/Structure and renders parse results the way they are written.</summary>
internal static class StructureFixtures
{
    public static IEnumerable<string[]> Rows(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Structure", name);
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return line.Split('\t');
            }
        }
    }

    public static TheoryData<string, string, string> Table3(string name)
    {
        var data = new TheoryData<string, string, string>();
        foreach (string[] row in Rows(name))
        {
            data.Add(row[0], row[1], row[2]);
        }

        return data;
    }

    public static TheoryData<string, string, string, string> Table4(string name)
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (string[] row in Rows(name))
        {
            data.Add(row[0], row[1], row[2], row[3]);
        }

        return data;
    }

    /// <summary>Turns the <c>\n</c> written in a case file into a line break.</summary>
    public static string Unescape(string value) => value.Replace("\\n", "\n", StringComparison.Ordinal);

    /// <summary>A case file writes "-" for "none".</summary>
    public static string? NoneAsNull(string value) => value == "-" ? null : value;

    public static string? Slice(string text, TextSpan? span) => span is { } s ? text[s.Start..s.End] : null;

    public static string Labels(IEnumerable<Passage> passages) => string.Join("|", passages.Select(p => p.PointLabel ?? "-"));

    public static string Outline(SpeechStructure structure) =>
        structure.Sections.Count == 0 ? "-" : string.Join("|", structure.Sections.Select(s => $"{s.Level}:{s.Heading}"));
}
