using System.Globalization;
using System.Text.RegularExpressions;
using SpeechArchive.Web.Uploads;

namespace SpeechArchive.Web.Tests.Units;

public sealed partial class FileNameSanitizerTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(TestPaths.Data("file-names.tsv")).Where(l => !l.StartsWith('#')))
        {
            var parts = line.Split('\t');
            data.Add(Unescape(parts[0]), parts[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhenSanitizing_ShouldKeepOnlyASafeLastComponent(string input, string expected)
    {
        var safe = FileNameSanitizer.Sanitize(input, out var reason);

        Assert.Equal(expected == "-" ? null : expected, safe);
        Assert.Equal(safe is null, reason is not null);
        if (safe is not null)
        {
            Assert.DoesNotContain(safe, c => char.IsControl(c) || c is '/' or '\\' or ':');
            Assert.False(safe.StartsWith('.'));
            Assert.InRange(safe.Length, 1, FileNameSanitizer.MaxLength);
        }
    }

    private static string Unescape(string text) =>
        Escape().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex Escape();
}
