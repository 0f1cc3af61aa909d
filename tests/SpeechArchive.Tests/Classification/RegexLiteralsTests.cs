using SpeechArchive.Classification;
using static SpeechArchive.Tests.Classification.ClassificationFixtures;

namespace SpeechArchive.Tests.Classification;

public sealed class RegexLiteralsTests
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var row in Rows("regex-literals.tsv"))
            {
                data.Add(row[0], row[1]);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhenDerivingThePrefilterOfARegex_ShouldReturnTheLiteralsEveryMatchContains(string pattern, string expected)
    {
        var literals = RegexLiterals.Required(pattern);

        Assert.Equal(NoneAsNull(expected), literals is null ? null : string.Join("|", literals));
    }
}
