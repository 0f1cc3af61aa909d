using SpeechArchive.Web.Api;

namespace SpeechArchive.Web.Tests.Units;

public sealed class ExportNamesTests
{
    [Theory]
    [InlineData("全面从严治党 year:2022", "全面从严治党_year2022")]
    [InlineData("  ../../etc/passwd  ", "etcpasswd")]
    [InlineData("a<b>c|d?e*f\"g\\h", "abcdefgh")]
    [InlineData("   ", "全部")]
    [InlineData("\u202Evsc.exe", "vscexe")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十")]
    public void WhenAQueryNamesAnExport_ShouldKeepOnlyWhatAFileNameTakes(string query, string subject)
    {
        Assert.Equal($"检索_{subject}_101-200.csv", ExportNames.Search(query, 100, 100));
    }

    [Fact]
    public void WhenASearchExportsNothing_ShouldSaySoInsteadOfARange() =>
        Assert.Equal("检索_zzzqqq_无结果.csv", ExportNames.Search("zzzqqq", 0, 0));
}
