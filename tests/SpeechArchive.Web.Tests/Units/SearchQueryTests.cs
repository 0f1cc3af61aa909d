using FsCheck.Fluent;
using SpeechArchive.Search;
using SpeechArchive.Tests;
using SpeechArchive.Web.Api;

namespace SpeechArchive.Web.Tests.Units;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("信息中心\"一部\"", "信息中心\"一部\"")]
    [InlineData("“省委”办公厅", "“省委”办公厅")]
    [InlineData("纪委\"><svg onload=alert(2)>", "纪委\"><svg onload=alert(2)>")]
    [InlineData("市 人社局", "市 人社局")]
    [InlineData("「甲」“乙”\"丙\"", "「甲」“乙”丙")]
    public void WhenAFilterValueHoldsQuotesOrSpaces_ShouldStillBeOneValue(string value, string expected)
    {
        var parsed = QueryParser.Parse("", ["org:" + SearchQuery.QuoteValue(value)]);

        Assert.Equal(expected, Assert.Single(parsed.Filters.Organizations));
    }

    [Fact]
    public void WhenAFilterValueIsAnything_ShouldParseAsOneValueOrBeRefusedWithAMessage()
    {
        var values = HostileText.Query.Where(v => !string.IsNullOrWhiteSpace(v) && v.Length <= QueryParser.MaxLength / 2);

        PropertyRuns.Check(values, value =>
        {
            try
            {
                var parsed = QueryParser.Parse("", ["org:" + SearchQuery.QuoteValue(value.Trim())]);
                Assert.Single(parsed.Filters.Organizations);
            }
            catch (QuerySyntaxException e)
            {
                // Only a value of nothing but quote marks can be left empty.
                Assert.Contains("缺少取值", e.Message, StringComparison.Ordinal);
            }
        }, cases: 2000, endSize: 40);
    }
}
