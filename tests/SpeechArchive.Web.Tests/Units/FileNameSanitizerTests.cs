using System.Globalization;
using System.Text;
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
        if (reason is not null)
        {
            Assert.Matches(@"\([A-Za-z][^()]*\)", reason); // in English too, as every reason
        }

        if (safe is not null)
        {
            Assert.DoesNotContain(safe, c => char.IsControl(c) || c is '/' or '\\' or ':');
            Assert.False(safe.StartsWith('.'));
            Assert.InRange(safe.Length, 1, FileNameSanitizer.MaxLength);
            Assert.InRange(Encoding.UTF8.GetByteCount(safe), 1, FileNameSanitizer.MaxBytes);
        }
    }

    [Theory]
    [InlineData("在", 86, ".txt")] // 258 bytes in 90 characters: ext4 holds 255 bytes a name (a user trial)
    [InlineData("\uD842\uDFB7", 60, ".md")] // 𠮷, four bytes, two UTF-16 units
    [InlineData("e\u0301", 120, ".md")] // é as e and a combining accent
    [InlineData("a", 300, ".md")]
    public void WhenTheNameIsTooLong_ShouldCutWholeCharactersWithinTheLimitsAndSaySo(string unit, int count, string extension)
    {
        var character = Unescape(unit);
        var name = string.Concat(Enumerable.Repeat(character, count)) + extension;

        var safe = FileNameSanitizer.Sanitize(name, out var reason, out var cutFromBytes);

        Assert.Null(reason);
        Assert.NotNull(safe);
        Assert.Equal(Encoding.UTF8.GetByteCount(name), cutFromBytes);
        Assert.EndsWith(extension, safe, StringComparison.Ordinal);
        Assert.True(FileNameSanitizer.Fits(safe));
        var stem = safe[..^extension.Length];
        Assert.False(FileNameSanitizer.Fits(stem + character + extension)); // as long as it may be
        Assert.Equal(0, stem.Length % character.Length); // whole characters only
        Assert.Equal(string.Concat(Enumerable.Repeat(character, stem.Length / character.Length)), stem);
    }

    [Fact]
    public void WhenTheNameFits_ShouldSayNothingWasCut()
    {
        var safe = FileNameSanitizer.Sanitize(new string('在', 60) + ".md", out _, out var cutFromBytes);

        Assert.Equal(new string('在', 60) + ".md", safe);
        Assert.Equal(0, cutFromBytes);
    }

    [Fact]
    public void WhenTheExtensionAloneIsTooLong_ShouldCutTheWholeNameAndNotThrow()
    {
        var safe = FileNameSanitizer.Sanitize("a." + new string('x', 300), out var reason, out _);

        Assert.Null(reason);
        Assert.NotNull(safe);
        Assert.True(FileNameSanitizer.Fits(safe));
        Assert.StartsWith("a.xxx", safe, StringComparison.Ordinal);
    }

    private static string Unescape(string text) =>
        Escape().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex Escape();
}
