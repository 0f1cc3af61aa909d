using System.Globalization;
using System.Text.RegularExpressions;
using SpeechArchive.Web.Uploads;

namespace SpeechArchive.Web.Tests.Units;

public sealed partial class UploadedNameTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(TestPaths.Data("upload-names.tsv")).Where(l => !l.StartsWith('#')))
        {
            var parts = line.Split('\t');
            data.Add(Unescape(parts[0]), parts[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhenReadingANameToDelete_ShouldTakeOnlyABareDocumentName(string name, string expected)
    {
        var refusal = UploadedName.Refusal(name);

        if (expected == "ok")
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.NotNull(refusal);
            Assert.Contains(expected, refusal, StringComparison.Ordinal);
            Assert.Matches(@"\([a-z][^)]*\)$", refusal); // the English after the Chinese, as the API's other errors
        }
    }

    private static string Unescape(string text) =>
        Escape().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex Escape();
}
